/**
 * @module Text as it enters Dateline (forms, the API, imports, wire ingest): NFC, and free of the code points
 * no page, feed or sitemap may carry. Cleaned once at the door, so templates never patch it.
 */

/**
 * C0 controls but tab and newline, DEL, C1 controls, lone surrogates, and noncharacters (U+FDD0–U+FDEF and
 * U+xFFFE/U+xFFFF in every plane): HTML forbids them (the Nu checker reports them), XML 1.0 cannot carry most
 * of them, and a reader never meant them. Bidi controls, ZWJ/ZWNJ and variation selectors are text, and stay.
 */
// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** One line of text (a headline, a name, a caption): line breaks and tabs become spaces. */
export function cleanLine(text: string): string {
  return text.replace(/\r\n|[\r\n\t\u2028\u2029\u0085]/g, ' ').replace(FORBIDDEN, '').normalize('NFC');
}

/** Text that may hold line breaks (a body, a bio): CRLF and CR become LF, U+2028/U+2029 too. */
export function cleanMultiline(text: string): string {
  return text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(FORBIDDEN, '').normalize('NFC');
}

/**
 * Every string inside a parsed JSON or form value, cleaned as multiline text (keys too). Fields named in `keep`
 * (passwords, tokens) are left byte for byte as sent: a password is compared, never shown.
 */
export function cleanDeep<T>(value: T, keep: ReadonlySet<string> = new Set()): T {
  if (typeof value === 'string') return cleanMultiline(value) as T;
  if (Array.isArray(value)) return value.map((v) => cleanDeep(v, keep)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      out[cleanMultiline(k)] = keep.has(k) ? v : cleanDeep(v, keep);
    }
    return out as T;
  }
  return value;
}

/** A parsed record (form parsers build theirs on bare prototypes); Dates, Buffers and arrays are not. */
function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && Object.prototype.toString.call(value) === '[object Object]';
}
