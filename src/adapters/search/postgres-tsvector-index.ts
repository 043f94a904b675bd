/** @module SearchIndex over PostgreSQL: a weighted tsvector with a GIN index, ts_rank_cd ranking, ts_headline snippets, one edition at a time. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import { MATCH_END, MATCH_START, type SearchIndex, type SearchResults } from '../../core/search/search-index.js';
import type { SearchQuery } from '../../core/search/search-query.js';
import type { Database } from '../db/database.js';
import { searchConfig as config } from './postgres-tsvector-writer.js';
import { hitOf, searchPlan, type SearchPlan, type TextAsWritten } from './search-plan.js';
import { withoutMatchMarkers } from './search-writer.js';

export { createTsvectorSchema } from './postgres-tsvector-schema.js';
export { tsvectorSearchWriter } from './postgres-tsvector-writer.js';

const COUNT_LIMIT = 1000;
/** ts_rank_cd weights for {D, C, B, A}: body (C) 1, highlights (B) 4, headline (A) 10, as FTS5's bm25 weights on SQLite. */
const RANK_WEIGHTS = sql`'{0, 0.1, 0.4, 1.0}'::float4[]`;
/** Normalisation 1 divides by 1 + log(document length), standing in for BM25's length term. */
const RANK_NORMALIZATION = 1;
/** FTS5's snippet is at most 32 tokens; a shorter text is shown whole, as FTS5 does. */
const SNIPPET_WORDS = 32;
const MARK_OPTIONS = `StartSel="${MATCH_START}", StopSel="${MATCH_END}"`;
const WHOLE_OPTIONS = `HighlightAll=true, ${MARK_OPTIONS}`;
const SNIPPET_OPTIONS = `MaxFragments=1, MaxWords=${SNIPPET_WORDS}, MinWords=12, ${MARK_OPTIONS}`;

/**
 * Every term through plainto_tsquery (one word) or phraseto_tsquery (a quoted phrase), ANDed: reader
 * input is only ever text to these functions, never tsquery syntax, so `"`, `*`, `:`, `-`, `OR`, `!` are
 * plain characters or words, as on SQLite. (websearch_to_tsquery would read `or` and `-` as operators.)
 */
export function toTsquery(query: SearchQuery): RawBuilder<unknown> {
  const parts = query.terms.map((words) => words.length === 1
    ? sql`plainto_tsquery(${config}, ${words[0] ?? ''})`
    : sql`phraseto_tsquery(${config}, ${words.join(' ')})`);
  return sql`(${sql.join(parts, sql` && `)})`;
}

/** ts_headline marks each word of a phrase; FTS5 marks the phrase once. Adjacent marks become one. */
function joinAdjacentMarks(text: string): string {
  return text.replace(new RegExp(`${MATCH_END}(\\s+)${MATCH_START}`, 'g'), '$1');
}

/**
 * FTS5's snippet shows '…' where the passage was cut from a longer text; ts_headline does not, and
 * drops punctuation at the passage's ends, so both are put back here from the source text.
 */
export function withEllipses(snippet: string, source: string): string {
  const plain = withoutMatchMarkers(snippet);
  const at = plain ? source.indexOf(plain) : -1;
  if (at < 0) return snippet;
  const before = source.slice(0, at);
  const after = source.slice(at + plain.length);
  const hasWords = (text: string) => /[\p{L}\p{N}]/u.test(text);
  return `${hasWords(before) ? '…' : before.trimStart()}${snippet}${hasWords(after) ? '…' : after.trimEnd()}`;
}

/** Any of the query's forms (see searchPlan). */
function toTsqueryAny(forms: SearchQuery[]): RawBuilder<unknown> {
  return sql`(${sql.join(forms.map(toTsquery), sql` || `)})`;
}

interface HitRow extends TextAsWritten {
  article_id: string;
  /** ts_headline's marks and the text the snippet came from; null for stories marked here instead. */
  marked_headline: string | null;
  marked_snippet: string | null;
  source: string | null;
}

