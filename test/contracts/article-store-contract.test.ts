/** The ArticleStore contract, on every storage engine: writes, reader lookups, lists and their paging. */
import { expect, it } from 'vitest';
import { openStorage } from '../../src/main/storage.js';
import { makeArticle } from '../support/make-article.js';
import { describeStorageContract } from './storage-contract.js';

describeStorageContract('ArticleStore', ({ open, freshUrl }) => {
  it('reads back what it wrote, with topics, authors, short link and search entry', async () => {
    const storage = await open();
    const article = makeArticle({
      headline: 'Riyadh opens a new metro line',
      lead: { url: 'https://img.test/a.jpg', caption: 'The new line', credit: 'AFP', alt: 'A train', width: 1200, height: 800 },
      source: { kind: 'agency', agency: 'AFP', wireId: 'afp-1' },
    });
    await storage.articles.insert(article);
    const read = await storage.articles.findPublishedBySlug(article.slug);
    expect(read).toMatchObject({
      headline: 'Riyadh opens a new metro line', dateline: 'RIYADH', shortCode: article.shortCode, minorEdit: false,
      lead: article.lead, source: article.source, body: article.body, highlights: article.highlights,
      firstPublishedAt: article.firstPublishedAt, updatedAt: article.updatedAt,
    });
    expect(read?.topics).toEqual([{ slug: 'saudi-arabia', name: 'Saudi Arabia', kind: 'place' }]);
    expect(read?.authors).toEqual([{ slug: 'staff-writer', name: 'Staff Writer' }]);
    expect(await storage.articles.findSlugByShortCode(article.shortCode)).toBe(article.slug);
    expect(await storage.articles.findByContentKey(article.contentKey ?? '')).toEqual({ id: article.id, slug: article.slug });
    expect(await storage.articles.isSlugTaken(article.slug)).toBe(true);
    expect(await storage.articles.isSlugTaken('no-such-story')).toBe(false);
    expect(await storage.articles.isShortCodeTaken(article.shortCode)).toBe(true);
    const hits = await storage.search.search({ terms: [['metro']], text: 'metro' }, { limit: 10, offset: 0 });
    expect(hits.hits.map((h) => h.articleId)).toEqual([article.id]);
  });

  it('bulk-inserts a batch in one transaction, sharing section and topic rows', async () => {
    const storage = await open();
    const batch = Array.from({ length: 50 }, () => makeArticle());
    await storage.articles.insertMany(batch);
    expect(await storage.articles.countPublished()).toBe(50);
    expect(await storage.db.selectFrom('topics').selectAll().execute()).toHaveLength(1);
    expect(await storage.db.selectFrom('sections').selectAll().execute()).toHaveLength(1);
    const page = await storage.articles.listPublished({ limit: 10, topicSlug: 'saudi-arabia' });
    expect(page.items[0]?.slug).toBe(batch.at(-1)?.slug);
  });

  it('stores nothing of a batch when one article in it is bad', async () => {
    const storage = await open();
    const good = makeArticle();
    const clash = makeArticle({ slug: good.slug });
    await expect(storage.articles.insertMany([good, makeArticle(), clash])).rejects.toThrow();
    expect(await storage.articles.countPublished()).toBe(0);
    expect(await storage.db.selectFrom('revisions').select('id').execute()).toHaveLength(0);
    const hits = await storage.search.search({ terms: [['desalination']], text: 'desalination' }, { limit: 10, offset: 0 });
    expect(hits.total).toBe(0);
    await storage.articles.insert(makeArticle());
    expect(await storage.articles.countPublished()).toBe(1);
  });

  it('reads whole published stories by id in the order asked, each with its own bylines and topics, leaving out drafts', async () => {
    const storage = await open();
    const two = makeArticle({ authors: [{ slug: 'salma', name: 'سلمى الحربي' }, { slug: 'ivan', name: 'Иван Петров 🙂' }], topics: [] });
    const one = makeArticle({ authors: [{ slug: 'li-na', name: '李娜' }] });
    const draft = makeArticle({ status: 'draft', firstPublishedAt: null, updatedAt: null });
    await storage.articles.insertMany([two, one, draft]);
    const read = await storage.articles.findPublishedByIds([one.id, draft.id, two.id, 'missing']);
    expect(read.map((a) => a.id)).toEqual([one.id, two.id]);
    expect(read[0]).toMatchObject({ slug: one.slug, body: one.body, highlights: one.highlights, authors: one.authors, topics: one.topics, shortCode: one.shortCode });
    expect(read[1]).toMatchObject({ authors: two.authors, topics: [] });
    expect(read[1]).toEqual({ ...(await storage.articles.findPublishedBySlug(two.slug)), corrections: undefined, translations: undefined });
    expect(await storage.articles.findPublishedByIds([])).toEqual([]);
  });

  it('does not show drafts to readers, nor index them for search', async () => {
    const storage = await open();
    const draft = makeArticle({ status: 'draft', firstPublishedAt: null, updatedAt: null, headline: 'Secret desalination plan' });
    await storage.articles.insert(draft);
    expect(await storage.articles.findPublishedBySlug(draft.slug)).toBeNull();
    expect(await storage.articles.statusOfSlug(draft.slug)).toBe('draft');
    expect(await storage.articles.statusOfSlug('no-such-story')).toBeNull();
    expect(await storage.articles.findSlugByShortCode(draft.shortCode)).toBeNull();
    // The short link names the story whatever its status; the route answers 404 for a draft, 410 once unpublished.
    expect(await storage.articles.findShortLinkTarget(draft.shortCode)).toMatchObject({ slug: draft.slug, status: 'draft' });
    expect((await storage.articles.listPublished({ limit: 10 })).items).toHaveLength(0);
    expect((await storage.search.search({ terms: [['secret']], text: 'secret' }, { limit: 10, offset: 0 })).total).toBe(0);
  });

  it('orders the stream newest first and pages it without gaps or repeats', async () => {
    const storage = await open();
    const batch = Array.from({ length: 25 }, () => makeArticle());
    await storage.articles.insertMany(batch);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await storage.articles.listPublished({ limit: 7, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toEqual(batch.map((a) => a.id).reverse());
    expect(await storage.articles.listPublishedIds({ limit: 3 })).toEqual(seen.slice(0, 3));
  });

  it('pages stories that share one update time by id, without gaps or repeats', async () => {
    const storage = await open();
    const at = new Date('2025-01-05T10:00:00.000Z');
    const batch = Array.from({ length: 9 }, () => makeArticle({ updatedAt: at, firstPublishedAt: at }));
    await storage.articles.insertMany(batch);
    for (const query of [{}, { sectionSlug: 'world' }, { topicSlug: 'saudi-arabia' }, { authorSlug: 'staff-writer' }]) {
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page = await storage.articles.listPublished({ limit: 4, cursor, ...query });
        seen.push(...page.items.map((i) => i.id));
        cursor = page.next;
      } while (cursor);
      expect(seen).toEqual(batch.map((a) => a.id).sort().reverse());
    }
  });

  it('lists by section, topic and author, and nothing for unknown ones', async () => {
    const storage = await open();
    const business = makeArticle({ section: { slug: 'business', name: 'Business' }, topics: [{ slug: 'oil', name: 'Oil', kind: 'subject' }], authors: [{ slug: 'reem', name: 'Reem' }] });
    const world = makeArticle();
    await storage.articles.insertMany([business, world]);
    expect((await storage.articles.listPublished({ limit: 10, sectionSlug: 'business' })).items.map((i) => i.id)).toEqual([business.id]);
    expect((await storage.articles.listPublished({ limit: 10, topicSlug: 'oil' })).items.map((i) => i.id)).toEqual([business.id]);
    expect((await storage.articles.listPublished({ limit: 10, authorSlug: 'reem' })).items.map((i) => i.id)).toEqual([business.id]);
    expect((await storage.articles.listPublished({ limit: 10, sectionSlug: 'nowhere' })).items).toEqual([]);
    expect((await storage.articles.listPublished({ limit: 10, topicSlug: 'nowhere' })).items).toEqual([]);
    expect(await storage.articles.listPublishedIds({ limit: 10, sectionSlug: 'world' })).toEqual([world.id]);
  });

  it('refuses a page cursor that does not decode', async () => {
    const storage = await open();
    await expect(storage.articles.listPublished({ limit: 5, cursor: 'not-a-cursor' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('finds the next older story and related stories by shared topics', async () => {
    const storage = await open();
    const oil = { slug: 'oil', name: 'Oil', kind: 'subject' as const };
    const [older, sharesTwo, sharesOne, newest] = [
      makeArticle(), makeArticle({ topics: [oil, { slug: 'opec', name: 'OPEC', kind: 'organisation' }] }),
      makeArticle({ topics: [oil] }), makeArticle({ topics: [oil, { slug: 'opec', name: 'OPEC', kind: 'organisation' }] }),
    ];
    await storage.articles.insertMany([older!, sharesTwo!, sharesOne!, newest!]);
    const after = await storage.articles.nextPublished({ id: sharesTwo!.id, updatedAt: sharesTwo!.updatedAt });
    expect(after?.id).toBe(older!.id);
    expect(await storage.articles.nextPublished({ id: older!.id, updatedAt: older!.updatedAt })).toBeNull();
    const related = await storage.articles.related(newest!.id, 5);
    expect(related.map((r) => r.id)).toEqual([sharesTwo!.id, sharesOne!.id]);
  });

  it('lists sitemap months and stories by first publication', async () => {
    const storage = await open();
    const jan = makeArticle({ firstPublishedAt: new Date('2025-01-20T08:00:00.000Z'), updatedAt: new Date('2025-01-21T08:00:00.000Z') });
    const feb = makeArticle({ firstPublishedAt: new Date('2025-02-03T08:00:00.000Z'), updatedAt: new Date('2025-02-03T09:00:00.000Z') });
    const dec = makeArticle({ firstPublishedAt: new Date('2024-12-31T23:59:59.000Z'), updatedAt: new Date('2024-12-31T23:59:59.000Z') });
    // Earlier in January, with a longer (Arabic) slug and a translation group: listed first, counted in the month's sizes.
    const janEarly = makeArticle({ slug: 'خبر-عاجل-من-الرياض', translationGroup: 'g1', firstPublishedAt: new Date('2025-01-02T08:00:00.000Z'), updatedAt: new Date('2025-01-02T08:00:00.000Z') });
    await storage.articles.insertMany([jan, feb, dec, janEarly]);
    expect(await storage.articles.listPublishedMonths()).toEqual([
      { month: '2025-02', lastModified: feb.updatedAt, count: 1, longestSlug: feb.slug.length, translated: 0 },
      { month: '2025-01', lastModified: jan.updatedAt, count: 2, longestSlug: 'خبر-عاجل-من-الرياض'.length, translated: 1 },
      { month: '2024-12', lastModified: dec.updatedAt, count: 1, longestSlug: dec.slug.length, translated: 0 },
    ]);
    expect(await storage.articles.listPublishedInMonth('2025-01')).toEqual([
      { slug: janEarly.slug, updatedAt: janEarly.updatedAt, translationGroup: 'g1' }, { slug: jan.slug, updatedAt: jan.updatedAt },
    ]);
    expect(await storage.articles.listPublishedInMonth('2024-12')).toEqual([{ slug: dec.slug, updatedAt: dec.updatedAt }]);
    const since = await storage.articles.listFirstPublishedSince(new Date('2025-01-01T00:00:00.000Z'), 10);
    expect(since.map((s) => s.id)).toEqual([feb.id, jan.id, janEarly.id]);
  });

  it('keeps slugs and short codes case-sensitive', async () => {
    const storage = await open();
    const article = makeArticle({ slug: 'metro-line', shortCode: 'AbC12' });
    await storage.articles.insert(article);
    expect(await storage.articles.findPublishedBySlug('Metro-Line')).toBeNull();
    expect(await storage.articles.findSlugByShortCode('abc12')).toBeNull();
    expect(await storage.articles.isShortCodeTaken('abc12')).toBe(false);
    expect(await storage.articles.findSlugByShortCode('AbC12')).toBe('metro-line');
  });

  it('migrates an already migrated database without harm, keeping its stories', async () => {
    const url = await freshUrl();
    const first = await openStorage(url);
    await first.articles.insert(makeArticle());
    await first.close();
    const again = await openStorage(url);
    try {
      expect(await again.articles.countPublished()).toBe(1);
    } finally {
      await again.close();
    }
  });

  it('counts its own writes in generation(), so this process drops cached pages at once', async () => {
    const storage = await open();
    const before = storage.generation();
    await storage.articles.insert(makeArticle());
    expect(storage.generation()).not.toBe(before);
  });
});
