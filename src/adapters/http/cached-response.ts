/** @module Serves a response from the page cache or renders, caches and serves it. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Page, PageCache } from './page-cache.js';
import { sendPage } from './send-page.js';

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

export function createCachedResponder(cache: PageCache) {
  return async function respond(request: FastifyRequest, reply: FastifyReply, key: string, render: () => Promise<Page>): Promise<FastifyReply> {
    let page = cache.get(key);
    if (!page) {
      page = await render();
      if (page.status === 200) cache.set(key, page);
    }
    return sendPage(request, reply, page);
  };
}
