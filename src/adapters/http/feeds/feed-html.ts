/** @module Feed HTML: the article page's already-safe markup with every link and image made absolute, since a feed is read away from the site. */
import { safeUrl } from '../html/html.js';

/** An absolute http(s) URL for a site path or an external URL; null for anything safeUrl refuses. */
export function absoluteHttpUrl(siteUrl: string, url: string): string | null {
  const safe = safeUrl(url);
  if (safe === '#' || safe.startsWith('mailto:')) return null;
  return safe.startsWith('/') ? `${siteUrl}${safe}` : safe;
}

/**
 * A URL attribute as the page's renderers write it: always double-quoted, its value escaped, so a `"` never
 * occurs inside one, and text (where `"` is escaped too) can never look like one.
 */
const URL_ATTRIBUTE = /\s(href|src|srcset)="([^"]*)"/g;
const ABSOLUTE = /^(?:[a-z][a-z0-9+.-]*:|#)/i;

/** A value the page would resolve against itself (`/media/…`, a sanitised block's `page.html`), resolved against the site. */
function resolved(value: string, siteUrl: string): string {
  if (ABSOLUTE.test(value)) return value;
  try {
    return new URL(value, `${siteUrl}/`).href;
  } catch {
    return '#';
  }
}

function resolvedSrcset(srcset: string, siteUrl: string): string {
  return srcset.split(',').map((candidate) => {
    const [url = '', ...descriptor] = candidate.trim().split(/\s+/);
    return [resolved(url, siteUrl), ...descriptor].join(' ');
  }).join(', ');
}

/**
 * Rewrites href, src and srcset of markup from the page's renderers (which escaped text, sanitised HTML blocks
 * and checked every URL with safeUrl) so they resolve against the site wherever the feed is read.
 */
export function withAbsoluteUrls(markup: string, siteUrl: string): string {
  return markup.replace(URL_ATTRIBUTE, (_match, name: string, value: string) =>
    ` ${name}="${name === 'srcset' ? resolvedSrcset(value, siteUrl) : resolved(value, siteUrl)}"`);
}
