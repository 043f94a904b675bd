import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewArticle } from '../../src/core/articles/article-store.js';
import { openStorage, type Storage } from '../../src/main/storage.js';

let storage: Storage;
beforeEach(async () => {
  storage = await openStorage('sqlite::memory:');
});
afterEach(async () => {
  await storage.close();
});

let counter = 0;
/** A published article with sensible defaults; override what the test is about. */
function makeArticle(overrides: Partial<NewArticle> = {}): NewArticle {
  counter++;
  const at = new Date(Date.UTC(2025, 0, 1, 0, counter));
  return {
    id: randomUUID(), slug: `story-${counter}`, headline: `Story number ${counter}`, highlights: [`Highlight ${counter}`],
    dateline: 'RIYADH', body: [{ type: 'paragraph', text: `Body of story ${counter} about desalination.` }], lead: null,
    section: { slug: 'world', name: 'World' }, topics: [{ slug: 'saudi-arabia', name: 'Saudi Arabia', kind: 'place' }],
    authors: [{ slug: 'staff-writer', name: 'Staff Writer' }], source: { kind: 'staff' }, status: 'published',
    firstPublishedAt: at, updatedAt: at, updateNote: null, contentKey: `key-${counter}`, shortCode: `code${String(counter).padStart(3, '0')}`,
    createdAt: at, revisionId: randomUUID(), actor: 'test',
    ...overrides,
  };
}

describe('SqlArticleStore', () => {
  it('reads back what it wrote, with topics, authors, short link and search entry', async () => {
    const article = makeArticle({ headline: 'Riyadh opens a new metro line' });
    await storage.articles.insert(article);
    const read = await storage.articles.findPublishedBySlug(article.slug);
    expect(read).toMatchObject({ headline: 'Riyadh opens a new metro line', dateline: 'RIYADH', shortCode: article.shortCode });
    expect(read?.topics).toEqual([{ slug: 'saudi-arabia', name: 'Saudi Arabia', kind: 'place' }]);
    expect(read?.authors).toEqual([{ slug: 'staff-writer', name: 'Staff Writer' }]);
    expect(await storage.articles.findSlugByShortCode(article.shortCode)).toBe(article.slug);
    const hits = await storage.search.search({ terms: [['metro']], text: 'metro' }, { limit: 10, offset: 0 });
    expect(hits.hits.map((h) => h.articleId)).toEqual([article.id]);
  });

  it('bulk-inserts a batch in one transaction, sharing section and topic rows', async () => {
    const batch = Array.from({ length: 50 }, () => makeArticle());
    await storage.articles.insertMany(batch);
    expect(await storage.articles.countPublished()).toBe(50);
    const topics = await storage.db.selectFrom('topics').selectAll().execute();
    expect(topics).toHaveLength(1);
    const page = await storage.articles.listPublished({ limit: 10, topicSlug: 'saudi-arabia' });
    expect(page.items[0]?.slug).toBe(batch.at(-1)?.slug);
  });

  it('stores nothing of a batch when one article in it is bad', async () => {
    const good = makeArticle();
    const clash = makeArticle({ slug: good.slug });
    await expect(storage.articles.insertMany([good, makeArticle(), clash])).rejects.toThrow();
    expect(await storage.articles.countPublished()).toBe(0);
    expect(await storage.db.selectFrom('revisions').select('id').execute()).toHaveLength(0);
    const hits = await storage.search.search({ terms: [['desalination']], text: 'desalination' }, { limit: 10, offset: 0 });
    expect(hits.total).toBe(0);
  });

  it('does not show drafts to readers, nor index them for search', async () => {
    const draft = makeArticle({ status: 'draft', firstPublishedAt: null, updatedAt: null });
    await storage.articles.insert(draft);
    expect(await storage.articles.findPublishedBySlug(draft.slug)).toBeNull();
    expect(await storage.articles.statusOfSlug(draft.slug)).toBe('draft');
    expect((await storage.articles.listPublished({ limit: 10 })).items).toHaveLength(0);
  });

  it('orders the stream newest first and pages it without gaps or repeats', async () => {
    await storage.articles.insertMany(Array.from({ length: 25 }, () => makeArticle()));
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page = await storage.articles.listPublished({ limit: 7, cursor });
      seen.push(...page.items.map((i) => i.id));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });

  it('migrates twice without harm', async () => {
    const again = await openStorage('sqlite::memory:');
    await again.close();
  });
});

describe('FTS5 search writer', () => {
  it('replaces an article’s index entry instead of adding a second, and removes it', async () => {
    const { fts5SearchWriter } = await import('../../src/adapters/search/sqlite-fts5-index.js');
    const article = makeArticle({ headline: 'Camel race in Taif' });
    await storage.articles.insert(article);
    const doc = { articleId: article.id, sortAt: new Date(), headline: 'Camel festival in Taif', highlights: [], body: 'Updated.' };
    await storage.db.transaction().execute((trx) => fts5SearchWriter.index(trx, doc));
    const query = { terms: [['Taif']], text: 'Taif' };
    const found = await storage.search.search(query, { limit: 10, offset: 0 });
    expect(found.total).toBe(1);
    expect(found.hits[0]?.headline).toContain('festival');
    await storage.db.transaction().execute((trx) => fts5SearchWriter.remove(trx, article.id));
    expect((await storage.search.search(query, { limit: 10, offset: 0 })).total).toBe(0);
  });
});

describe('FTS5 search ranking', () => {
  it('ranks by relevance, headline matches first', async () => {
    const inBody = makeArticle({ headline: 'Harvest report', body: [{ type: 'paragraph', text: 'Dates from Qassim reach markets.' }] });
    const inHeadline = makeArticle({ headline: 'Qassim dates festival opens', body: [{ type: 'paragraph', text: 'Farmers gather.' }] });
    await storage.articles.insertMany([inBody, inHeadline]);
    const found = await storage.search.search({ terms: [['Qassim']], text: 'Qassim' }, { limit: 10, offset: 0 });
    expect(found.order).toBe('relevance');
    expect(found.hits.map((h) => h.articleId)).toEqual([inHeadline.id, inBody.id]);
    expect(found.hits[0]?.headline).toBe('\u0002Qassim\u0003 dates festival opens');
  });

  it('lists the newest matches of a very broad query instead of scoring them all', async () => {
    const batch = Array.from({ length: 1005 }, () => makeArticle({ body: [{ type: 'paragraph', text: 'The ministry said on Sunday.' }] }));
    await storage.articles.insertMany(batch);
    const found = await storage.search.search({ terms: [['ministry']], text: 'ministry' }, { limit: 3, offset: 0 });
    expect(found).toMatchObject({ total: 1000, totalCapped: true, order: 'newest' });
    expect(found.hits.map((h) => h.articleId)).toEqual(batch.slice(-3).reverse().map((a) => a.id));
  });
});
