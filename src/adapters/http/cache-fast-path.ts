/**
 * Serves page-cache hits straight from Node's HTTP server, before Fastify routes the request.
 * Profiling the warm article page showed routing, hooks and reply decoration costing more than the
 * cached bytes themselves; a hit needs none of them. Anything else (a miss, a query string, a
 * method other than GET/HEAD) goes on to Fastify unchanged, which answers with identical headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PageCache } from './page-cache.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { encoded, isFresh, MIN_COMPRESS_BYTES, pickEncoding } from './send-page.js';

/** The cache key of a plain path: what the routes use for pages without query parameters (see cacheKey). */
function keyOf(url: string): string | null {
  if (url.includes('?') || url.includes('%') || url.length > 300) return null;
  return url;
}

/** Returns true when it answered the request from the cache. */
export function serveCachedHit(cache: PageCache, req: IncomingMessage, res: ServerResponse): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
  const key = keyOf(req.url);
  const page = key ? cache.get(key) : null;
  if (!page || page.status !== 200) return false;
  const headers: Record<string, string | number> = {
    ...SECURITY_HEADERS,
    etag: page.etag,
    vary: 'Accept-Encoding',
    'cache-control': `public, max-age=${page.maxAge}`,
  };
  if (page.lastModified) headers['last-modified'] = page.lastModified.toUTCString();
  if (isFresh(req, page)) {
    res.writeHead(304, headers).end();
    return true;
  }
  const encoding = page.body.length >= MIN_COMPRESS_BYTES ? pickEncoding(req.headers['accept-encoding']) : null;
  const body = encoding ? encoded(page, encoding) : page.body;
  headers['content-type'] = page.contentType;
  headers['content-length'] = body.length;
  if (encoding) headers['content-encoding'] = encoding;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
