/** @module Tests for the feed fetcher against a local node:http server: conditional GET, redirects, limits, timeouts and the SSRF guard. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchFeed } from './feed-fetcher.js';
import { forbiddenAddressReason } from './ssrf-guard.js';

const RSS = '<?xml version="1.0"?><rss version="2.0"><channel><title>T</title><item><title>A</title><guid>a</guid></item></channel></rss>';
let server: http.Server;
let base = '';
const open = new Set<http.ServerResponse>();

beforeAll(async () => {
  server = http.createServer((req, res) => {
    open.add(res);
    res.on('close', () => open.delete(res));
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname === '/feed') {
      if (req.headers['if-none-match'] === '"v1"') return res.writeHead(304).end();
      return res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Fri, 17 Jan 2025 12:00:00 GMT' }).end(RSS);
    }
    if (url.pathname === '/hop') return res.writeHead(302, { location: '/feed' }).end();
    if (url.pathname === '/loop') return res.writeHead(301, { location: '/loop' }).end();
    if (url.pathname === '/to-private') return res.writeHead(302, { location: url.searchParams.get('to') ?? '/' }).end();
    if (url.pathname === '/huge') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(64 * 1024, 'a');
      const write = () => { while (!res.destroyed && res.write(chunk)); };
      res.on('drain', write);
      return write();
    }
    if (url.pathname === '/trickle') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const timer = setInterval(() => res.write('<'), 20);
      return res.on('close', () => clearInterval(timer));
    }
    if (url.pathname === '/silent') return undefined;
    return res.writeHead(500).end('boom');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const res of open) res.destroy();
  await new Promise((resolve) => server.close(resolve));
});

const allowed = { allowPrivate: true };

describe('fetchFeed', () => {
  it('fetches a feed with its validators, then gets 304 with them', async () => {
    const first = await fetchFeed(`${base}/feed`, allowed);
    expect(first).toMatchObject({ status: 'ok', etag: '"v1"', lastModified: 'Fri, 17 Jan 2025 12:00:00 GMT' });
    expect(new TextDecoder().decode((first as { bytes: Uint8Array }).bytes)).toBe(RSS);
    expect(await fetchFeed(`${base}/feed`, { ...allowed, etag: '"v1"' })).toEqual({ status: 'not-modified' });
  });

  it('follows a few redirects and stops at a loop', async () => {
    expect(await fetchFeed(`${base}/hop`, allowed)).toMatchObject({ status: 'ok', url: `${base}/feed` });
    expect(await fetchFeed(`${base}/loop`, allowed)).toEqual({ status: 'error', error: 'more than 3 redirects' });
  });

  it('refuses 127.0.0.1 unless the source allows private addresses', async () => {
    expect(await fetchFeed(`${base}/feed`, { allowPrivate: false })).toEqual({ status: 'error', error: expect.stringMatching(/refused: 127\.0\.0\.1 .*loopback/) });
    expect(await fetchFeed('http://localhost:1/feed', { allowPrivate: false, resolve: async () => [{ address: '127.0.0.1', family: 4 }] }))
      .toEqual({ status: 'error', error: expect.stringMatching(/refused: localhost is at 127\.0\.0\.1/) });
    expect(await fetchFeed('http://[::ffff:127.0.0.1]:1/', { allowPrivate: false })).toMatchObject({ status: 'error', error: expect.stringMatching(/refused/) });
  });

  it('refuses a redirect from a public-looking source to a private address, checked at the hop', async () => {
    // The test server stands in for a public host: its loopback address is treated as public, nothing else is.
    const publicLooking = { allowPrivate: false, isForbidden: (a: string) => (a === '127.0.0.1' ? null : forbiddenAddressReason(a)),
      resolve: async (host: string) => [{ address: host === 'wire.example' ? '127.0.0.1' : '10.0.0.8', family: 4 as const }] };
    const port = new URL(base).port;
    expect(await fetchFeed(`http://wire.example:${port}/feed`, publicLooking)).toMatchObject({ status: 'ok' });
    expect(await fetchFeed(`http://wire.example:${port}/to-private?to=${encodeURIComponent('http://10.0.0.8/admin')}`, publicLooking))
      .toEqual({ status: 'error', error: expect.stringMatching(/refused: 10\.0\.0\.8 .*private/) });
    expect(await fetchFeed(`http://wire.example:${port}/to-private?to=${encodeURIComponent('http://intranet.example/')}`, publicLooking))
      .toEqual({ status: 'error', error: expect.stringMatching(/refused: intranet\.example is at 10\.0\.0\.8/) });
    expect(await fetchFeed(`http://wire.example:${port}/to-private?to=${encodeURIComponent('file:///etc/passwd')}`, publicLooking))
      .toEqual({ status: 'error', error: expect.stringMatching(/file: URLs are not fetched/) });
  });

  it('aborts a body past the size limit, and a server that trickles or goes silent', async () => {
    expect(await fetchFeed(`${base}/huge`, { ...allowed, maxBytes: 1024 * 1024 })).toEqual({ status: 'error', error: expect.stringMatching(/too large: more than 1048576 bytes/) });
    expect(await fetchFeed(`${base}/trickle`, { ...allowed, totalTimeoutMs: 200 })).toEqual({ status: 'error', error: expect.stringMatching(/timed out/) });
    expect(await fetchFeed(`${base}/silent`, { ...allowed, idleTimeoutMs: 100 })).toEqual({ status: 'error', error: expect.stringMatching(/no data .* for 100 ms/) });
    expect(await fetchFeed(`${base}/nothing`, allowed)).toEqual({ status: 'error', error: expect.stringMatching(/HTTP 500/) });
  });
});
