/** Unsubscribe links over HTTP: GET changes nothing, POST (one-click or the page's button) turns the list off, a bad token is a 404. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../build-app.js';
import { createHttpDeps } from '../../../main/app-services.js';
import { openStorage, type Storage } from '../../../main/storage.js';
import { seedArabicEdition } from '../../../main/demo-arabic.js';
import { fixedClock } from '../../../core/shared/clock.js';
import { createUnsubscribeService } from '../../../core/mailings/unsubscribe-service.js';
import { createSqlMailingStore } from '../../db/stores/sql-mailing-store.js';
import { signReaderLink } from '../../auth/signed-links.js';
import type { FastifyInstance } from 'fastify';

const KEY = Buffer.alloc(32, 7);
const NOW = new Date('2025-01-18T08:00:00Z');

describe('unsubscribe links', () => {
  let storage: Storage;
  let app: FastifyInstance;
  beforeAll(async () => {
    storage = await openStorage('sqlite::memory:');
    await seedArabicEdition(storage, new Date('2025-01-17T12:00:00Z'));
    const clock = fixedClock(NOW);
    const deps = createHttpDeps(storage, {
      settings: { siteName: 'Dateline <Test>', siteDescription: 'Test', siteUrl: 'http://news.test', timeZone: 'UTC', locale: 'en-GB' },
      pageCache: { enabled: true, maxEntries: 100 }, clock,
    });
    const store = createSqlMailingStore(storage.db, storage.readerDb);
    deps.mailings = { readerLinkKey: async () => KEY, unsubscribe: createUnsubscribeService({ store, ids: { newId: randomUUID }, clock }) };
    app = buildApp(deps);
    await app.ready();
    await storage.readerDb.insertInto('readers').values([
      { id: 'r-en', email: 'lina@mail.test', edition_id: 'en', created_at: NOW.toISOString(), digest: 'daily', newsletters: 1, alert_email: 1 },
      { id: 'r-ar', email: 'سارة@mail.test', edition_id: 'ar', created_at: NOW.toISOString(), digest: 'weekly', newsletters: 1, alert_email: 0 },
    ]).execute();
  });
  afterAll(async () => {
    await app?.close();
    await storage?.close();
  });

  const reader = (id: string) => storage.readerDb.selectFrom('readers').select(['digest', 'newsletters', 'alert_email']).where('id', '=', id).executeTakeFirstOrThrow();
  const oneClick = (token: string, contentType = 'application/x-www-form-urlencoded') => app.inject({
    method: 'POST', url: `/unsubscribe/${token}`, headers: { 'content-type': contentType }, payload: 'List-Unsubscribe=One-Click',
  });

  it('shows the question and a button on GET, in the reader edition, and changes nothing', async () => {
    const token = signReaderLink(KEY, { readerId: 'r-en', list: 'digest', mailing: 'digest:en:2025-01-18' });
    const res = await app.inject({ method: 'GET', url: `/unsubscribe/${token}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('<meta name="referrer" content="no-referrer">');
    expect(res.body).toContain('Stop receiving the digest?');
    expect(res.body).toContain(`<form method="post" action="/unsubscribe/${token}">`);
    expect(res.body).toContain('href="/account"');
    expect(res.body).not.toContain(`${token}" rel="canonical`);
    expect(await reader('r-en')).toEqual({ digest: 'daily', newsletters: 1, alert_email: 1 });

    const ar = await app.inject({ method: 'GET', url: `/unsubscribe/${signReaderLink(KEY, { readerId: 'r-ar', list: 'newsletters' })}` });
    expect(ar.statusCode).toBe(200);
    expect(ar.body).toContain('<html lang="ar" dir="rtl"');
    expect(ar.body).toContain('أتريد إيقاف النشرات البريدية؟');
    expect(ar.body).toContain('href="/ar/account"');
    expect(await reader('r-ar')).toMatchObject({ newsletters: 1 });
  });

  it('turns the list off on a one-click POST and records the mailing, once however often it is pressed', async () => {
    const token = signReaderLink(KEY, { readerId: 'r-en', list: 'newsletters', mailing: 'newsletter:n1' });
    const res = await oneClick(token);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.body).toContain('You will receive no more newsletters.');
    expect(await reader('r-en')).toEqual({ digest: 'daily', newsletters: 0, alert_email: 1 });
    expect((await oneClick(token)).statusCode).toBe(200);
    const rows = await storage.readerDb.selectFrom('unsubscribes').selectAll().where('mailing', '=', 'newsletter:n1').execute();
    expect(rows).toEqual([expect.objectContaining({ reader_id: 'r-en', list: 'newsletters', created_at: NOW.toISOString() })]);
  });

  it('accepts a one-click POST sent as multipart, and "all" turns every list off', async () => {
    const token = signReaderLink(KEY, { readerId: 'r-ar', list: 'all' });
    const res = await app.inject({
      method: 'POST', url: `/unsubscribe/${token}`, headers: { 'content-type': 'multipart/form-data; boundary=x' },
      payload: '--x\r\nContent-Disposition: form-data; name="List-Unsubscribe"\r\n\r\nOne-Click\r\n--x--\r\n',
    });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('dir="rtl"');
    expect(await reader('r-ar')).toEqual({ digest: 'off', newsletters: 0, alert_email: 0 });
  });

  it('answers a tampered, truncated or foreign token with a 404 page that says why, and changes nothing', async () => {
    const token = signReaderLink(KEY, { readerId: 'r-en', list: 'digest' });
    const forged = `${Buffer.from(JSON.stringify({ r: 'r-en', l: 'all' })).toString('base64url')}.${token.split('.')[1]}`;
    for (const bad of [forged, token.slice(0, -2), signReaderLink(Buffer.alloc(32, 1), { readerId: 'r-en', list: 'digest' }), signReaderLink(KEY, { readerId: 'gone', list: 'digest' })]) {
      for (const method of ['GET', 'POST'] as const) {
        const res = method === 'GET' ? await app.inject({ method, url: `/unsubscribe/${bad}` }) : await oneClick(bad);
        expect(res.statusCode, `${method} ${bad}`).toBe(404);
        expect(res.headers['cache-control']).toBe('private, no-store');
        expect(res.body).toContain('This link does not work');
      }
    }
    expect(await reader('r-en')).toMatchObject({ digest: 'daily' });
  });
});
