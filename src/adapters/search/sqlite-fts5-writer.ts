/** @module Writes SQLite's search index: one FTS5 row per published story, its key and edition, and its text as written where the row holds terms. */
import { randomInt } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { SearchDocument } from '../../core/search/search-index.js';
import type { Database } from '../db/database.js';
import { indexedStory, type IndexedStory, type SearchWriter } from './search-writer.js';

/**
 * Inserts the FTS5 row and returns its rowid: the story's time in ms × 1000 plus a random tie-breaker, so rowid order is
 * time order. When a millisecond's 1,000 slots are crowded (an archive import where many stories share one time), the
 * row takes the next free rowid after that time's rows: the order stays time order to within the crowd's width.
 */
async function insertRow(trx: Kysely<Database>, doc: SearchDocument, text: IndexedStory['indexed']): Promise<number> {
  const base = doc.sortAt.getTime() * 1000;
  const insert = (rowid: number) => sql`INSERT INTO article_search (rowid, article_id, headline, highlights, body)
    VALUES (${rowid}, ${doc.articleId}, ${text.headline}, ${text.highlights}, ${text.body})`.execute(trx);
  for (let attempt = 0; attempt < 8; attempt++) {
    const rowid = base + randomInt(1000);
    try {
      await insert(rowid);
      return rowid;
    } catch (error) {
      if (!/constraint/i.test((error as Error).message)) throw error;
    }
  }
  const { rows } = await sql<{ next: number }>`SELECT COALESCE(MAX(rowid), ${base - 1}) + 1 AS next FROM article_search
    WHERE rowid BETWEEN ${base} AND ${base + 999_999_999}`.execute(trx);
  const rowid = Number(rows[0]!.next);
  await insert(rowid);
  return rowid;
}

/**
 * article_search_keys maps an article to its index row, so replacing or removing one is a key lookup.
 * (Matching on the UNINDEXED article_id column scans the whole index: the corpus build went quadratic.
 * The articles table's own rowid is not used because VACUUM may renumber it.) It also holds the story's
 * edition, which every search is limited to (migration 0006). For a language whose terms are made here
 * (Arabic), the FTS5 row holds the terms and article_search_originals the text readers see.
 */
export const fts5SearchWriter: SearchWriter = {
  async index(trx, doc) {
    await fts5SearchWriter.remove(trx, doc.articleId);
    const { shown, indexed, termsMadeHere } = indexedStory(doc);
    const rowid = await insertRow(trx, doc, indexed);
    await sql`INSERT INTO article_search_keys (article_id, search_rowid, edition_id) VALUES (${doc.articleId}, ${rowid}, ${doc.editionId})`.execute(trx);
    if (termsMadeHere) {
      await sql`INSERT INTO article_search_originals (article_id, terms_language, headline, highlights, body)
        VALUES (${doc.articleId}, ${doc.language}, ${shown.headline}, ${shown.highlights}, ${shown.body})`.execute(trx);
    }
  },
  async remove(trx, articleId) {
    await sql`DELETE FROM article_search WHERE rowid = (SELECT search_rowid FROM article_search_keys WHERE article_id = ${articleId})`.execute(trx);
    await sql`DELETE FROM article_search_keys WHERE article_id = ${articleId}`.execute(trx);
    await sql`DELETE FROM article_search_originals WHERE article_id = ${articleId}`.execute(trx);
  },
};
