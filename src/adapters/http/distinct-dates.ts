/** @module Last-Modified that tells every change of a page apart, although HTTP dates count whole seconds. */
import type { Page } from './page-cache.js';

/**
 * Dates each rendering of a page (by cache key) so that If-Modified-Since never gets a 304 for bytes the client
 * has not seen: the same bytes (ETag) keep the date they were first sent with; new bytes whose date falls in or
 * before the second of the previous ones are dated a second later. Past `maxKeys` it starts over, which at worst
 * dates a page as its own data says.
 */
export function createDistinctDates(maxKeys = 50_000): (key: string, page: Page) => Page {
  const seen = new Map<string, { etag: string; at: number }>();
  return (key, page) => {
    if (!page.lastModified || page.status !== 200) return page;
    const known = seen.get(key);
    const at = known?.etag === page.etag ? known.at : nextDate(known?.at, page.lastModified.getTime());
    if (known?.etag !== page.etag) {
      if (seen.size >= maxKeys) seen.clear();
      seen.set(key, { etag: page.etag, at });
    }
    return at === page.lastModified.getTime() ? page : { ...page, lastModified: new Date(at) };
  };
}

function nextDate(previous: number | undefined, ms: number): number {
  const second = Math.floor(ms / 1000) * 1000;
  return previous !== undefined && second <= previous ? previous + 1000 : second;
}
