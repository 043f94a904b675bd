/** @module SearchIndex over SQLite FTS5: porter-stemmed, BM25-ranked, with highlighted snippets. */
import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { MATCH_END, MATCH_START, type SearchIndex, type SearchResults } from '../../core/search/search-index.js';
import type { SearchQuery } from '../../core/search/search-query.js';
import type { Database } from '../db/database.js';
import { withoutMatchMarkers, type SearchWriter } from './search-writer.js';

const COUNT_LIMIT = 1000;

/** Creates the FTS5 table (migration 0002 on SQLite). */
export async function createFts5Schema(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE VIRTUAL TABLE IF NOT EXISTS article_search USING fts5(
    article_id UNINDEXED, headline, highlights, body,
    tokenize = 'porter unicode61 remove_diacritics 2'
  )`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS article_search_keys (
    article_id TEXT PRIMARY KEY, search_rowid INTEGER NOT NULL
  )`.execute(db);
}

/** Every term quoted, so reader input can never be read as FTS5 syntax. */
export function toFts5Match(query: SearchQuery): string {
  return query.terms.map((words) => `"${words.join(' ').replace(/"/g, '')}"`).join(' ');
}

/**
 * article_search_keys maps an article to its index row, so replacing or removing one is a key lookup.
 * (Matching on the UNINDEXED article_id column scans the whole index: the corpus build went quadratic.
 * The articles table's own rowid is not used because VACUUM may renumber it.)
 */
export const fts5SearchWriter: SearchWriter = {
  async index(trx, doc) {
    await fts5SearchWriter.remove(trx, doc.articleId);
    // The index rowid is the story's time in ms × 1000 plus a random tie-breaker, so rowid order is time order.
    for (let attempt = 0; ; attempt++) {
      const rowid = doc.sortAt.getTime() * 1000 + randomInt(1000);
      try {
        await sql`INSERT INTO article_search (rowid, article_id, headline, highlights, body)
          VALUES (${rowid}, ${doc.articleId}, ${withoutMatchMarkers(doc.headline)}, ${withoutMatchMarkers(doc.highlights.join('\n'))}, ${withoutMatchMarkers(doc.body)})`.execute(trx);
        await sql`INSERT INTO article_search_keys (article_id, search_rowid) VALUES (${doc.articleId}, ${rowid})`.execute(trx);
        return;
      } catch (error) {
        if (attempt >= 8 || !/constraint/i.test((error as Error).message)) throw error;
      }
    }
  },
  async remove(trx, articleId) {
    await sql`DELETE FROM article_search WHERE rowid = (SELECT search_rowid FROM article_search_keys WHERE article_id = ${articleId})`.execute(trx);
    await sql`DELETE FROM article_search_keys WHERE article_id = ${articleId}`.execute(trx);
  },
};

/**
 * Ranked by BM25 (headline ×10, highlights ×4, body ×1) when a query matches at most COUNT_LIMIT
 * stories. A broader query ("said") would make BM25 score every match, which grows with the archive,
 * so it lists the newest matches instead, walking the index in rowid order (rowids encode the story's
 * time, see fts5SearchWriter) and stopping after one page.
 */
export function createFts5SearchIndex(db: Kysely<Database>): SearchIndex {
  return {
    async search(query, page): Promise<SearchResults> {
      const match = toFts5Match(query);
      const counted = await sql<{ n: number }>`
        SELECT count(*) AS n FROM (SELECT 1 FROM article_search WHERE article_search MATCH ${match} LIMIT ${COUNT_LIMIT + 1})`.execute(db);
      const n = Number(counted.rows[0]?.n ?? 0);
      const broad = n > COUNT_LIMIT;
      const order = broad ? sql`rowid DESC` : sql`bm25(article_search, 0.0, 10.0, 4.0, 1.0)`;
      const rows = n === 0 ? { rows: [] } : await sql<{ article_id: string; headline: string; snippet: string }>`
        SELECT article_id,
          highlight(article_search, 1, ${MATCH_START}, ${MATCH_END}) AS headline,
          snippet(article_search, -1, ${MATCH_START}, ${MATCH_END}, '…', 32) AS snippet
        FROM article_search WHERE article_search MATCH ${match}
        ORDER BY ${order}
        LIMIT ${page.limit} OFFSET ${page.offset}`.execute(db);
      return {
        hits: rows.rows.map((r) => ({ articleId: r.article_id, headline: r.headline, snippet: r.snippet })),
        total: Math.min(n, COUNT_LIMIT),
        totalCapped: broad,
        order: broad ? 'newest' : 'relevance',
      };
    },
  };
}
