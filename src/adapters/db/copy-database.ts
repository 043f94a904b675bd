/** @module Copies every table of one Dateline database into another, empty one (SQLite ⇄ PostgreSQL), then rebuilds the target's search index. */
import type { Kysely, Transaction } from 'kysely';
import { bodyText } from '../../core/articles/article.js';
import { editionLanguage, type SearchWriter } from '../search/search-writer.js';
import type { Database } from './database.js';
import { parseBody, parseHighlights } from './article-repository/article-rows.js';

/**
 * Every table the migrations create, parents before children (foreign keys), with the primary key
 * that orders the batches. A new migration's tables must be added here; a test compares this list
 * with the tables an empty database has. The search tables are not copied: each engine has its own
 * and the target's is rebuilt from the articles.
 */
export const COPIED_TABLES: readonly { table: string; key: readonly string[]; seededByMigration?: boolean }[] = [
  // Migration 0005 writes the first edition into every new database: the source's editions replace it.
  { table: 'editions', key: ['id'], seededByMigration: true },
  { table: 'sections', key: ['id'] },
  { table: 'topics', key: ['id'] },
  { table: 'authors', key: ['id'] },
  { table: 'users', key: ['id'] },
  { table: 'sessions', key: ['id'] },
  { table: 'media', key: ['id'] },
  { table: 'articles', key: ['id'] },
  { table: 'article_topics', key: ['article_id', 'topic_id'] },
  { table: 'article_authors', key: ['article_id', 'author_id'] },
  { table: 'revisions', key: ['id'] },
  { table: 'short_links', key: ['code'] },
  { table: 'corrections', key: ['id'] },
  { table: 'site_settings', key: ['key'] },
  { table: 'site_pages', key: ['edition_id', 'kind'] },
  { table: 'wire_sources', key: ['id'] },
  { table: 'wire_items', key: ['id'] },
  { table: 'wire_item_versions', key: ['id'] },
  // Most-read tallies of the last day. A SQLite file keeps them in its -reads file beside it, which is not copied:
  // they are disposable and refill within the hour.
  { table: 'article_reads', key: ['article_id', 'hour'] },
];

/** Tables that are not content: Kysely's bookkeeping and each engine's own search structures. */
export function isCopiedElsewhere(table: string): boolean {
  return table.startsWith('kysely_') || table.startsWith('article_search');
}

/** Bound parameters per INSERT stay far below SQLite's 32,766 and PostgreSQL's 65,535. */
const PARAMETERS_PER_BATCH = 20_000;
const READ_BATCH = 1000;

export interface CopyReport {
  /** Rows copied per table, in copy order. */
  tables: { table: string; rows: number }[];
  /** Published stories indexed for search on the target. */
  indexed: number;
}

export class TargetNotEmptyError extends Error {
  override name = 'TargetNotEmptyError';
}

// Copies go table by table over names known only at run time, so the typed schema is set aside here.
type AnyDb = Kysely<any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function countRows(db: AnyDb, table: string): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row['n']);
}

async function copyTable(source: AnyDb, target: AnyDb, table: string, key: readonly string[]): Promise<number> {
  let copied = 0;
  for (;;) {
    let query = source.selectFrom(table).selectAll();
    for (const column of key) query = query.orderBy(column);
    const rows = await query.limit(READ_BATCH).offset(copied).execute();
    if (rows.length === 0) return copied;
    const perInsert = Math.max(1, Math.floor(PARAMETERS_PER_BATCH / Object.keys(rows[0] ?? {}).length));
    for (let i = 0; i < rows.length; i += perInsert) await target.insertInto(table).values(rows.slice(i, i + perInsert)).execute();
    copied += rows.length;
  }
}

async function rebuildSearch(trx: Transaction<Database>, search: SearchWriter): Promise<number> {
  let indexed = 0;
  const languages = new Map<string, string>();
  for (let after = ''; ;) {
    const rows = await trx.selectFrom('articles').select(['id', 'edition_id', 'headline', 'highlights', 'body', 'updated_at', 'created_at'])
      .where('status', '=', 'published').where('id', '>', after).orderBy('id').limit(READ_BATCH).execute();
    for (const row of rows) {
      await search.index(trx, {
        articleId: row.id, editionId: row.edition_id, language: await editionLanguage(trx, row.edition_id, languages),
        sortAt: new Date(row.updated_at ?? row.created_at), headline: row.headline,
        highlights: parseHighlights(row.highlights), body: bodyText(parseBody(row.body)),
      });
    }
    indexed += rows.length;
    const last = rows.at(-1);
    if (!last) return indexed;
    after = last.id;
  }
}

/**
 * Copies `source` into `target` in one transaction on the target: all of it or, on any error, none.
 * Refuses a target that already holds rows in any copied table.
 */
export async function copyDatabase(source: Kysely<Database>, target: Kysely<Database>, targetSearch: SearchWriter): Promise<CopyReport> {
  return target.transaction().execute(async (trx) => {
    for (const { table, seededByMigration } of COPIED_TABLES) {
      if (seededByMigration) continue;
      const rows = await countRows(trx as AnyDb, table);
      if (rows > 0) throw new TargetNotEmptyError(`the target database is not empty: ${table} has ${rows} rows`);
    }
    const tables: CopyReport['tables'] = [];
    for (const { table, key, seededByMigration } of COPIED_TABLES) {
      if (seededByMigration) await (trx as AnyDb).deleteFrom(table).execute();
      tables.push({ table, rows: await copyTable(source as AnyDb, trx as AnyDb, table, key) });
    }
    return { tables, indexed: await rebuildSearch(trx, targetSearch) };
  });
}