/**
 * One page of matches with ts_headline's marks, or, for stories indexed as terms (terms_language set),
 * their text as written to mark instead (ts_headline would look for the terms in it and find none).
 */
async function pageOf(db: Kysely<Database>, tsquery: RawBuilder<unknown>, plan: SearchPlan, rank: RawBuilder<unknown>, page: { limit: number; offset: number }): Promise<HitRow[]> {
  const { rows } = await sql<HitRow>`WITH q AS (SELECT ${tsquery} AS query),
    page AS (
      SELECT s.*, ${rank} AS rank,
        CASE WHEN ts_filter(document, '{c}') @@ q.query THEN body
          WHEN ts_filter(document, '{b}') @@ q.query THEN highlights
          WHEN ts_filter(document, '{a}') @@ q.query THEN headline
          ELSE body || chr(10) || highlights END AS source
      FROM article_search s, q WHERE document @@ q.query ${inEdition(plan)}
      ORDER BY rank DESC, sort_at DESC, article_id DESC
      LIMIT ${page.limit} OFFSET ${page.offset})
    SELECT article_id, source, terms_language, headline, highlights, body,
      CASE WHEN terms_language IS NULL THEN ts_headline(${config}, headline, q.query, ${WHOLE_OPTIONS}) END AS marked_headline,
      CASE WHEN terms_language IS NULL THEN ts_headline(${config}, source, q.query,
        CASE WHEN cardinality(regexp_split_to_array(btrim(source), '[[:space:]]+')) <= ${SNIPPET_WORDS} THEN ${WHOLE_OPTIONS} ELSE ${SNIPPET_OPTIONS} END) END AS marked_snippet
    FROM page, q ORDER BY rank DESC, sort_at DESC, article_id DESC`.execute(db);
  return rows;
}

function inEdition(plan: SearchPlan): RawBuilder<unknown> {
  return plan.editionId === null ? sql`` : sql`AND edition_id = ${plan.editionId}`;
}

/**
 * Same contract as the FTS5 index: ranked (headline ×10, highlights ×4, body ×1) when at most
 * COUNT_LIMIT stories of the edition match, else the newest matches, so a broad query's cost stays
 * bounded. The snippet comes from the body when the whole query matches there, else highlights, else
 * headline (ts_filter keeps one weight's lexemes), as FTS5's snippet() picks its best column.
 */
export function createTsvectorSearchIndex(db: Kysely<Database>): SearchIndex {
  return {
    async search(query, page, scope): Promise<SearchResults> {
      const plan = searchPlan(query, scope);
      if (!plan) return { hits: [], total: 0, totalCapped: false, order: 'relevance' };
      const tsquery = toTsqueryAny(plan.forms);
      const counted = await sql<{ n: string }>`WITH q AS (SELECT ${tsquery} AS query)
        SELECT count(*) AS n FROM (SELECT 1 FROM article_search, q WHERE document @@ q.query ${inEdition(plan)} LIMIT ${COUNT_LIMIT + 1}) m`.execute(db);
      const n = Number(counted.rows[0]?.n ?? 0);
      const broad = n > COUNT_LIMIT;
      const rank = broad ? sql`0::float4` : sql`ts_rank_cd(${RANK_WEIGHTS}, document, q.query, ${sql.lit(RANK_NORMALIZATION)})`;
      const rows = n === 0 ? [] : await pageOf(db, tsquery, plan, rank, page);
      const hits = rows.map((r) => hitOf(r.article_id, query, r, () => ({
        headline: joinAdjacentMarks(r.marked_headline ?? ''),
        snippet: withEllipses(joinAdjacentMarks(r.marked_snippet ?? ''), r.source ?? ''),
      })));
      return { hits, total: Math.min(n, COUNT_LIMIT), totalCapped: broad, order: broad ? 'newest' : 'relevance' };
    },
  };
}
