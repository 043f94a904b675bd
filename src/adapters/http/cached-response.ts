/** @module Serves a response from the page cache or renders, caches and serves it. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page, PageCache } from './page-cache.js';
import type { ReadCounter } from './read-counter.js';
import { sendPage } from './send-page.js';
import { createDistinctDates } from './distinct-dates.js';

/**
 * A cache key from the page's own path (decoded) and only the query parameters it reads, so tracking
 * parameters cannot flood the cache. Keys of parameterless pages equal their URL path, which lets
 * cache-fast-path.ts answer hits by URL alone.
 */
export function cacheKey(path: string, params: Record<string, string | number | null | undefined> = {}): string {
  const query = Object.entries(params)
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return query ? `${path}?${query}` : path;
}

/** With `reads`, a story page served to a reader counts as a read, as on the cache fast path. */
export function createCachedResponder(cache: PageCache, reads: ReadCounter | null = null) {
  // Two changes of one page within a second would otherwise share a Last-Modified, and the second get 304s.
  const distinct = createDistinctDates();
  return async function respond(request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<Page>): Promise<FastifyReply> {
    let page = cache.get(key);
    if (!page) {
      page = distinct(key, await render());
      if (page.status === 200) cache.set(key, page);
    }
    if (page.read && reads && request.method === 'GET' && page.status === 200) reads.count(page.read, request.headers['user-agent']);
    return sendPage(request, reply, page);
  };
}
