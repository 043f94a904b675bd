/** @module Migration 0006 on SQLite: each index entry's edition, the text as written of stories indexed as terms, and existing entries re-indexed. */
import { sql, type Kysely } from 'kysely';
import { indexedText } from '../../core/search/search-terms.js';
import type { TermEdition } from './search-writer.js';

const BATCH = 500;

async function hasColumn(db: Kysely<unknown>, table: string, column: string): Promise<boolean> {
  const { rows } = await sql<{ name: string }>`SELECT name FROM pragma_table_info(${table})`.execute(db);
  return rows.some((r) => r.name === column);
}

interface Entry {
  article_id: string;
  search_rowid: number;
  headline: string;
  highlights: string;
  body: string;
}

/** Moves the text of one edition's entries to article_search_originals and indexes their terms instead; entries done before are skipped. */
async function reindexEdition(db: Kysely<unknown>, { editionId, language, rules }: TermEdition): Promise<void> {
  for (let after = ''; ;) {
    const { rows } = await sql<Entry>`SELECT k.article_id, k.search_rowid, s.headline, s.highlights, s.body
      FROM article_search_keys k JOIN article_search s ON s.rowid = k.search_rowid
      WHERE k.edition_id = ${editionId} AND k.article_id > ${after}
        AND NOT EXISTS (SELECT 1 FROM article_search_originals o WHERE o.article_id = k.article_id)
      ORDER BY k.article_id LIMIT ${BATCH}`.execute(db);
    for (const entry of rows) {
      await sql`INSERT INTO article_search_originals (article_id, terms_language, headline, highlights, body)
        VALUES (${entry.article_id}, ${language}, ${entry.headline}, ${entry.highlights}, ${entry.body})`.execute(db);
      await sql`UPDATE article_search SET headline = ${indexedText(entry.headline, rules)},
        highlights = ${indexedText(entry.highlights, rules)}, body = ${indexedText(entry.body, rules)}
        WHERE rowid = ${entry.search_rowid}`.execute(db);
    }
    const last = rows.at(-1);
    if (!last) return;
    after = last.article_id;
  }
}

/** Safe to run twice: every step checks what is already there. */
export async function upgradeFts5ForLanguages(db: Kysely<unknown>, termEditions: readonly TermEdition[]): Promise<void> {
  if (!(await hasColumn(db, 'article_search_keys', 'edition_id'))) {
    await sql`ALTER TABLE article_search_keys ADD COLUMN edition_id TEXT NOT NULL DEFAULT 'en'`.execute(db);
  }
  // Stories written before editions are all in 'en'; any written since 0005 take their article's edition.
  await sql`UPDATE article_search_keys SET edition_id = (SELECT a.edition_id FROM articles a WHERE a.id = article_search_keys.article_id)
    WHERE article_id IN (SELECT id FROM articles WHERE edition_id <> 'en')`.execute(db);
  // Searches go from an FTS5 match (a rowid) to its edition: this index answers that without reading the table.
  await sql`CREATE INDEX IF NOT EXISTS article_search_keys_rowid_idx ON article_search_keys (search_rowid, edition_id)`.execute(db);
  await sql`CREATE TABLE IF NOT EXISTS article_search_originals (
    article_id TEXT PRIMARY KEY, terms_language TEXT NOT NULL, headline TEXT NOT NULL, highlights TEXT NOT NULL, body TEXT NOT NULL
  )`.execute(db);
  for (const edition of termEditions) await reindexEdition(db, edition);
}
