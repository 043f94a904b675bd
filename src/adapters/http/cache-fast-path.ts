/**
 * Serves page-cache hits straight from Node's HTTP server, before Fastify routes the request.
 * Profiling the warm article page showed routing, hooks and reply decoration costing more than the
 * cached bytes themselves; a hit needs none of them. Anything else (a miss, a query string, a
 * method other than GET/HEAD) goes on to Fastify unchanged, which answers with identical headers.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page, PageCache } from './page-cache.js';
import type { ReadCounter } from './read-counter.js';
import { SECURITY_HEADERS } from './security-headers.js';
import { cachingHeaders, encoded, isFresh, MIN_COMPRESS_BYTES, pickEncoding } from './send-page.js';

/**
 * The cache key of a plain path: what the routes use for pages without query parameters (see cacheKey). Routes
 * key pages by the decoded path (an Arabic slug arrives percent-encoded), so an encoded URL is decoded the same way;
 * one that does not decode, or decodes into a query or a control character, goes on to Fastify.
 */
export function keyOf(url: string): string | null {
  if (url.includes('?') || url.length > 2000) return null;
  if (!url.includes('%')) return url.length > 300 ? null : url;
  // An encoded slash would make one page answer for another path.
  if (/%2f/i.test(url)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(url);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  if (decoded.length > 300 || /[?#\u0000-\u001f\u007f]/.test(decoded)) return null;
  return decoded;
}

type Encoding = 'br' | 'gzip' | null;

/**
 * Response headers of a page per encoding and transport, as the flat list writeHead takes; built once per page,
 * encoding and transport. HSTS is in the TLS lists only: the page itself never carries it.
 */
const headerLists = new WeakMap<Page, Map<string | null, Map<Encoding, string[]>>>();

function headersOf(page: Page, encoding: Encoding, length: number, hsts: string | null): string[] {
  let byTransport = headerLists.get(page);
  if (!byTransport) headerLists.set(page, (byTransport = new Map()));
  let lists = byTransport.get(hsts);
  if (!lists) byTransport.set(hsts, (lists = new Map()));
  let list = lists.get(encoding);
  if (!list) {
    list = Object.entries({ ...SECURITY_HEADERS, ...(hsts ? { 'strict-transport-security': hsts } : {}), ...cachingHeaders(page) }).flat();
    list.push('content-type', page.contentType, 'content-length', String(length));
    if (encoding) list.push('content-encoding', encoding);
    lists.set(encoding, list);
  }
  return list;
}

/** Strict-Transport-Security for requests that arrived over TLS (see security-headers.ts); null: never sent. */
export interface FastPathHsts {
  value: string;
  isTls: (req: IncomingMessage) => boolean;
}

/** Returns true when it answered the request from the cache; a story page served to a reader counts as a read (`reads`). */
export function serveCachedHit(cache: PageCache, req: IncomingMessage, res: ServerResponse, hsts: FastPathHsts | null = null, reads: ReadCounter | null = null): boolean {
  if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.url) return false;
  const key = keyOf(req.url);
  const page = key ? cache.get(key) : null;
  if (!page || page.status !== 200) return false;
  if (page.read && reads && req.method === 'GET') reads.count(page.read, req.headers['user-agent']);
  const sts = hsts && hsts.isTls(req) ? hsts.value : null;
  if (isFresh(req, page)) {
    // The identity list minus its content-type and content-length: a 304 carries validators, not a body.
    const headers = headersOf(page, null, page.body.length, sts).slice(0, -4);
    res.writeHead(304, headers).end();
    return true;
  }
  const encoding = page.body.length >= MIN_COMPRESS_BYTES ? pickEncoding(req.headers['accept-encoding']) : null;
  const body = encoding ? encoded(page, encoding) : page.body;
  res.writeHead(200, headersOf(page, encoding, body.length, sts));
  res.end(req.method === 'HEAD' ? undefined : body);
  return true;
}
