/** @module How long browsers and shared caches (Varnish, a CDN) may keep a response, and the surrogate keys that let Dateline purge it. */
import type { FastifyInstance } from 'fastify';
import { surrogateKeyList } from '../edge/surrogate-key.js';

/**
 * Browsers cannot be purged, so they keep a page only briefly: long enough for back/forward and a quick
 * second visit, short enough that a reader who reloads after a publish sees it within seconds. After that the
 * browser revalidates with the ETag, which the edge answers with a 304.
 */
export const BROWSER_MAX_AGE = 10;
/**
 * Past its s-maxage the edge may answer with the stale copy while it fetches a fresh one, so no reader waits
 * for a render when a popular page expires. Purged pages are removed outright (not soft-purged), so this never
 * shows a story's old version after a change.
 */
export const STALE_WHILE_REVALIDATE = 60;
/** When Dateline is down or failing, the edge keeps serving the last good page for a day: stale news beats no news. */
export const STALE_IF_ERROR = 86_400;

/** Never stored by a shared cache: the newsroom, error pages, anything personal. */
export const NOT_AT_THE_EDGE = 'private, no-store';

/**
 * Cache-Control of a page Dateline rendered. `s-maxage` is the page's own maxAge (60 s for HTML, longer for feeds
 * and sitemaps): the edge is purged by key on every publish, update and unpublish, so s-maxage only bounds what
 * drifts without a story changing (server-rendered "Updated 3 min ago", the news sitemap's 48-hour window) and
 * how long a lost purge can matter.
 */
export function pageCacheControl(page: { status: number; maxAge: number }): string {
  if (page.status !== 200) return NOT_AT_THE_EDGE;
  const browser = Math.min(BROWSER_MAX_AGE, page.maxAge);
  return `public, max-age=${browser}, s-maxage=${page.maxAge}, stale-while-revalidate=${STALE_WHILE_REVALIDATE}, stale-if-error=${STALE_IF_ERROR}`;
}

/**
 * The page's surrogate keys, space-separated, under both names edges read: `Surrogate-Key` (Fastly and
 * CDNs of its kind) and `xkey` (Varnish's xkey vmod). Empty when the page depends on no story. Tags hold
 * slugs in any script; surrogateKeyList makes them ASCII, as purges do.
 */
export function surrogateKeyHeaders(tags: readonly string[]): Record<string, string> {
  if (tags.length === 0) return {};
  const keys = surrogateKeyList(tags);
  return { 'surrogate-key': keys, xkey: keys };
}

export function isNewsroomPath(url: string): boolean {
  return url === '/newsroom' || url.startsWith('/newsroom/') || url.startsWith('/newsroom?');
}

/** Last word on every response Fastify sends: the newsroom and errors stay out of shared caches, whatever a route set. */
export function registerEdgeCachePolicy(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode >= 400 || isNewsroomPath(request.url)) {
      reply.header('cache-control', NOT_AT_THE_EDGE);
      reply.removeHeader('surrogate-key');
      reply.removeHeader('xkey');
    }
    return payload;
  });
}
