/** @module Safe XML: parses untrusted wire XML with fast-xml-parser, entity expansion off, DOCTYPE/ENTITY declarations refused and size limits checked first. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseBudgetExceeded, scanXmlLimits, DEFAULT_XML_LIMITS, type XmlLimits } from './xml-limits.js';
import { decodeXmlEntities, normaliseText } from './wire-text.js';

/** A parsed element: child elements by local name, attributes as `@_name`, text as `#text`, CDATA as `#cdata`. */
export type XmlNode = { [key: string]: unknown };

/** A failure with `busy` is the server's time budget running out (try again later), not a fault of the document. */
export type SafeXmlResult = { ok: true; root: string; node: XmlNode } | { ok: false; error: string; busy?: true };

/**
 * Refuses any document type declaration before the parser sees it. Internal entities are how
 * "billion laughs" and quadratic blow-up work, external ones how XXE reads local files; no wire
 * format needs either, so the receiver declines them outright instead of trying to expand them safely.
 */
export function unsafeXmlReason(text: string): string | null {
  const doctypes = text.match(/<!DOCTYPE/gi)?.length ?? 0;
  if (doctypes > 1 || (doctypes === 1 && !PLAIN_DOCTYPE.test(text))) {
    return 'XML with a DOCTYPE internal subset is refused (entity expansion and external entities are not allowed; a DOCTYPE naming only a public or system identifier is accepted)';
  }
  if (/<!ENTITY/i.test(text)) return 'XML with an ENTITY declaration is refused';
  return null;
}

/**
 * A DOCTYPE that only names the document type ("<!DOCTYPE nitf SYSTEM "nitf-3-2.dtd">"), in the prolog, with no
 * internal subset: allowed, and removed before parsing so the identifier is never resolved or read. The prolog's
 * parts match one way only (a space is one character, a comment or processing instruction ends at its first
 * close): with `\s+` and lazy `[\s\S]*?`, a prolog of many comments and no DOCTYPE took exponential time to refuse.
 */
const PLAIN_DOCTYPE = /^(\uFEFF?(?:\s|<\?(?:(?!\?>)[\s\S])*\?>|<!--(?:(?!-->)[\s\S])*-->)*)<!DOCTYPE\s+[A-Za-z_][\w.:-]*(?:\s+(?:PUBLIC\s+(?:"[^"<>[\]]*"|'[^'<>[\]]*')(?:\s+(?:"[^"<>[\]]*"|'[^'<>[\]]*'))?|SYSTEM\s+(?:"[^"<>[\]]*"|'[^'<>[\]]*')))?\s*>/;

/** The text with a plain DOCTYPE (see unsafeXmlReason) blanked out, line numbers kept. */
export function withoutPlainDoctype(text: string): string {
  return text.replace(PLAIN_DOCTYPE, (whole: string, prolog: string) => prolog + whole.slice(prolog.length).replace(/[^\n]/g, ' '));
}

/** The local name of the root element (prefix dropped), skipping the declaration, processing instructions and comments. */
export function rootElementName(text: string): string | null {
  const prolog = /^(?:\uFEFF)?(?:\s|<\?(?:(?!\?>)[\s\S])*\?>|<!--(?:(?!-->)[\s\S])*-->|<!DOCTYPE[^[<>]*>)*<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/;
  const match = prolog.exec(text.slice(0, 64 * 1024));
  return match?.[2] ?? null;
}

/**
 * Parses a document. `rawElements` are kept as unparsed markup (bodies that are XHTML, NITF or Atom xhtml content).
 * The limits are checked by a linear pre-scan before the (synchronous, uninterruptible) validator and parser run,
 * and the time budget once more between validating and parsing. A spent budget is `busy` (see xml-limits.ts).
 */
export function parseSafeXml(raw: string, rawElements: readonly string[] = [], limits: XmlLimits = DEFAULT_XML_LIMITS): SafeXmlResult {
  const unsafe = unsafeXmlReason(raw);
  if (unsafe) return { ok: false, error: unsafe };
  const text = withoutPlainDoctype(raw);
  const root = rootElementName(text);
  if (!root) return { ok: false, error: 'not XML: no root element' };
  const started = performance.now();
  const overLimit = scanXmlLimits(text, limits, started);
  if (overLimit) return { ok: false, ...overLimit };
  const valid = XMLValidator.validate(text, { allowBooleanAttributes: true });
  if (valid !== true) {
    return { ok: false, error: `malformed XML at line ${valid.err.line}, column ${valid.err.col}: ${valid.err.msg}` };
  }
  if (performance.now() - started > limits.maxParseMs) return { ok: false, ...parseBudgetExceeded(limits) };
  const parser = new XMLParser({
    processEntities: false,
    htmlEntities: false,
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    cdataPropName: '#cdata',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
    allowBooleanAttributes: true,
    stopNodes: rawElements.map((name) => `*.${name}`),
  });
  const doc = parser.parse(text) as XmlNode;
  const node = doc[root];
  return { ok: true, root, node: isNode(node) ? node : { '#text': typeof node === 'string' ? node : '' } };
}

export function isNode(value: unknown): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every child element named `name` (local name), as nodes; text-only children become `{ '#text': … }`. */
export function childrenOf(node: XmlNode | null | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined || value === null) return [];
  return (Array.isArray(value) ? value : [value]).map((v: unknown) => (isNode(v) ? v : { '#text': v === null ? '' : String(v) }));
}

export function childOf(node: XmlNode | null | undefined, name: string): XmlNode | null {
  return childrenOf(node, name)[0] ?? null;
}

/** An attribute, entities decoded and trimmed; null when absent or empty. */
export function attrOf(node: XmlNode | null | undefined, name: string): string | null {
  const value = node?.[`@_${name}`];
  if (typeof value !== 'string') return null;
  const text = normaliseText(decodeXmlEntities(value));
  return text === '' ? null : text;
}

/** All text inside an element (entities decoded, CDATA as is), normalised; '' when absent. */
export function textOf(node: unknown): string {
  return normaliseText(rawTextOf(node));
}

/** The text of a child element, or null when it is absent or empty. */
export function childText(node: XmlNode | null | undefined, name: string): string | null {
  const text = textOf(childOf(node, name));
  return text === '' ? null : text;
}

function rawTextOf(node: unknown): string {
  if (typeof node === 'string') return decodeXmlEntities(node);
  if (typeof node === 'number' || typeof node === 'boolean') return String(node);
  if (Array.isArray(node)) return node.map(rawTextOf).join(' ');
  if (!isNode(node)) return '';
  return Object.entries(node)
    .filter(([key]) => !key.startsWith('@_'))
    .map(([key, value]) => (key === '#cdata' ? cdataText(value) : rawTextOf(value)))
    .join(' ');
}

function cdataText(value: unknown): string {
  return Array.isArray(value) ? value.map(String).join('') : String(value);
}
