/** Wire sources in the newsroom: admins add feeds and push endpoints, poll a feed now, and see each source's state. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../support/fixture-path.js';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';

const FEED = readFileSync(fixturePath('feeds/guardian.rss'));

describe('wire sources in the newsroom', () => {
  let site: TestSite;
  let admin: StaffSession;
  let editor: StaffSession;
  let server: Server;
  let feedUrl = '';
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, withFixture: false });
    admin = await staffSession(site, 'admin');
    editor = await staffSession(site, 'editor');
    server = createServer((_req, res) => res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(FEED));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed.xml`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await site.close();
  });

  it('keeps sources to admins', async () => {
    expect((await editor.get('/newsroom/wire/sources')).statusCode).toBe(403);
    expect((await editor.post('/newsroom/wire/sources', { name: 'X', kind: 'push' })).statusCode).toBe(403);
  });

  it('adds a push source and shows its token once', async () => {
    const res = await admin.post('/newsroom/wire/sources', { name: 'Desk Agency', kind: 'push' });
    expect(res.statusCode).toBe(200);
    const token = /Bearer ([0-9a-f]{64})/.exec(res.body)?.[1];
    expect(token).toBeDefined();
    expect(res.body).toContain('/wire/push/desk-agency');
    expect((await admin.get('/newsroom/wire/sources')).body).not.toContain(token!);
  });

  it('refuses a feed on a private address unless allowed, and polls an allowed one into the queue', async () => {
    const refused = await admin.post('/newsroom/wire/sources', { name: 'Local Feed', kind: 'feed', url: feedUrl, every: '60' });
    expect(refused.statusCode).toBe(200);
    const poll = await admin.post('/newsroom/wire/sources/local-feed/poll', {});
    expect(poll.body).toMatch(/Polling Local Feed failed: [^<]*(private|loopback|not allowed)/i);
    expect((await admin.get('/newsroom/wire/sources')).body).toContain('1 failed');

    const allowed = await admin.post('/newsroom/wire/sources', { name: 'Intranet Feed', kind: 'feed', url: feedUrl, every: '60', allow_private: '1' });
    expect(allowed.statusCode).toBe(200);
    const ok = await admin.post('/newsroom/wire/sources/intranet-feed/poll', {});
    expect(ok.body).toMatch(/Polled Intranet Feed: [1-9]\d* new/);
    expect((await site.wire!.ingest.list({ limit: 100 })).length).toBeGreaterThan(0);
  });

  it('names what is wrong with a new source', async () => {
    const noUrl = await admin.post('/newsroom/wire/sources', { name: 'No Address', kind: 'feed', url: '' });
    expect(noUrl.statusCode).toBe(400);
    expect(noUrl.body).toContain('A feed needs its address');
    const ftp = await admin.post('/newsroom/wire/sources', { name: 'Old Feed', kind: 'feed', url: 'ftp://example.com/feed' });
    expect(ftp.body).toContain('must start with http');
  });
});
