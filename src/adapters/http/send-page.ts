/** @module Sends a Page: conditional GET (ETag, Last-Modified → 304) and gzip/brotli negotiated once per page. */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { pageCacheControl, surrogateKeyHeaders } from './edge-cache-policy.js';
import type { Page } from './page-cache.js';

export const MIN_COMPRESS_BYTES = 512;

const pickedEncodings = new Map<string, 'br' | 'gzip' | null>();

/** Picks br, then gzip, from Accept-Encoding (q=0 refuses). Browsers send a handful of distinct values, so answers are remembered. */
export function pickEncoding(acceptEncoding: string | undefined): 'br' | 'gzip' | null {
  if (!acceptEncoding) return null;
  const known = pickedEncodings.get(acceptEncoding);
  if (known !== undefined) return known;
  const picked = parseEncoding(acceptEncoding);
  if (pickedEncodings.size < 256) pickedEncodings.set(acceptEncoding, picked);
  return picked;
}

function parseEncoding(acceptEncoding: string): 'br' | 'gzip' | null {
  const offered = new Map<string, number>();
  for (const part of acceptEncoding.toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    offered.set((name ?? '').trim(), q ? Number(q.slice(2)) : 1);
  }
  const accepts = (enc: string) => (offered.get(enc) ?? offered.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

export function encoded(page: Page, encoding: 'br' | 'gzip'): Buffer {
  let body = page.encoded.get(encoding);
  if (!body) {
    body = encoding === 'br'
      ? brotliCompressSync(page.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 6, [constants.BROTLI_PARAM_SIZE_HINT]: page.body.length } })
      : gzipSync(page.body, { level: 6 });
    page.encoded.set(encoding, body);
  }
  return body;
}

export function isFresh(request: { headers: FastifyRequest['headers'] }, page: Page): boolean {
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch) {
    const ours = page.etag.replace(/^W\//, '');
    return ifNoneMatch.split(',').some((tag) => tag.trim().replace(/^W\//, '') === ours || tag.trim() === '*');
  }
  const ifModifiedSince = request.headers['if-modified-since'];
  if (ifModifiedSince && page.lastModified) {
    const since = Date.parse(ifModifiedSince);
    return !Number.isNaN(since) && Math.floor(page.lastModified.getTime() / 1000) <= Math.floor(since / 1000);
  }
  return false;
}

/** Validators, caching headers and surrogate keys of a page: the same whether Fastify or the cache fast path sends it. */
export function cachingHeaders(page: Page): Record<string, string> {
  const headers: Record<string, string> = {
    etag: page.etag,
    vary: 'Accept-Encoding',
    'cache-control': pageCacheControl(page),
    ...(page.status === 200 ? surrogateKeyHeaders(page.tags) : {}),
  };
  if (page.lastModified) headers['last-modified'] = page.lastModified.toUTCString();
  return headers;
}

export function sendPage(request: FastifyRequest, reply: FastifyReply, page: Page): FastifyReply {
  const { 'cache-control': cacheControl, ...validators } = cachingHeaders(page);
  reply.headers(validators);
  // A route may have set its own cache policy (search, assets); the page's default applies otherwise.
  if (!reply.hasHeader('cache-control') && cacheControl) reply.header('cache-control', cacheControl);
  if (page.status === 200 && isFresh(request, page)) return reply.code(304).send();
  reply.code(page.status).type(page.contentType);
  const encoding = page.body.length >= MIN_COMPRESS_BYTES ? pickEncoding(request.headers['accept-encoding']) : null;
  if (!encoding) return reply.send(page.body);
  reply.header('content-encoding', encoding);
  return reply.send(encoded(page, encoding));
}
