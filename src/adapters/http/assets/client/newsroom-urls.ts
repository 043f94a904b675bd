/** @module Which URLs the newsroom editor accepts for links (http, https, mailto, paths on this site) and embeds (http, https). */

function parse(value: string): URL | null {
  try {
    return new URL(value);
  } catch {
    return null;
  }
}

/** True for an absolute http(s) URL. */
export function isWebUrl(value: string): boolean {
  const url = parse(value);
  return url !== null && (url.protocol === 'http:' || url.protocol === 'https:');
}

/**
 * The URL an editor typed, made absolute, or null when it is not allowed. A bare host such as
 * `example.com/page` gets https://; an address with @ and no scheme becomes mailto:.
 */
export function normaliseTypedUrl(input: string, allowMail: boolean): string | null {
  const typed = input.trim();
  if (typed === '' || /\s/.test(typed)) return null;
  let candidate = typed;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(typed)) {
    if (allowMail && /^[^@/]+@[^@/]+\.[^@/]+$/.test(typed)) candidate = `mailto:${typed}`;
    else if (/^(\/\/)?[^/.:]+(\.[^/.:]+)+/.test(typed)) candidate = `https://${typed.replace(/^\/\//, '')}`;
    else return null;
  }
  const url = parse(candidate);
  if (url === null) return null;
  if (url.protocol === 'http:' || url.protocol === 'https:') return url.hostname ? candidate : null;
  return allowMail && url.protocol === 'mailto:' && url.pathname.includes('@') ? candidate : null;
}

/** A path on this site ("/article/…", "/ar/section/…"): one leading slash (two would name another host), no spaces or backslashes. */
export function isSitePath(value: string): boolean {
  return /^\/(?![/\\])[^\s\\]*$/.test(value);
}

/** A link's address as typed: an http(s) or mailto URL (completed as normaliseTypedUrl does), or a path on this site; null otherwise. */
export function normaliseLinkUrl(input: string): string | null {
  const typed = input.trim();
  return isSitePath(typed) ? typed : normaliseTypedUrl(typed, true);
}
