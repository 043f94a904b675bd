/** @module Last-Modified of a resource no stored date describes (robots.txt, the news sitemap, whose stories age out as time passes). */
import type { Clock } from '../../../core/shared/clock.js';
import type { Page } from '../page-cache.js';

/**
 * When this process first rendered a resource's current bytes (told apart by ETag). Rendering never precedes the
 * change it shows, so If-Modified-Since never gets a 304 for bytes the client has not seen. Last-Modified has
 * one-second resolution: a change within the second of the previous one is dated a second later, so it still tells.
 */
export function createRenderClock(clock: Clock): (key: string, page: Page) => Page {
  const seen = new Map<string, { etag: string; at: number }>();
  return (key, page) => {
    const known = seen.get(key);
    if (known?.etag === page.etag) return { ...page, lastModified: new Date(known.at) };
    const now = Math.floor(clock.now().getTime() / 1000) * 1000;
    const at = known ? Math.max(now, known.at + 1000) : now;
    seen.set(key, { etag: page.etag, at });
    return { ...page, lastModified: new Date(at) };
  };
}
