/** @module Migration 0006 on PostgreSQL: each index entry's edition, and the documents of editions indexed as terms rebuilt from their text. */
import { sql, type Kysely } from 'kysely';
import { indexedText } from '../../core/search/search-terms.js';
import { weightedDocument } from './postgres-tsvector-writer.js';
import type { TermEdition } from './search-writer.js';

const BATCH = 500;

/** Rebuilds the document of one edition's entries from their stored text, as terms. */
async function reindexEdition(db: Kysely<unknown>, { editionId, language, rules }: TermEdition): Promise<void> {
  for (let after = ''; ;) {
    const { rows } = await sql<{ article_id: string; headline: string; highlights: string; body: string }>`
      SELECT article_id, headline, highlights, body FROM article_search
      WHERE edition_id = ${editionId} AND article_id > ${after} ORDER BY article_id LIMIT ${BATCH}`.execute(db);
    for (const row of rows) {
      const terms = { headline: indexedText(row.headline, rules), highlights: indexedText(row.highlights, rules), body: indexedText(row.body, rules) };
      await sql`UPDATE article_search SET document = ${weightedDocument(terms)}, terms_language = ${language} WHERE article_id = ${row.article_id}`.execute(db);
    }
    const last = rows.at(-1);
    if (!last) return;
    after = last.article_id;
  }
}

/** Safe to run twice: the column and index are created if missing, and rebuilding a document again gives the same one. */
export async function upgradeTsvectorForLanguages(db: Kysely<unknown>, termEditions: readonly TermEdition[]): Promise<void> {
  await sql`ALTER TABLE article_search ADD COLUMN IF NOT EXISTS edition_id text NOT NULL DEFAULT 'en'`.execute(db);
  // The language whose terms the document holds (Arabic), null where it holds the text as the engine stems it.
  await sql`ALTER TABLE article_search ADD COLUMN IF NOT EXISTS terms_language text`.execute(db);
  // Stories written before editions are all in 'en'; any written since 0005 take their article's edition.
  await sql`UPDATE article_search s SET edition_id = a.edition_id FROM articles a
    WHERE a.id = s.article_id AND a.edition_id <> 'en' AND s.edition_id <> a.edition_id`.execute(db);
  // Every search is one edition's: broad queries walk this index (newest first) instead of the site-wide one.
  await sql`CREATE INDEX IF NOT EXISTS article_search_edition_sort_idx ON article_search (edition_id, sort_at DESC, article_id DESC)`.execute(db);
  await sql`DROP INDEX IF EXISTS article_search_sort_idx`.execute(db);
  for (const edition of termEditions) await reindexEdition(db, edition);
}
