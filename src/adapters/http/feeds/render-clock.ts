/** @module Last-Modified of a resource no stored date describes (robots.txt, the news sitemap, whose stories age out as time passes). */
import type { Clock } from '../../../core/shared/clock.js';
import type { Page } from '../page-cache.js';
import { createDistinctDates } from '../distinct-dates.js';

/**
 * When this process first rendered a resource's current bytes (told apart by ETag). Rendering never precedes the
 * change it shows, so If-Modified-Since never gets a 304 for bytes the client has not seen.
 */
export function createRenderClock(clock: Clock): (key: string, page: Page) => Page {
  const distinct = createDistinctDates();
  return (key, page) => distinct(key, { ...page, lastModified: clock.now() });
}
