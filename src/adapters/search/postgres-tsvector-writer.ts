/** @module Writes PostgreSQL's search index: per published story its edition, its text as written and a weighted tsvector of its terms. */
import { sql, type RawBuilder } from 'kysely';
import { SEARCH_CONFIG } from './postgres-tsvector-schema.js';
import { indexedStory, type SearchWriter } from './search-writer.js';

export const searchConfig = sql`${sql.lit(SEARCH_CONFIG)}::regconfig`;

/** Headline (A), highlights (B) and body (C) as one weighted tsvector. */
export function weightedDocument(text: { headline: string; highlights: string; body: string }): RawBuilder<unknown> {
  return sql`setweight(to_tsvector(${searchConfig}, ${text.headline}), 'A') ||
    setweight(to_tsvector(${searchConfig}, ${text.highlights}), 'B') ||
    setweight(to_tsvector(${searchConfig}, ${text.body}), 'C')`;
}

/**
 * Adds or replaces one article's document in a single statement: an upsert, never a failed insert (that
 * would abort the caller's transaction). headline, highlights and body keep the text as written; the
 * document is made from the terms of languages stemmed here (Arabic; terms_language names it), else
 * from that same text (terms_language null).
 */
export const tsvectorSearchWriter: SearchWriter = {
  async index(trx, doc) {
    const { shown, indexed, termsMadeHere } = indexedStory(doc);
    await sql`INSERT INTO article_search (article_id, edition_id, terms_language, sort_at, headline, highlights, body, document)
      VALUES (${doc.articleId}, ${doc.editionId}, ${termsMadeHere ? doc.language : null}, ${doc.sortAt.toISOString()},
        ${shown.headline}, ${shown.highlights}, ${shown.body}, ${weightedDocument(indexed)})
      ON CONFLICT (article_id) DO UPDATE SET edition_id = excluded.edition_id, terms_language = excluded.terms_language,
        sort_at = excluded.sort_at, headline = excluded.headline, highlights = excluded.highlights, body = excluded.body,
        document = excluded.document`.execute(trx);
  },
  async remove(trx, articleId) {
    await sql`DELETE FROM article_search WHERE article_id = ${articleId}`.execute(trx);
  },
};
