/**
 * @module Feed fetcher: one conditional GET of a feed over node:http(s), with the SSRF guard on every hop,
 * redirects followed by hand (a few), an idle and a total timeout, and the body streamed up to a size limit.
 * It never throws: every way a hostile or broken server can fail is an `{status: 'error'}` with a clear message.
 */
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import { assertAllowedAddress, guardedLookup, type GuardOptions } from './ssrf-guard.js';

export interface FetchFeedOptions extends GuardOptions {
  etag?: string | null;
  lastModified?: string | null;
  /** No byte for this long ends the fetch (default 10 s). */
  idleTimeoutMs?: number;
  /** The whole fetch, redirects included (default 30 s): a server trickling bytes cannot hold the poller. */
  totalTimeoutMs?: number;
  /** Default 5 MB; a longer body is aborted as soon as it passes the limit. */
  maxBytes?: number;
  /** Default 3. */
  maxRedirects?: number;
  userAgent?: string;
}

export type FetchFeedResult =
  | { status: 'ok'; bytes: Uint8Array; etag: string | null; lastModified: string | null; url: string }
  | { status: 'not-modified' }
  | { status: 'error'; error: string };

export const DEFAULT_FEED_MAX_BYTES = 5 * 1024 * 1024;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

class FetchError extends Error {}

export async function fetchFeed(url: string, options: FetchFeedOptions): Promise<FetchFeedResult> {
  const maxRedirects = options.maxRedirects ?? 3;
  const deadline = new AbortController();
  const total = setTimeout(() => deadline.abort(), options.totalTimeoutMs ?? 30_000);
  try {
    let current = url;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const response = await requestOnce(current, options, deadline.signal);
      if (response.kind === 'redirect') {
        current = response.location;
        continue;
      }
      return response.result;
    }
    return { status: 'error', error: `more than ${maxRedirects} redirects` };
  } catch (error) {
    return { status: 'error', error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(total);
  }
}

type Hop = { kind: 'redirect'; location: string } | { kind: 'done'; result: FetchFeedResult };

function checkedUrl(raw: string, options: GuardOptions): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FetchError(`not a URL: ${raw.slice(0, 200)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FetchError(`refused: ${url.protocol} URLs are not fetched`);
  if (url.username || url.password) throw new FetchError('refused: URLs with credentials are not fetched');
  // An IP literal is connected to without a lookup, so it is checked here.
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host)) assertAllowedAddress(url.hostname, host, options);
  return url;
}

function requestOnce(raw: string, options: FetchFeedOptions, signal: AbortSignal): Promise<Hop> {
  const url = checkedUrl(raw, options);
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? 'Dateline wire desk (+https://github.com/dateline)',
    accept: 'application/rss+xml, application/atom+xml, application/xml, application/json, text/xml;q=0.9, */*;q=0.1',
    'accept-encoding': 'identity',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;
  const get = url.protocol === 'https:' ? https.request : http.request;
  return new Promise<Hop>((resolve, reject) => {
    const fail = (message: string) => reject(new FetchError(message));
    const explain = (error: Error): Error => {
      if (signal.aborted) return new FetchError(`timed out: ${url.host} took longer than ${options.totalTimeoutMs ?? 30_000} ms`);
      if (error instanceof FetchError || (error as { code?: string }).code === 'WIRE_FEED_ADDRESS_REFUSED') return error;
      return new FetchError(`${url.host}: ${error.message}`);
    };
    const req = get(url, { method: 'GET', headers, lookup: guardedLookup(options), agent: false, signal, timeout: options.idleTimeoutMs ?? 10_000 }, (res) => {
      const status = res.statusCode ?? 0;
      if (REDIRECTS.has(status)) {
        res.resume();
        const location = res.headers.location;
        if (!location) return fail(`HTTP ${status} without a Location`);
        return resolve({ kind: 'redirect', location: new URL(location, url).toString() });
      }
      if (status === 304) {
        res.resume();
        return resolve({ kind: 'done', result: { status: 'not-modified' } });
      }
      if (status < 200 || status > 299) {
        res.resume();
        return fail(`HTTP ${status} from ${url.host}`);
      }
      readBody(res, options.maxBytes ?? DEFAULT_FEED_MAX_BYTES).then((bytes) => resolve({
        kind: 'done',
        result: { status: 'ok', bytes, etag: header(res, 'etag'), lastModified: header(res, 'last-modified'), url: url.toString() },
      }), (error: unknown) => {
        req.destroy();
        reject(explain(error as Error));
      });
    });
    req.on('timeout', () => req.destroy(new FetchError(`no data from ${url.host} for ${options.idleTimeoutMs ?? 10_000} ms`)));
    req.on('error', (error) => reject(explain(error)));
    req.end();
  });
}

function header(res: IncomingMessage, name: string): string | null {
  const value = res.headers[name];
  return typeof value === 'string' && value.length <= 500 ? value : null;
}

function readBody(res: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const declared = Number(res.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      res.destroy();
      return reject(new FetchError(`feed too large: ${declared} bytes declared, the limit is ${maxBytes}`));
    }
    const parts: Buffer[] = [];
    let size = 0;
    res.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes) {
        // Reject before destroying: destroying emits 'aborted' at once, which must not win.
        reject(new FetchError(`feed too large: more than ${maxBytes} bytes, aborted`));
        res.destroy();
        return;
      }
      parts.push(chunk);
    });
    res.on('end', () => resolve(new Uint8Array(Buffer.concat(parts))));
    res.on('error', (error) => reject(error));
    res.on('aborted', () => reject(new FetchError('connection closed before the feed was complete')));
  });
}
