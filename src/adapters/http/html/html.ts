/** @module The `html` tag: every interpolated value is escaped unless it is SafeHtml, which only raw() and html`` make. */
const SAFE = Symbol('SafeHtml');

export interface SafeHtml {
  readonly [SAFE]: true;
  readonly value: string;
  toString(): string;
}

function makeSafe(value: string): SafeHtml {
  return { [SAFE]: true, value, toString: () => value };
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and quoted attribute values alike. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);
}

export function isSafeHtml(value: unknown): value is SafeHtml {
  return typeof value === 'object' && value !== null && SAFE in value;
}

export type HtmlValue = SafeHtml | string | number | boolean | null | undefined | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return value.map((v: HtmlValue) => render(v)).join('');
  if (isSafeHtml(value)) return value.value;
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: HtmlValue[]): SafeHtml {
  let out = strings[0] ?? '';
  for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '');
  return makeSafe(out);
}

/**
 * Trusted markup. Only for output of the body sanitiser, serialised JSON-LD and the site's own
 * static assets — never for text that came from a person or a wire.
 */
export function raw(trusted: string): SafeHtml {
  return makeSafe(trusted);
}

/**
 * A URL for an href/src: only http(s), mailto, and site-relative paths survive; anything else
 * (javascript:, data:, vbscript:, protocol-relative //) becomes "#".
 */
export function safeUrl(url: string): string {
  const trimmed = url.trim();
  if (/^\/(?![/\\])/.test(trimmed)) return trimmed;
  if (/^(https?:|mailto:)/i.test(trimmed)) {
    try {
      return new URL(trimmed).href;
    } catch {
      return '#';
    }
  }
  return '#';
}

/** JSON for a <script type="application/ld+json"> block: `<`, `>`, `&` and line separators escaped so nothing can close the script. */
export function jsonForScript(value: unknown): SafeHtml {
  const json = JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
  return makeSafe(json);
}
