/** @module Tests for the feed poller: one round over good and hostile sources; each hostile one fails alone, recorded on the source with back-off. */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/core/shared/clock.js';
import { openStorage, type Storage } from '../../src/main/storage.js';
import { createWireServices } from '../../src/main/wire-services.js';
import { forbiddenAddressReason } from '../../src/adapters/wire/ssrf-guard.js';

const NOW = new Date('2025-01-17T12:00:00Z');
const rss = (title: string, extra = '') => `<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Local Wire</title>
<item><title>${title}</title><guid>${title}</guid><description>${title} happened today in the city centre, officials said. ${extra}</description></item></channel></rss>`;

let server: http.Server;
let port = 0;
let storage: Storage | null = null;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const path = req.url ?? '/';
    if (path === '/good') return res.writeHead(200, { etag: '"g1"' }).end(rss('Bridge reopens'));
    if (path === '/huge') {
      res.writeHead(200, { 'content-type': 'application/rss+xml' });
      const chunk = Buffer.alloc(256 * 1024, ' ');
      res.write('<rss>');
      // Stops writing after 50 MB; the poller aborts long before that.
      let sent = 0;
      const write = () => { while (!res.destroyed && sent < 50 * 1024 * 1024 && res.write(chunk)) sent += chunk.length; };
      res.on('drain', write);
      return write();
    }
    if (path === '/trickle') {
      res.writeHead(200);
      const timer = setInterval(() => res.write('<'), 20);
      return res.on('close', () => clearInterval(timer));
    }
    if (path === '/redirect') return res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end();
    if (path === '/latin') {
      // A lone 0xE9 (Latin-1 é) next to a valid UTF-8 é: malformed UTF-8, not a Latin-1 feed.
      const [head, tail] = rss('Cafe fire', 'MARK').split('MARK');
      return res.writeHead(200).end(Buffer.concat([Buffer.from(head!), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0xc3, 0xa9]), Buffer.from(tail!)]));
    }
    if (path === '/html') return res.writeHead(200, { 'content-type': 'text/html' }).end('<!DOCTYPE html><html><body>Welcome</body></html>');
    return res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

afterEach(async () => {
  await storage?.close();
  storage = null;
});

/** Sources on wire.example, which the test resolves to its local server and treats as public; every other address rule is the real one. */
async function desk() {
  storage = await openStorage('sqlite::memory:');
  return createWireServices(storage, {
    clock: fixedClock(NOW),
    poller: { fetch: {
      totalTimeoutMs: 200, maxBytes: 1024 * 1024,
      resolve: async (host) => [{ address: host === 'wire.example' ? '127.0.0.1' : '10.9.9.9', family: 4 }],
      isForbidden: (address) => (address === '127.0.0.1' ? null : forbiddenAddressReason(address)),
    } },
  });
}

describe('createFeedPoller', () => {
  it.each([
    ['huge', /too large/],
    ['trickle', /timed out/],
    ['redirect', /refused: 169\.254\.169\.254 .*link-local/],
    ['html', /HTML page/],
  ])('records a %s feed’s error on it with back-off, while a good feed in the same round arrives', async (name, error) => {
    const wire = await desk();
    for (const path of ['good', name]) await wire.sources.add({ name: path, kind: 'feed', url: `http://wire.example:${port}/${path}`, everySeconds: 60 });
    const results = await wire.poller.pollDue();
    expect(results).toEqual([
      expect.objectContaining({ source: 'good', status: 'ok', ingested: 1 }),
      expect.objectContaining({ source: name, status: 'error', error: expect.stringMatching(error) }),
    ]);
    const bad = await wire.sources.findBySlug(name);
    expect(bad).toMatchObject({ failures: 1, lastError: expect.stringMatching(error), lastPolledAt: NOW, nextPollAt: new Date(NOW.getTime() + 120_000) });
    expect(await wire.sources.findBySlug('good')).toMatchObject({ failures: 0, lastError: null, etag: '"g1"', nextPollAt: new Date(NOW.getTime() + 60_000) });
    expect((await wire.ingest.list({ limit: 10 })).map((e) => e.headline)).toEqual(['Bridge reopens']);
  });

  it('keeps the items of a feed with malformed UTF-8 and notes the warning on the source', async () => {
    const wire = await desk();
    await wire.sources.add({ name: 'latin', kind: 'feed', url: `http://wire.example:${port}/latin` });
    expect(await wire.poller.pollDue()).toEqual([expect.objectContaining({ source: 'latin', status: 'ok', ingested: 1 })]);
    expect(await wire.sources.findBySlug('latin')).toMatchObject({ failures: 0, lastError: expect.stringMatching(/^warning: .*malformed UTF-8/) });
  });

  it('refuses the loopback server when the source does not allow private addresses, and polls nothing that is not due', async () => {
    storage = await openStorage('sqlite::memory:');
    const wire = createWireServices(storage, { clock: fixedClock(NOW) });
    await wire.sources.add({ name: 'loop', kind: 'feed', url: `http://127.0.0.1:${port}/good` });
    await wire.sources.add({ name: 'allowed', kind: 'feed', url: `http://127.0.0.1:${port}/good`, allowPrivate: true });
    const results = await wire.poller.pollDue();
    expect(results.map((r) => [r.source, r.status])).toEqual([['allowed', 'ok'], ['loop', 'error']]);
    expect(results[1]?.error).toMatch(/refused: 127\.0\.0\.1 .*loopback/);
    expect(await wire.poller.pollDue()).toEqual([]);
  });
});
