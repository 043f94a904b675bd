/** Newsletters in the newsroom over HTTP: roles, compose with the story picker, preview, send to the audience, schedule, counts. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../build-app.js';
import { createHttpDeps, createImporter } from '../../../main/app-services.js';
import { openStorage, type Storage } from '../../../main/storage.js';
import { seedArabicEdition } from '../../../main/demo-arabic.js';
import { createNewsroomServices } from '../../../main/newsroom-services.js';
import { attachMailings, createMailingServices, type MailingServices } from '../../../main/mailing-services.js';
import { createArgon2PasswordHasher } from '../../auth/argon2-password-hasher.js';
import { parseTextCapture } from '../../wire/text-capture-parser.js';
import type { Role } from '../../../core/staff/staff-user.js';
import { MAILING_ACTIONS, type MailingAction } from '../../../core/mailings/mailing-rules.js';
import { fixtureText, settableClock, type TestSite } from '../../../../test/support/test-site.js';
import { staffSession, type StaffSession } from '../../../../test/support/newsroom-session.js';

const CAPTURED_AT = new Date('2025-01-17T15:00:00Z');
const KEY = Buffer.alloc(32, 9);

describe('newsletters in the newsroom', () => {
  let storage: Storage;
  let site: TestSite;
  let mailings: MailingServices;
  let mediaDir: string;
  const clock = settableClock(CAPTURED_AT);
  const sessions = new Map<Role, StaffSession>();
  let enStory: { id: string; headline: string };
  let arStory: string;
  let topic: { id: string; slug: string };

  beforeAll(async () => {
    storage = await openStorage('sqlite::memory:');
    const importer = await createImporter(storage, 'UTC', clock);
    await importer.importParsed(parseTextCapture(fixtureText()), { capturedAt: CAPTURED_AT, sectionName: 'World' });
    await seedArabicEdition(storage, new Date(CAPTURED_AT.getTime() - 60_000));
    mediaDir = mkdtempSync(join(tmpdir(), 'dateline-newsletters-'));
    const newsroom = createNewsroomServices(storage, { clock, mediaDir, maxUploadBytes: 1_048_576, maxPixels: 1_000_000, hasher: createArgon2PasswordHasher({ memoryCost: 1024, timeCost: 1 }) });
    const settings = { siteName: 'Dateline Test', siteDescription: 'Test', siteUrl: 'http://news.test', timeZone: 'UTC', locale: 'en-GB' };
    const deps = createHttpDeps(storage, { newsroom, settings, pageCache: { enabled: false, maxEntries: 0 }, clock });
    mailings = createMailingServices(storage, { clock, settings, editions: deps.editions, readerLinkKey: async () => KEY, batchSize: 400 });
    attachMailings(deps, mailings);
    const app = buildApp(deps);
    await app.ready();
    site = { app, storage, newsroom } as unknown as TestSite;
    for (const role of ['contributor', 'reporter', 'editor', 'admin'] as Role[]) sessions.set(role, await staffSession(site, role));

    const [first] = (await storage.articles.listPublished({ limit: 1, edition: 'en' })).items;
    enStory = { id: first!.id, headline: first!.headline };
    arStory = (await storage.articles.listPublished({ limit: 1, edition: 'ar' })).items[0]!.id;
    topic = await storage.db.selectFrom('topics').select(['id', 'slug']).orderBy('slug').executeTakeFirstOrThrow();
    const readers = Array.from({ length: 1500 }, (_, i) => ({ id: `r-${String(i).padStart(5, '0')}`, email: `r${i}@mail.test`, edition_id: 'en', created_at: '2025-01-01T00:00:00.000Z', newsletters: 1 }));
    readers.push(...Array.from({ length: 10 }, (_, i) => ({ id: `x-${i}`, email: `x${i}@mail.test`, edition_id: 'en', created_at: '2025-01-01T00:00:00.000Z', newsletters: 0 })));
    readers.push(...Array.from({ length: 5 }, (_, i) => ({ id: `a-${i}`, email: `a${i}@mail.test`, edition_id: 'ar', created_at: '2025-01-01T00:00:00.000Z', newsletters: 1 })));
    for (let i = 0; i < readers.length; i += 500) await storage.readerDb.insertInto('readers').values(readers.slice(i, i + 500)).execute();
    await storage.readerDb.insertInto('reader_follows').values(['r-00003', 'r-00004', 'x-1'].map((id) => ({ reader_id: id, kind: 'topic', target_id: topic.id, created_at: '2025-01-01T00:00:00.000Z' }))).execute();
  }, 60_000);
  afterAll(async () => {
    await site?.app.close();
    await storage?.close();
    rmSync(mediaDir, { recursive: true, force: true });
  });

  const editor = () => sessions.get('editor')!;
  async function newNewsletter(edition = 'en'): Promise<string> {
    const res = await editor().post('/newsroom/newsletters', { edition });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
    return /newsletters\/([\w-]+)$/.exec(res.headers.location as string)![1]!;
  }
  const compose = (id: string, form: Record<string, string>) => editor().post(`/newsroom/newsletters/${id}`, form);

  // The newsletter rows of the mailing table ('alert.send' has its matrix in alert-routes.test.ts).
  const NEWSLETTER_ACTIONS = MAILING_ACTIONS.filter((a) => a.startsWith('newsletter.'));
  const EXPECTED: Record<Role, readonly MailingAction[]> = { contributor: [], reporter: [], editor: NEWSLETTER_ACTIONS, admin: NEWSLETTER_ACTIONS };
  for (const role of ['contributor', 'reporter', 'editor', 'admin'] as Role[]) {
    for (const action of NEWSLETTER_ACTIONS) {
      const allowed = EXPECTED[role].includes(action);
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, async () => {
        const session = sessions.get(role)!;
        const json = { accept: 'application/json' };
        const id = action === 'newsletter.read' ? null : await newNewsletter();
        if (id) await compose(id, { subject: 'Roles', intro: '', audience: 'opted-in', story: enStory.id });
        const res = action === 'newsletter.read' ? await session.get('/newsroom/newsletters', json)
          : action === 'newsletter.write' ? await session.post(`/newsroom/newsletters/${id}`, { subject: 'Changed', story: enStory.id }, json)
            : await session.post(`/newsroom/newsletters/${id}/schedule`, { scheduled_at: '2099-01-01T10:00' }, json);
        if (allowed) expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
        else {
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe('PERMISSION_DENIED');
        }
      });
    }
  }

  it('composes with the story picker, refuses stories of another edition, and previews exactly what readers get', async () => {
    const id = await newNewsletter();
    const word = enStory.headline.split(' ').find((w) => w.length > 5)!;
    const found = await editor().get(`/newsroom/newsletters/${id}?q=${encodeURIComponent(word)}`);
    expect(found.statusCode).toBe(200);
    expect(found.headers['cache-control']).toContain('no-store');
    expect(found.body).toContain(`value="add:${enStory.id}"`);

    const subject = 'Weekend <script>alert(1)</script> reads 📰 Пятница 金曜日 الجمعة';
    expect((await compose(id, { subject, intro: 'Hello & welcome.\r\n\r\nSecond <b>paragraph</b>.', audience: 'opted-in', op: `add:${enStory.id}` })).statusCode).toBe(303);
    const refused = await compose(id, { subject, intro: '', story: [enStory.id].join(), op: `add:${arStory}` });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).toContain('Only published stories of this edition');
    const page = await editor().get(`/newsroom/newsletters/${id}`);
    expect(page.body).toContain(`<input type="hidden" name="story" value="${enStory.id}">`);
    expect(page.body).not.toContain('<script>alert(1)</script>');
    expect(page.body).toContain(`<iframe class="nr-newsletter-preview" src="/newsroom/newsletters/${id}/preview"`);

    const preview = await editor().get(`/newsroom/newsletters/${id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.headers['content-security-policy']).toContain('sandbox');
    expect(preview.headers['content-security-policy']).toContain("default-src 'none'");
    expect(preview.body).toContain('Weekend &lt;script&gt;alert(1)&lt;/script&gt; reads 📰 Пятница 金曜日 الجمعة');
    expect(preview.body).toContain('Second &lt;b&gt;paragraph&lt;/b&gt;.');
    expect(preview.body).toContain('http://news.test/article/');
    expect(preview.body).toContain('http://news.test/unsubscribe/');
    const unsubscribe = /http:\/\/news\.test(\/unsubscribe\/[\w.-]+)/.exec(preview.body)![1]!;
    // The preview's sample reader is nobody: its link changes no account.
    expect((await site.app.inject({ method: 'POST', url: unsubscribe, payload: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).statusCode).toBe(404);
  });

  it('orders the chosen stories with the form buttons: add, move up, remove', async () => {
    const ids = (await storage.articles.listPublished({ limit: 3, edition: 'en' })).items.map((s) => s.id);
    const id = await newNewsletter();
    const storyIds = async () => (await mailings.newsletters.get({ id: 'e', role: 'editor' }, id)).storyIds;
    const post = (story: string[], op: string) => site.app.inject({
      method: 'POST', url: `/newsroom/newsletters/${id}`, headers: { cookie: editor().cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams([['_csrf', editor().csrf], ['subject', 'Order'], ...story.map((s) => ['story', s]), ['op', op]]).toString(),
    });
    expect((await post([ids[0]!, ids[1]!], `add:${ids[2]}`)).statusCode).toBe(303);
    expect(await storyIds()).toEqual([ids[0], ids[1], ids[2]]);
    await post([ids[0]!, ids[1]!, ids[2]!], `up:${ids[2]}`);
    expect(await storyIds()).toEqual([ids[0], ids[2], ids[1]]);
    await post([ids[0]!, ids[2]!, ids[1]!], `remove:${ids[0]}`);
    expect(await storyIds()).toEqual([ids[2], ids[1]]);
  });

  it('sends to every opted-in reader of the edition after a confirmation, once, and counts sent, failed and unsubscribed', async () => {
    const id = await newNewsletter();
    await compose(id, { subject: 'Morning', intro: 'Hi', audience: 'opted-in', story: enStory.id });
    const confirm = await editor().get(`/newsroom/newsletters/${id}/send`);
    expect(confirm.body).toContain('Send this newsletter now?');
    expect((await editor().post(`/newsroom/newsletters/${id}/send`, {})).headers.location).toBe(`/newsroom/newsletters/${id}/send`);
    expect((await storage.deliveries.countsOf(`newsletter:${id}`)).queued).toBe(0);

    const sent = await editor().post(`/newsroom/newsletters/${id}/send`, { confirm: 'yes' });
    expect(sent.statusCode).toBe(303);
    expect((await storage.deliveries.countsOf(`newsletter:${id}`)).queued).toBe(1500);
    const again = await editor().post(`/newsroom/newsletters/${id}/send`, { confirm: 'yes' }, { accept: 'application/json' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('NEWSLETTER_STATUS_CONFLICT');
    expect((await storage.deliveries.countsOf(`newsletter:${id}`)).queued).toBe(1500);

    const claimed = await storage.deliveries.claim('email', 'test', clock.now(), new Date(clock.now().getTime() + 60_000), 3);
    await storage.deliveries.markSent(claimed[0]!.id, 'test', clock.now(), false);
    await storage.deliveries.markSent(claimed[1]!.id, 'test', clock.now(), false);
    await storage.deliveries.markFailed(claimed[2]!.id, 'test', '550 no such user', null);
    await mailings.unsubscribe.unsubscribe({ readerId: 'r-00010', list: 'newsletters', mailing: `newsletter:${id}` });
    const counts = await mailings.newsletters.counts({ id: 'e', role: 'editor' }, id);
    expect(counts).toMatchObject({ queued: 1500, sent: 2, failed: 1, unsubscribed: 1, waiting: 1497 });
    const page = await editor().get(`/newsroom/newsletters/${id}`);
    expect(page.body).toContain('<td>1500</td><td>2</td><td>1</td><td>1</td><td>1497</td>');
    const list = await editor().get('/newsroom/newsletters');
    expect(list.body).toContain('<td>1500</td><td>2</td><td>1</td><td>1</td>');
  });

  it('sends to the followers of a topic who opted in', async () => {
    const id = await newNewsletter();
    await compose(id, { subject: 'Topic', intro: '', audience: 'topic', topic: topic.slug, story: enStory.id });
    expect(await mailings.newsletters.sendNow({ id: 'e', role: 'editor' }, id)).toBe(2);
    const rows = await storage.readerDb.selectFrom('deliveries').select('reader_id').where('mailing', '=', `newsletter:${id}`).orderBy('reader_id').execute();
    expect(rows.map((r) => r.reader_id)).toEqual(['r-00003', 'r-00004']);
  });

  it('schedules in the edition time zone and is queued once by the scheduler, even by two at once', async () => {
    const id = await newNewsletter('ar');
    await compose(id, { subject: 'نشرة الصباح', intro: 'صباح الخير', audience: 'opted-in', story: arStory });
    const page = await editor().get(`/newsroom/newsletters/${id}`);
    expect(page.body).toContain('Send at (Asia/Riyadh, GMT+03:00)');
    expect((await editor().post(`/newsroom/newsletters/${id}/schedule`, { scheduled_at: '2025-01-18T07:00' })).statusCode).toBe(303);
    const scheduled = await mailings.newsletters.get({ id: 'e', role: 'editor' }, id);
    expect(scheduled).toMatchObject({ status: 'scheduled', scheduledAt: new Date('2025-01-18T04:00:00Z') });
    expect((await editor().post(`/newsroom/newsletters/${id}/schedule`, { scheduled_at: '2025-01-17T07:00' }, { accept: 'application/json' })).statusCode).toBe(400);

    expect(await mailings.newsletters.queueDueNewsletters(new Date('2025-01-18T03:59:00Z'))).toEqual({ sent: [] });
    const at = new Date('2025-01-18T04:00:30Z');
    const [a, b] = await Promise.all([mailings.newsletters.queueDueNewsletters(at), mailings.newsletters.queueDueNewsletters(at)]);
    expect([...a.sent, ...b.sent]).toEqual([id]);
    expect((await storage.deliveries.countsOf(`newsletter:${id}`)).queued).toBe(5);
    expect(await mailings.newsletters.get({ id: 'e', role: 'editor' }, id)).toMatchObject({ status: 'sent', recipients: 5 });
  });
});
