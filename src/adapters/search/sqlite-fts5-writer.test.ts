/** SQLite's search rows are ordered by time through their rowid: more stories at one instant than a millisecond's 1,000 slots still all go in. */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../main/storage.js';
import { parseSearchQuery } from '../../core/search/search-query.js';
import { makeArticle } from '../../../test/support/make-article.js';

describe('the FTS5 search writer', () => {
  let storage: Storage;
  beforeAll(async () => { storage = await openStorage('sqlite::memory:'); });
  afterAll(() => storage.close());

  it('indexes 1,500 stories that share one publication time (an archive import) and finds each', async () => {
    const at = new Date('2024-01-15T08:00:00.000Z');
    const stories = Array.from({ length: 1500 }, (_, i) => makeArticle({
      slug: `same-instant-${i}`, headline: `Harbour bulletin ${i} نشرة الميناء code${i}x`, firstPublishedAt: at, updatedAt: at, createdAt: at, contentKey: `same-${i}`,
      shortCode: `si${String(i).padStart(6, '0')}`,
    }));
    for (let i = 0; i < stories.length; i += 500) await storage.articles.insertMany(stories.slice(i, i + 500));
    const { rows } = await sql<{ rowid: number }>`SELECT search_rowid AS rowid FROM article_search_keys`.execute(storage.db);
    expect(rows).toHaveLength(1500);
    expect(new Set(rows.map((r) => r.rowid)).size).toBe(1500);
    const search = async (text: string) => {
      const query = parseSearchQuery(text);
      if (!query.ok) throw new Error(query.reason);
      return storage.search.search(query.value, { limit: 5, offset: 0 });
    };
    for (const i of [0, 999, 1000, 1499]) expect((await search(`code${i}x`)).total, `story ${i}`).toBe(1);
  });
});
