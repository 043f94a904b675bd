/** @module The PostgreSQL full-text schema (migration 0002 there): a text search configuration, the article_search table, GIN index. */
import { sql, type Kysely } from 'kysely';

/**
 * The text search configuration every document and query goes through. It is English with Porter2
 * stemming but no stop words, and accent folding when the unaccent extension is there, so that it
 * matches what FTS5's `porter unicode61 remove_diacritics 2` does on SQLite: "the", "or" and "a" stay
 * searchable, and "Koln" finds "Köln".
 */
export const SEARCH_CONFIG = 'dateline_search';

const WORD_TOKENS = 'asciiword, asciihword, hword_asciipart, word, hword, hword_part, numword, numhword, hword_numpart';

/**
 * The schema of the extension providing unaccent, installing it if the server offers it and we may;
 * null when it cannot be had (then accents are not folded: "Koln" does not find "Köln"; see README).
 * The attempt runs under a savepoint because a refused CREATE EXTENSION would abort the migration.
 */
async function unaccentSchema(db: Kysely<unknown>): Promise<string | null> {
  const installed = async () => (await sql<{ schema: string }>`
    SELECT n.nspname AS schema FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace
    WHERE e.extname = 'unaccent'`.execute(db)).rows[0]?.schema ?? null;
  const found = await installed();
  if (found) return found;
  const available = await sql`SELECT 1 FROM pg_available_extensions WHERE name = 'unaccent'`.execute(db);
  if (available.rows.length === 0) return null;
  await sql`SAVEPOINT dateline_unaccent`.execute(db);
  try {
    await sql`CREATE EXTENSION IF NOT EXISTS unaccent`.execute(db);
    await sql`RELEASE SAVEPOINT dateline_unaccent`.execute(db);
  } catch {
    await sql`ROLLBACK TO SAVEPOINT dateline_unaccent`.execute(db);
    return null;
  }
  return installed();
}

async function createSearchConfig(db: Kysely<unknown>): Promise<void> {
  const unaccent = await unaccentSchema(db);
  await sql`CREATE TEXT SEARCH DICTIONARY dateline_stem (TEMPLATE = snowball, Language = english)`.execute(db);
  await sql`CREATE TEXT SEARCH CONFIGURATION ${sql.id(SEARCH_CONFIG)} (COPY = english)`.execute(db);
  const dictionaries = unaccent ? sql`${sql.id(unaccent, 'unaccent')}, dateline_stem` : sql`dateline_stem`;
  await sql`ALTER TEXT SEARCH CONFIGURATION ${sql.id(SEARCH_CONFIG)} ALTER MAPPING FOR ${sql.raw(WORD_TOKENS)} WITH ${dictionaries}`.execute(db);
}

/** Creates the search configuration, table and indexes; migration 0002 runs it once per database. */
export async function createTsvectorSchema(db: Kysely<unknown>): Promise<void> {
  await createSearchConfig(db);
  await db.schema
    .createTable('article_search')
    .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
    .addColumn('sort_at', 'timestamptz', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('highlights', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('document', sql`tsvector`, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('article_search_document_idx').on('article_search').using('gin').column('document').execute();
  // Broad queries list the newest matches: walking this index stops after one page.
  await db.schema.createIndex('article_search_sort_idx').on('article_search').columns(['sort_at desc', 'article_id desc']).execute();
}
