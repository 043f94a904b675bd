/** @module SearchIndex over SQLite FTS5: porter-stemmed (Arabic stemmed before), BM25-ranked, one edition at a time, with highlighted snippets. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { MATCH_END, MATCH_START, type SearchIndex, type SearchResults } from '../../core/search/search-index.js';
import type { SearchQuery } from '../../core/search/search-query.js';
import type { Database } from '../db/database.js';
import { hitOf, searchPlan, type SearchPlan, type TextAsWritten } from './search-plan.js';

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

/** A story matching any of the query's forms (see searchPlan). */
function toFts5MatchAny(forms: SearchQuery[]): string {
  return forms.length === 1 ? toFts5Match(forms[0] as SearchQuery) : forms.map((form) => `(${toFts5Match(form)})`).join(' OR ');
}

export { fts5SearchWriter } from './sqlite-fts5-writer.js';

interface HitRow extends TextAsWritten {
  article_id: string;
  marked_headline: string;
  marked_snippet: string;
}

/**
 * One page of matches with FTS5's marks (highlight(), snippet()) and, for stories indexed as terms, the
 * text as written to mark instead. The page is chosen first: SQLite computes a row's columns before
 * sorting, so selecting snippet() in the ranking query would cut a passage from every match.
 * CROSS JOIN keeps FTS5 the outer loop: matches first, then their edition.
 */
async function pageOf(db: Kysely<Database>, match: string, plan: SearchPlan, order: RawBuilder<unknown>, page: { limit: number; offset: number }): Promise<HitRow[]> {
  const { rows } = await sql<HitRow>`SELECT k.article_id,
      highlight(article_search, 1, ${MATCH_START}, ${MATCH_END}) AS marked_headline,
      snippet(article_search, -1, ${MATCH_START}, ${MATCH_END}, '…', 32) AS marked_snippet,
      o.terms_language, o.headline, o.highlights, o.body
    FROM article_search CROSS JOIN article_search_keys k ON k.search_rowid = article_search.rowid
      LEFT JOIN article_search_originals o ON o.article_id = k.article_id
    WHERE article_search MATCH ${match} AND article_search.rowid IN (
      SELECT article_search.rowid FROM article_search CROSS JOIN article_search_keys k ON k.search_rowid = article_search.rowid
      WHERE article_search MATCH ${match} ${inEdition(plan)} ORDER BY ${order} LIMIT ${page.limit} OFFSET ${page.offset})
    ORDER BY ${order}`.execute(db);
  return rows;
}

function inEdition(plan: SearchPlan): RawBuilder<unknown> {
  return plan.editionId === null ? sql`` : sql`AND k.edition_id = ${plan.editionId}`;
}

/**
 * Ranked by BM25 (headline ×10, highlights ×4, body ×1) when a query matches at most COUNT_LIMIT
 * stories of the edition. A broader query ("said") would make BM25 score every match, which grows with
 * the archive, so it lists the newest matches instead, walking the index in rowid order (rowids encode
 * the story's time, see fts5SearchWriter) and stopping after one page.
 */
export function createFts5SearchIndex(db: Kysely<Database>): SearchIndex {
  return {
    async search(query, page, scope): Promise<SearchResults> {
      const plan = searchPlan(query, scope);
      if (!plan) return { hits: [], total: 0, totalCapped: false, order: 'relevance' };
      const match = toFts5MatchAny(plan.forms);
      const counted = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1
        FROM article_search CROSS JOIN article_search_keys k ON k.search_rowid = article_search.rowid
        WHERE article_search MATCH ${match} ${inEdition(plan)} LIMIT ${COUNT_LIMIT + 1})`.execute(db);
      const n = Number(counted.rows[0]?.n ?? 0);
      const broad = n > COUNT_LIMIT;
      const order = broad ? sql`article_search.rowid DESC` : sql`bm25(article_search, 0.0, 10.0, 4.0, 1.0)`;
      const rows = n === 0 ? [] : await pageOf(db, match, plan, order, page);
      const hits = rows.map((r) => hitOf(r.article_id, query, r, () => ({ headline: r.marked_headline, snippet: r.marked_snippet })));
      return { hits, total: Math.min(n, COUNT_LIMIT), totalCapped: broad, order: broad ? 'newest' : 'relevance' };
    },
  };
}
