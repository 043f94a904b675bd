/** @module Copies every table of one Dateline database into another, empty one (SQLite ⇄ PostgreSQL), then rebuilds the target's search index. */
import type { Kysely, Transaction } from 'kysely';
import { bodyText } from '../../core/articles/article.js';
import { editionLanguage, type SearchWriter } from '../search/search-writer.js';
import type { Database } from './database.js';
import { parseBody, parseHighlights } from './article-repository/article-rows.js';

export interface CopiedTable {
  table: string;
  key: readonly string[];
  seededByMigration?: boolean;
  /** In the reader database (main/storage.ts: PATH-readers beside a SQLite file, the main database on PostgreSQL). */
  readers?: boolean;
}

/**
 * Every table the migrations create, parents before children (foreign keys), with the primary key
 * that orders the batches. A new migration's tables must be added here; a test compares this list
 * with the tables an empty database has. The search tables are not copied: each engine has its own
 * and the target's is rebuilt from the articles.
 */
export const COPIED_TABLES: readonly CopiedTable[] = [
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
  // With the site's settings go its generated secrets (secret.*): readers' unsubscribe links and push subscriptions keep working.
  { table: 'site_settings', key: ['key'] },
  { table: 'site_pages', key: ['edition_id', 'kind'] },
  { table: 'wire_sources', key: ['id'] },
  { table: 'wire_items', key: ['id'] },
  { table: 'wire_item_versions', key: ['id'] },
  // Most-read tallies of the last day. A SQLite file keeps them in its -reads file beside it, which is not copied:
  // they are disposable and refill within the hour.
  { table: 'article_reads', key: ['article_id', 'hour'] },
  // Old addresses of an imported site, and the export items behind its stories (migration 0011).
  { table: 'old_urls', key: ['path'] },
  { table: 'site_import_items', key: ['source_key'] },
  { table: 'site_import_media', key: ['source_url'] },
  // Stories still waiting for topic suggestions, and the job's totals (migration 0012): the copy goes on where the source stopped.
  { table: 'topic_suggestion_queue', key: ['article_id'] },
  { table: 'topic_suggestion_runs', key: ['id'] },
  { table: 'newsletters', key: ['id'] },
  { table: 'alerts', key: ['id'] },
  { table: 'readers', key: ['id'], readers: true },
  { table: 'reader_follows', key: ['reader_id', 'kind', 'target_id'], readers: true },
  { table: 'push_subscriptions', key: ['id'], readers: true },
  { table: 'push_subscription_topics', key: ['subscription_id', 'topic_id'], readers: true },
  // The outbox: newsletters' counts (sent, failed) are read from it, and messages still waiting go out from the new database.
  { table: 'deliveries', key: ['id'], readers: true },
  { table: 'unsubscribes', key: ['id'], readers: true },
];

/**
 * Readers' sign-in links (15 minutes) and sessions: short-lived credentials, not copied. After a move readers sign in
 * again; a copy of the database never carries a live reader login.
 */
export const UNCOPIED_TABLES: readonly string[] = ['reader_sign_in_links', 'reader_sessions'];

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

/** A database to copy from or into: the main one and the reader one (the same Kysely on PostgreSQL and `sqlite::memory:`). */
export interface CopyEnd {
  db: Kysely<Database>;
  readerDb: Kysely<Database>;
}

/**
 * Copies `source` into `target` in one transaction on the target: all of it or, on any error, none. When the target's
 * reader tables are in a file of their own, they are written in a second transaction inside the first, committed just
 * before it. Refuses a target that already holds rows in any copied table.
 */
export async function copyDatabase(source: CopyEnd, target: CopyEnd, targetSearch: SearchWriter): Promise<CopyReport> {
  return target.db.transaction().execute(async (trx) => {
    const withReaderTrx = <T>(work: (readerTrx: AnyDb) => Promise<T>): Promise<T> =>
      target.readerDb === target.db ? work(trx) : target.readerDb.transaction().execute((readerTrx) => work(readerTrx));
    return withReaderTrx(async (readerTrx) => {
      const into = (t: CopiedTable): AnyDb => (t.readers ? readerTrx : trx);
      const from = (t: CopiedTable): AnyDb => (t.readers ? source.readerDb : source.db);
      for (const t of COPIED_TABLES) {
        if (t.seededByMigration) continue;
        const rows = await countRows(into(t), t.table);
        if (rows > 0) throw new TargetNotEmptyError(`the target database is not empty: ${t.table} has ${rows} rows`);
      }
      const tables: CopyReport['tables'] = [];
      for (const t of COPIED_TABLES) {
        if (t.seededByMigration) await into(t).deleteFrom(t.table).execute();
        tables.push({ table: t.table, rows: await copyTable(from(t), into(t), t.table, t.key) });
      }
      return { tables, indexed: await rebuildSearch(trx, targetSearch) };
    });
  });
}
