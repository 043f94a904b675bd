/**
 * End to end through real parts: a digest and a newsletter queued by the mailing services, rendered and sent by the
 * outbox worker over SMTP into a local sink, parsed there; the unsubscribe link read from the message is posted back
 * to the site (one-click) and turns the reader's preference off.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../adapters/http/build-app.js';
import { escapeHtml } from '../adapters/http/html/html.js';
import { createHttpDeps, createImporter } from './app-services.js';
import { parseTextCapture } from '../adapters/wire/text-capture-parser.js';
import { openStorage, type Storage } from './storage.js';
import { seedArabicEdition } from './demo-arabic.js';
import { attachMailings, createMailingServices, type MailingServices } from './mailing-services.js';
import { createDeliveryWorker } from '../core/deliveries/delivery-worker.js';
import { createSmtpSender } from '../adapters/mail/smtp-sender.js';
import { openMailTransport, type ClosableMailTransport } from '../adapters/mail/mail-transport.js';
import { fixtureText, settableClock } from '../../test/support/test-site.js';
import { startSmtpSink, type SinkMessage, type SmtpSink } from '../../test/support/smtp-sink.js';

const EDITOR = { id: 'editor-1', role: 'editor' as const };
const at0 = '2025-01-01T00:00:00.000Z';

describe('digests and newsletters delivered over SMTP, unsubscribed from the message', () => {
  const clock = settableClock(new Date('2025-01-17T18:05:00Z'));
  let storage: Storage;
  let app: FastifyInstance;
  let mailings: MailingServices;
  let sink: SmtpSink;
  let transport: ClosableMailTransport;

  beforeAll(async () => {
    storage = await openStorage('sqlite::memory:');
    const importer = await createImporter(storage, 'UTC', clock);
    await importer.importParsed(parseTextCapture(fixtureText()), { capturedAt: new Date('2025-01-17T15:00:00Z'), sectionName: 'World' });
    await storage.db.insertInto('users').values({
      id: EDITOR.id, email: 'editor@news.test', name: 'Editor', role: 'editor', password_hash: 'x', author_id: null, created_at: at0, password_changed_at: at0, disabled_at: null,
    }).execute();
    await seedArabicEdition(storage, new Date('2025-01-17T14:59:00Z'));
    const settings = { siteName: 'Dateline «Test»', siteDescription: 'Test', siteUrl: 'http://news.test', timeZone: 'UTC', locale: 'en-GB' };
    const deps = createHttpDeps(storage, { settings, pageCache: { enabled: true, maxEntries: 100 }, clock });
    mailings = createMailingServices(storage, { clock, settings, editions: deps.editions, readerLinkKey: async () => Buffer.alloc(32, 5) });
    attachMailings(deps, mailings);
    app = buildApp(deps);
    await app.ready();
    sink = await startSmtpSink();
    transport = openMailTransport({ smtpUrl: sink.url, mailDir: '/nonexistent', logger: { info: () => undefined } });
  });
  afterAll(async () => {
    transport?.close();
    await sink?.close();
    await app?.close();
    await storage?.close();
  });

  it('delivers both parts with List-Unsubscribe headers, and the link turns the list off', async () => {
    const [en] = (await storage.articles.listPublished({ limit: 1, edition: 'en' })).items;
    const [ar] = (await storage.articles.listPublished({ limit: 1, edition: 'ar' })).items;
    const arSection = (await storage.db.selectFrom('articles').select('section_id').where('id', '=', ar!.id).executeTakeFirstOrThrow()).section_id;
    const at = '2025-01-01T00:00:00.000Z';
    await storage.readerDb.insertInto('readers').values([
      { id: 'r-ar', email: 'reader-ar@mail.test', edition_id: 'ar', created_at: at, digest: 'daily', digest_hour: 21, newsletters: 0 },
      { id: 'r-en', email: 'reader-en@mail.test', edition_id: 'en', created_at: at, digest: 'off', digest_hour: 7, newsletters: 1 },
    ]).execute();
    await storage.readerDb.insertInto('reader_follows').values({ reader_id: 'r-ar', kind: 'section', target_id: arSection, created_at: at }).execute();

    // 18:05 UTC is 21:05 in Riyadh: the Arabic reader's digest is due.
    expect(await mailings.digests.queueDueDigests(clock.now())).toMatchObject({ queued: 1 });
    const draft = await mailings.newsletters.create(EDITOR, 'en');
    const subject = 'Friday reads 📰 <b>Пятница</b> 金曜日';
    await mailings.newsletters.update(EDITOR, draft.id, { subject, intro: 'Hello & welcome.', storyIds: [en!.id], audience: 'opted-in', topicSlug: null });
    expect(await mailings.newsletters.sendNow(EDITOR, draft.id)).toBe(1);

    const sender = createSmtpSender({
      transport, from: { name: 'Dateline', address: 'news@news.test' }, renderers: mailings.renderers, ratePerSecond: 50, logger: { warn: () => undefined },
    });
    const worker = createDeliveryWorker({ store: storage.deliveries, senders: { email: sender }, clock, worker: 'e2e' });
    expect(await worker.drain('email')).toMatchObject({ sent: 2, failed: 0, skipped: 0 });
    const messages = await sink.waitFor(2);
    const to = (address: string) => messages.find((m) => m.to.includes(address))!;
    const digest = to('reader-ar@mail.test');
    const newsletter = to('reader-en@mail.test');

    for (const message of [digest, newsletter]) {
      expect(message.headers['list-unsubscribe']).toMatch(/^<http:\/\/news\.test\/unsubscribe\/[\w-]+\.[\w-]+>$/);
      expect(message.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(message.text.length).toBeGreaterThan(50);
      expect(message.html).toContain('<!doctype html>');
      expect(message.html).toContain(message.headers['list-unsubscribe']!.slice(1, -1));
      expect(message.text).toContain(message.headers['list-unsubscribe']!.slice(1, -1));
    }
    expect(digest.subject).toContain('ملخصك اليومي');
    expect(digest.html).toContain('<html lang="ar" dir="rtl">');
    expect(digest.html).toContain(escapeHtml(ar!.headline));
    expect(digest.text).toContain(`http://news.test/ar/article/${encodeURIComponent(ar!.slug)}`);
    expect(newsletter.subject).toBe(subject);
    expect(newsletter.html).toContain('Friday reads 📰 &lt;b&gt;Пятница&lt;/b&gt; 金曜日');
    expect(newsletter.text).toContain('Hello & welcome.');

    await unsubscribeVia(newsletter);
    await unsubscribeVia(digest);
    const readers = await storage.readerDb.selectFrom('readers').select(['id', 'digest', 'newsletters']).orderBy('id').execute();
    expect(readers).toEqual([{ id: 'r-ar', digest: 'off', newsletters: 0 }, { id: 'r-en', digest: 'off', newsletters: 0 }]);
    expect(await mailings.newsletters.counts(EDITOR, draft.id)).toMatchObject({ queued: 1, sent: 1, unsubscribed: 1 });
  }, 30_000);

  async function unsubscribeVia(message: SinkMessage) {
    const url = new URL(message.headers['list-unsubscribe']!.slice(1, -1));
    // What a mail provider does for RFC 8058: POST the body to the header's URL.
    const res = await app.inject({
      method: 'POST', url: url.pathname, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: message.headers['list-unsubscribe-post']!,
    });
    expect(res.statusCode).toBe(200);
  }
});
