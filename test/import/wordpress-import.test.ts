/** WordPress exports into stories on each engine: statuses, times, sections, topics, old addresses, idempotent re-runs, broken XML. */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteImportTransaction } from '../../src/adapters/import/site-import-transaction.js';
import { readWordPressExport } from '../../src/adapters/import/wordpress-export.js';
import { createSqlOldUrlLookup } from '../../src/adapters/db/stores/sql-site-import-store.js';
import { createSiteImportService, type SiteImportSummary } from '../../src/core/site-import/site-import-service.js';
import { openStorage, type Storage } from '../../src/main/storage.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../support/postgres-test-database.js';

const FIXTURES = new URL('../fixtures/wordpress/', import.meta.url).pathname;
const EXPORT = join(FIXTURES, 'harbour-gazette.wordpress.2026-12-06.xml');
const BROKEN = join(FIXTURES, 'harbour-gazette-broken.wordpress.xml');
const NOW = new Date('2026-12-06T10:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'dateline-wxr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function importer(storage: Storage, events: unknown[] = []) {
  return createSiteImportService({
    transaction: siteImportTransaction(storage.db, storage.searchWriter),
    ids: { newId: () => randomUUID() }, randomBytes: (n) => randomBytes(n), clock: fixedClock(NOW),
    events: { publish: async (e) => { events.push(e); } },
  });
}

async function importFile(storage: Storage, file: string, options: { dryRun?: boolean; batchSize?: number } = {}): Promise<SiteImportSummary> {
  return importer(storage).importRecords(readWordPressExport(file), { defaultSection: { slug: 'news', name: 'News' }, ...options });
}

async function count(storage: Storage, table: 'articles' | 'old_urls' | 'site_import_items'): Promise<number> {
  const row = await storage.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

function engineSuite(name: string, open: () => Promise<{ url: string; done: () => Promise<void> }>): void {
  describe(`WordPress import on ${name}`, { timeout: 60_000 }, () => {
    let storage: Storage;
    let done: () => Promise<void>;
    beforeAll(async () => {
      const target = await open();
      done = target.done;
      storage = await openStorage(target.url);
    });
    afterAll(async () => {
      await storage.close();
      await done();
    });

    it('a dry run says what would happen and stores nothing', async () => {
      const summary = await importFile(storage, EXPORT, { dryRun: true });
      expect(summary).toMatchObject({ imported: 10, updated: 0, duplicates: 0, failed: 1, dryRun: true });
      expect(await count(storage, 'articles')).toBe(0);
      expect(await count(storage, 'old_urls')).toBe(0);
    });

    it('imports posts with their statuses, times, authors, sections, topics and featured images; counts what it left out', async () => {
      const summary = await importFile(storage, EXPORT, { batchSize: 3 });
      // The "About us" page (slug about) becomes the edition's About page: no page is left out.
      expect(summary).toMatchObject({ imported: 10, updated: 0, duplicates: 0, failed: 1, pages: 1, skipped: { comments: 3, pages: 0, attachments: 2, trashed: 1, other: 1 } });
      expect(await storage.sitePages.find('en', 'about')).toMatchObject({ title: 'About us', updatedBy: null });
      expect(await createSqlOldUrlLookup(storage.db).find(['?page_id=111'])).toEqual({ kind: 'page', slug: 'about', edition: 'en' });
      expect(summary.errors).toEqual([{ line: expect.any(Number) as unknown as number, id: null, message: 'the item has no wp:post_id' }]);
      const line = readFileSync(EXPORT, 'utf8').split('\n').findIndex((l) => l.includes('A post with no id')) ;
      expect(summary.errors[0]!.line).toBe(line); // the <item> line, just above the title
      const ferry = await storage.articles.findPublishedBySlug('night-ferry-returns');
      expect(ferry).toMatchObject({
        headline: 'Night ferry returns to the islands after two years', status: 'published',
        highlights: ['Council restores the 23:00 and 01:30 sailings from 1 March.'],
        section: { slug: 'harbour-council', name: 'Harbour & Council' }, authors: [{ slug: 'marta-reyes', name: 'Marta Reyes' }],
        lead: { url: 'https://harbour-gazette.example/wp-content/uploads/2024/01/night-ferry.jpg', alt: 'The night ferry at the quay' },
      });
      expect(ferry!.firstPublishedAt!.toISOString()).toBe('2024-01-15T09:30:00.000Z');
      expect(ferry!.updatedAt!.toISOString()).toBe('2024-01-16T08:05:00.000Z');
      expect(ferry!.topics.map((t) => t.slug)).toEqual(['local', 'ferries']);
      expect(ferry!.body.map((b) => b.type)).toEqual(['paragraph', 'heading', 'list', 'image', 'quote', 'embed', 'paragraph']);
      expect(ferry!.body).toContainEqual({ type: 'quote', text: 'It is the single most asked-for thing in my surgery.', cite: 'Councillor Ana Bell' });
      expect(ferry!.body).toContainEqual({ type: 'embed', url: 'https://www.youtube.com/watch?v=dQw4w9WgXcQ', title: null });
      expect(JSON.stringify(ferry!.body)).not.toMatch(/script|onclick|steal/);
      const arabic = await storage.articles.findPublishedBySlug('افتتاح-ميناء-صيدا');
      expect(arabic).toMatchObject({ headline: 'افتتاح ميناء صيدا الجديد', section: { slug: 'عالم', name: 'عالم' }, authors: [{ name: 'ليلى حداد' }] });
      expect((await storage.articles.findPublishedBySlug('港口夜间渡轮'))?.topics.map((t) => t.name)).toEqual(['港口']);
      expect((await storage.articles.findPublishedBySlug('parom-vernulsya'))?.headline).toBe('Паром вернулся в порт 🚢');
      const statuses = await storage.db.selectFrom('articles').select(['status', 'content_key', 'scheduled_at']).orderBy('content_key').execute();
      expect(Object.fromEntries(statuses.map((s) => [s.content_key!.split(':')[2], s.status]))).toEqual({
        100: 'published', 103: 'published', 104: 'published', 105: 'published', 106: 'published', 107: 'draft', 108: 'scheduled', 109: 'draft', 110: 'in_review', 115: 'published',
      });
      expect(new Date(statuses.find((s) => s.content_key!.endsWith(':108'))!.scheduled_at!).toISOString()).toBe('2027-06-01T08:00:00.000Z');
    });

    it('keeps old addresses: permalinks, ?p=ID and the archives of used categories, tags and authors', async () => {
      const lookup = createSqlOldUrlLookup(storage.db);
      expect(await lookup.find(['/2024/01/15/night-ferry-returns'])).toMatchObject({ kind: 'article', slug: 'night-ferry-returns' });
      expect(await lookup.find(['?p=104'])).toMatchObject({ kind: 'article', slug: 'افتتاح-ميناء-صيدا' });
      expect(await lookup.find(['/2024/01/17/افتتاح-ميناء-صيدا'])).toMatchObject({ slug: 'افتتاح-ميناء-صيدا' });
      expect(await lookup.find(['/category/local/harbour-council'])).toMatchObject({ kind: 'section', slug: 'harbour-council' });
      expect(await lookup.find(['/tag/港口'])).toMatchObject({ kind: 'topic', slug: '港口' });
      expect(await lookup.find(['/author/lhaddad'])).toMatchObject({ kind: 'author', slug: 'ليلى-حداد' });
      // A draft's and a scheduled post's addresses lead nowhere until they are published.
      expect(await lookup.find(['?p=108'])).toBeNull();
      expect(await lookup.find(['/2024/01/20/staff-rota'])).toBeNull();
    });

    it('a second run of the same export changes nothing; a changed post is updated in place', async () => {
      const before = await count(storage, 'articles');
      const again = await importFile(storage, EXPORT);
      expect(again).toMatchObject({ imported: 0, updated: 0, duplicates: 10, failed: 1 });
      const edited = readFileSync(EXPORT, 'utf8').replace('Quay works finish early', 'Quay works finish a week early');
      const file = join(dir, `edited-${name}.xml`);
      writeFileSync(file, edited);
      const third = await importFile(storage, file);
      expect(third).toMatchObject({ imported: 0, updated: 1, duplicates: 9 });
      expect(await count(storage, 'articles')).toBe(before);
      expect((await storage.articles.findPublishedBySlug('quay-works-finish-early'))?.headline).toBe('Quay works finish a week early');
    });

    it('broken XML in the middle: the line is reported, the posts before it are kept', async () => {
      const fresh = await openStorage(name === 'SQLite' ? 'sqlite::memory:' : (await open()).url);
      try {
        const summary = await importFile(fresh, BROKEN);
        const line = readFileSync(BROKEN, 'utf8').split('\n').findIndex((l) => l.includes('</titel>')) + 1;
        expect(summary.imported).toBe(4);
        expect(summary.errors).toEqual([{ line, id: null, message: expect.stringContaining('not well-formed XML') as unknown as string }]);
      } finally {
        await fresh.close();
      }
    });
  });
}

engineSuite('SQLite', async () => ({ url: 'sqlite::memory:', done: async () => {} }));

const unavailable = await postgresUnavailableReason();
const databases: PostgresTestDatabase[] = [];
describe.skipIf(unavailable)(`on PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  afterAll(async () => {
    for (const db of databases) await db.drop();
  });
  engineSuite('PostgreSQL', async () => {
    const db = await createPostgresTestDatabase();
    databases.push(db);
    return { url: db.url, done: async () => {} };
  });
});

describe('WXR oddities', () => {
  it('a post exported twice in one file makes one story', async () => {
    const text = readFileSync(EXPORT, 'utf8');
    const start = text.lastIndexOf('<item>');
    const item = text.slice(start, text.indexOf('</item>', start) + '</item>'.length);
    const file = join(dir, 'twice.xml');
    writeFileSync(file, text.replace(item, `${item}\n\t${item}`));
    const storage = await openStorage('sqlite::memory:');
    try {
      expect(await importFile(storage, file)).toMatchObject({ imported: 10, failed: 1 });
      expect(await count(storage, 'articles')).toBe(10);
    } finally {
      await storage.close();
    }
  });
});

describe('the old site\'s static pages', () => {
  it('fill the edition\'s About page, never one the newsroom wrote', async () => {
    const storage = await openStorage('sqlite::memory:');
    try {
      await storage.users.insert({ id: 'editor-1', email: 'editor@harbour.test', name: 'Ana Editor', role: 'editor', passwordHash: 'x', author: null, createdAt: NOW, mustChangePassword: false });
      await storage.sitePages.save({ edition: 'en', kind: 'about', title: 'About the Harbour Gazette — عن الجريدة', body: [{ type: 'paragraph', text: 'Written by our editor.' }], updatedAt: NOW, updatedBy: 'editor-1' });
      const first = await importFile(storage, EXPORT);
      expect(first).toMatchObject({ pages: 0, skipped: { pages: 1 } });
      expect((await storage.sitePages.find('en', 'about'))?.title).toBe('About the Harbour Gazette — عن الجريدة');
      // Its old addresses still lead to the edition's page.
      expect(await createSqlOldUrlLookup(storage.db).find(['?page_id=111'])).toEqual({ kind: 'page', slug: 'about', edition: 'en' });
      // A page nobody wrote (seeded, or imported before) is the old site's.
      await storage.sitePages.save({ edition: 'en', kind: 'about', title: 'Demo about', body: [{ type: 'paragraph', text: 'Seeded.' }], updatedAt: NOW, updatedBy: null });
      expect(await importFile(storage, EXPORT)).toMatchObject({ pages: 1 });
      expect((await storage.sitePages.find('en', 'about'))?.title).toBe('About us');
    } finally {
      await storage.close();
    }
  });
});

describe('a re-imported post in another edition', () => {
  it('keeps a category that is new by then in the story\'s own edition', async () => {
    const storage = await openStorage('sqlite::memory:');
    try {
      await storage.editions.add({ id: 'ar', language: 'ar', name: 'العربية', locale: 'ar-SA', numberingSystem: 'arab', timeZone: 'Asia/Riyadh', direction: 'rtl' });
      const service = importer(storage);
      const into = (file: string) => service.importRecords(readWordPressExport(file), { defaultSection: { slug: 'news', name: 'News' }, edition: 'ar' });
      expect(await into(EXPORT)).toMatchObject({ imported: 10 });
      // The council's stories (the quay story among them) move to a category no story had before: مجلس الميناء.
      const moved = readFileSync(EXPORT, 'utf8').replace('Quay works finish early', 'Quay works finish a week early')
        .replace('<category domain="category" nicename="harbour-council"><![CDATA[Harbour &amp; Council]]></category>', '<category domain="category" nicename="port-board"><![CDATA[مجلس الميناء]]></category>');
      const file = join(dir, 'moved-category.xml');
      writeFileSync(file, moved);
      expect(await into(file)).toMatchObject({ imported: 0, updated: 2 });
      const section = await storage.db.selectFrom('sections').select(['edition_id', 'name']).where('name', '=', 'مجلس الميناء').executeTakeFirstOrThrow();
      expect(section.edition_id).toBe('ar');
      const story = await storage.db.selectFrom('articles').select('edition_id').where('headline', '=', 'Quay works finish a week early').executeTakeFirstOrThrow();
      expect(story.edition_id).toBe('ar');
    } finally {
      await storage.close();
    }
  });
});

describe('a featured image named after its post', () => {
  it('is set on the story when the file reaches it, in one pass, and announced', async () => {
    const text = readFileSync(EXPORT, 'utf8');
    const at = text.indexOf('night-ferry.jpg');
    const start = text.lastIndexOf('<item>', at);
    const end = text.indexOf('</item>', at) + '</item>'.length;
    // The upload moves to the end of the file, after every post (as WordPress writes an image uploaded later).
    const file = join(dir, 'late-attachment.xml');
    writeFileSync(file, text.slice(0, start) + text.slice(end).replace('</channel>', `${text.slice(start, end)}\n</channel>`));
    const storage = await openStorage('sqlite::memory:');
    try {
      const events: { type: string; slug?: string }[] = [];
      const summary = await importer(storage, events).importRecords(readWordPressExport(file), { defaultSection: { slug: 'news', name: 'News' }, batchSize: 2 });
      expect(summary).toMatchObject({ imported: 10, failed: 1, skipped: { attachments: 2 } });
      const ferry = await storage.articles.findPublishedBySlug('night-ferry-returns');
      expect(ferry?.lead).toMatchObject({ url: 'https://harbour-gazette.example/wp-content/uploads/2024/01/night-ferry.jpg', alt: 'The night ferry at the quay' });
      expect(events.filter((e) => e.slug === 'night-ferry-returns').map((e) => e.type)).toEqual(['story.published', 'story.updated']);
      // A second run of the same file finds everything as it was: nothing updated, nothing announced.
      events.length = 0;
      expect(await importer(storage, events).importRecords(readWordPressExport(file), { defaultSection: { slug: 'news', name: 'News' } })).toMatchObject({ imported: 0, updated: 0, duplicates: 10 });
      expect(events).toEqual([]);
    } finally {
      await storage.close();
    }
  });
});

describe('WXR safety', () => {
  it('never resolves a DOCTYPE entity: the item using one is where the file stops', async () => {
    const file = join(dir, 'entities.xml');
    const text = readFileSync(EXPORT, 'utf8')
      .replace('<rss version="2.0"', '<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]>\n<rss version="2.0"')
      .replace('<title><![CDATA[Storm keeps the fleet in port for a third day]]></title>', '<title>Storm &xxe; &lol;</title>');
    writeFileSync(file, text);
    const storage = await openStorage('sqlite::memory:');
    try {
      const summary = await importFile(storage, file);
      expect(summary.imported).toBe(1);
      expect(summary.errors.at(-1)?.message).toMatch(/not well-formed XML/);
      const rows = await storage.db.selectFrom('articles').select('body').execute();
      expect(JSON.stringify(rows)).not.toMatch(/root:|lol/);
    } finally {
      await storage.close();
    }
  });

  it('reads a huge post (2 MB of text) as a stream; one past the body limit is reported by its id, the rest imports', async () => {
    const paragraph = 'A long account of the harbour, its ferries and their crews — с кириллицей, بالعربية, 中文 and emoji 🚢. ';
    const blocks = (n: number) => Array.from({ length: n }, (_, i) => `<!-- wp:paragraph -->\n<p>${i} ${paragraph.repeat(10)}</p>\n<!-- /wp:paragraph -->`).join('\n\n');
    const file = join(dir, 'huge.xml');
    writeFileSync(file, readFileSync(EXPORT, 'utf8')
      .replace('<p>The resurfacing of the east quay finished a week early &amp; under budget.</p>', blocks(1_990))
      .replace('<p>The regatta returns in June with twelve races.</p>', blocks(2_500)));
    const storage = await openStorage('sqlite::memory:');
    try {
      const summary = await importFile(storage, file);
      expect(summary.imported).toBe(9);
      expect(summary.errors.map((e) => e.id)).toEqual(['108', null]);
      expect(summary.errors.find((e) => e.id === '108')?.message).toMatch(/does not fit a story body/);
      const story = await storage.articles.findPublishedBySlug('quay-works-finish-early');
      expect(story?.body).toHaveLength(1_990);
    } finally {
      await storage.close();
    }
  });
});

describe('Ghost import', () => {
  it('imports posts with Lexical and mobiledoc bodies, the primary tag as section, the feature image, and the slug URL', async () => {
    const { readGhostExport } = await import('../../src/adapters/import/ghost-export.js');
    const storage = await openStorage('sqlite::memory:');
    try {
      const file = new URL('../fixtures/ghost/harbour-ghost.ghost.2026-12-06.json', import.meta.url).pathname;
      const run = () => importer(storage).importRecords(readGhostExport(file), { defaultSection: { slug: 'news', name: 'News' } });
      expect(await run()).toMatchObject({ imported: 3, failed: 0, pages: 1, skipped: { pages: 0 } });
      expect(await run()).toMatchObject({ imported: 0, duplicates: 3 });
      const light = await storage.articles.findPublishedBySlug('gull-rock-light');
      expect(light).toMatchObject({ section: { slug: 'coast' }, topics: [{ slug: 'lighthouses' }], authors: [{ name: 'Marta Reyes' }], lead: { url: 'https://harbour.ghost.example/content/images/2024/02/gull-rock.jpg', alt: 'The lighthouse at dusk' } });
      expect(light?.body.map((b) => b.type)).toEqual(['paragraph', 'heading']);
      expect((await storage.articles.findPublishedBySlug('parom-vernulsya'))?.body[0]).toMatchObject({ text: 'Паром «Островитянин» вернулся 🚢 — بالعربية أيضاً.' });
      expect(await createSqlOldUrlLookup(storage.db).find(['/gull-rock-light'])).toMatchObject({ kind: 'article', slug: 'gull-rock-light' });
      expect(await createSqlOldUrlLookup(storage.db).find(['/tag/coast'])).toMatchObject({ kind: 'section', slug: 'coast' });
    } finally {
      await storage.close();
    }
  });
});

describe('public WordPress exports (WordPress/wordpress-importer test data, GPL-2.0-or-later)', () => {
  const sample = (name: string) => join(FIXTURES, 'wordpress-importer', name);

  it('theme unit test data: every post imports; pages, attachments, menu items and comments are counted; a password-protected post stays a draft', async () => {
    const storage = await openStorage('sqlite::memory:');
    try {
      const summary = await importFile(storage, sample('theme-unit-test-data.xml'));
      // "About The Tests" (slug about) is the About page; the other 20 pages have no place in Dateline.
      expect(summary).toMatchObject({ imported: 58, failed: 0, pages: 1, skipped: { comments: 33, pages: 20, attachments: 37, other: 70 } });
      expect((await storage.sitePages.find('en', 'about'))?.title).toBe('About The Tests');
      const rows = await storage.db.selectFrom('articles').select(['slug', 'headline', 'status']).execute();
      const bySlug = new Map(rows.map((r) => [r.slug, r]));
      expect(bySlug.get('template-password-protected')?.status).toBe('draft');
      expect(bySlug.get('markup-title-with-markup')?.headline).toBe('Markup: Title With Markup');
      expect(bySlug.get('scheduled')?.status).toBe('scheduled');
      const image = await storage.articles.findPublishedBySlug('post-format-image');
      expect(image?.body.some((b) => b.type === 'image')).toBe(true);
      expect(await createSqlOldUrlLookup(storage.db).find(['/2010/08/08/post-format-image'])).toMatchObject({ slug: 'post-format-image' });
    } finally {
      await storage.close();
    }
  });

  it('UTF-8 challenges: character references, zalgo, RTL and astral text; bidi overrides leave the headline', async () => {
    const storage = await openStorage('sqlite::memory:');
    try {
      expect(await importFile(storage, sample('wxr-utf-8-challenges.xml'))).toMatchObject({ imported: 1, failed: 0 });
      const [row] = await storage.db.selectFrom('articles').select(['headline', 'body']).execute();
      expect(row?.headline).toBe('"The Road Not Taken" by Robert Frost 🌲');
      expect(row?.body).toContain('السلام عليكم');
      expect(row?.body).toContain('🚀🌟💫');
    } finally {
      await storage.close();
    }
  });
});
