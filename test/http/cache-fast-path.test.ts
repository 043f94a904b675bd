import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';

let site: TestSite;
let origin: string;
beforeAll(async () => {
  site = await createTestSite();
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await site.close();
});

const HEADERS = ['content-type', 'content-encoding', 'etag', 'vary', 'cache-control', 'last-modified', 'content-security-policy', 'x-content-type-options', 'referrer-policy', 'x-frame-options', 'permissions-policy'];

describe('cache fast path (hits answered before routing)', () => {
  it('answers a hit with the same bytes and headers Fastify sent on the miss', async () => {
    for (const path of ['/', '/section/world', '/feed.xml', '/section/world/feed.atom', '/latest']) {
      site.deps.pageCache.clear();
      const miss = await fetch(origin + path, { headers: { 'accept-encoding': 'br' } });
      const missBody = await miss.text();
      expect(site.deps.pageCache.get(path), path).not.toBeNull();
      const hit = await fetch(origin + path, { headers: { 'accept-encoding': 'br' } });
      expect(await hit.text(), path).toBe(missBody);
      for (const name of HEADERS) expect(hit.headers.get(name), `${path} ${name}`).toBe(miss.headers.get(name));
    }
  });

  it('answers 304 to a matching ETag and leaves query strings and other methods to Fastify', async () => {
    const first = await fetch(`${origin}/`);
    const etag = first.headers.get('etag')!;
    expect((await fetch(`${origin}/`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    // After a 304, a plain request without compression still gets the whole page.
    const plain = await fetch(`${origin}/`, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-length')).toBe(String(Buffer.byteLength(await plain.text())));
    expect((await fetch(`${origin}/?utm_source=x`)).status).toBe(200);
    expect((await fetch(`${origin}/`, { method: 'POST' })).status).toBe(404);
  });

  it('never serves a cached page under a path no route answers', async () => {
    await fetch(`${origin}/feed.xml`);
    expect((await fetch(`${origin}/feeds/latest//rss`)).status).toBe(404);
  });
});
