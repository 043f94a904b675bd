/** @module Opens the configured database (SQLite or PostgreSQL), migrates it, and builds the stores and search index over it. */
import { sql, type Kysely } from 'kysely';
import type { ArticleStore } from '../core/articles/article-store.js';
import type { AuthorStore } from '../core/authors/author-store.js';
import type { SearchIndex } from '../core/search/search-index.js';
import type { SectionStore } from '../core/sections/section-store.js';
import type { TopicStore } from '../core/topics/topic-store.js';
import type { Database } from '../adapters/db/database.js';
import { parseDatabaseUrl, redactDatabaseUrl } from '../adapters/db/database-url.js';
import { migrateReaderDatabase, migrateToLatest, type SearchSchemaSteps } from '../adapters/db/migrate.js';
import { createSqlDeliveryStore } from '../adapters/db/stores/sql-delivery-store.js';
import type { DeliveryStore } from '../core/deliveries/delivery-store.js';
import type { TopicSuggestionQueue } from '../core/topics/topic-suggestion-queue.js';
import { createSqlTopicSuggestionQueue } from '../adapters/db/stores/sql-topic-suggestion-queue.js';
import type { ReaderStore } from '../core/readers/reader-store.js';
import { createSqlReaderStore } from '../adapters/db/stores/sql-reader-store.js';
import { upgradeTsvectorForLanguages } from '../adapters/search/postgres-tsvector-languages.js';
import { upgradeFts5ForLanguages } from '../adapters/search/sqlite-fts5-languages.js';
import { openPostgres } from '../adapters/db/postgres-connection.js';
import { openSqlite } from '../adapters/db/sqlite-connection.js';
import { createSqlArticleRepository } from '../adapters/db/article-repository/sql-article-repository.js';
import { createSqlMediaStore } from '../adapters/db/stores/sql-media-store.js';
import { createSqlSettingsStore } from '../adapters/db/stores/sql-settings-store.js';
import type { SettingsStore } from '../core/settings/site-settings.js';
import type { EditionStore } from '../core/editions/edition-store.js';
import type { SitePageStore } from '../core/site-pages/site-page-store.js';
import { createSqlSitePageStore } from '../adapters/db/stores/sql-site-page-store.js';
import { createSqlReadCounts } from '../adapters/db/stores/sql-read-counts.js';
import { mostReadSchema } from '../adapters/db/migrations/0007-most-read.js';
import type { ReadCounts } from '../core/most-read/most-read.js';
import { createSqlEditionStore } from '../adapters/db/stores/sql-edition-store.js';
import { createSqlSessionStore, createSqlUserStore } from '../adapters/db/stores/sql-staff-stores.js';
import type { MediaStore } from '../core/media/media-library.js';
import type { SessionStore, UserStore } from '../core/staff/staff-stores.js';
import { createSqlAuthorStore, createSqlSectionStore, createSqlTopicStore } from '../adapters/db/stores/sql-catalog-stores.js';
import type { SearchWriter } from '../adapters/search/search-writer.js';
import { createTsvectorSchema, createTsvectorSearchIndex, tsvectorSearchWriter } from '../adapters/search/postgres-tsvector-index.js';
import { createFts5Schema, createFts5SearchIndex, fts5SearchWriter } from '../adapters/search/sqlite-fts5-index.js';

export interface Storage {
  db: Kysely<Database>;
  /** The article aggregate, readers' and newsroom's methods alike (one repository). */
  articles: ArticleStore;
  sections: SectionStore;
  topics: TopicStore;
  authors: AuthorStore;
  search: SearchIndex;
  users: UserStore;
  sessions: SessionStore;
  media: MediaStore;
  /** Site settings changed in the newsroom (over the environment's defaults). */
  settings: SettingsStore;
  /** The site's editions (English at /, Arabic at /ar/ …). */
  editions: EditionStore;
  /** The editions' static pages (About, Contact, Corrections policy, Privacy). */
  sitePages: SitePageStore;
  /** Reads of story pages per hour (most read) when there is no Redis to share them through. */
  readCounts: ReadCounts;
  /** Readers' accounts, follows, push subscriptions and the delivery outbox: the main database, or PATH-readers beside a SQLite file. */
  readerDb: Kysely<Database>;
  /** The outbox of e-mails and pushes (in readerDb). */
  deliveries: DeliveryStore;
  /** Readers' accounts, sign-in links, sessions and follows (in readerDb). */
  readers: ReaderStore;
  /** Stories waiting for topic suggestions (an imported archive) and the job's totals. */
  topicSuggestions: TopicSuggestionQueue;
  /** Keeps the search index in step on a caller's transaction (bulk copies rebuild the index through it). */
  searchWriter: SearchWriter;
  /** Changes whenever a write commits that this process must see (see each engine below). */
  generation: () => number;
  close(): Promise<void>;
}

export interface StorageOptions {
  /** Most PostgreSQL connections this process holds (DATABASE_POOL_MAX); ignored by SQLite. */
  poolMax?: number;
  /** How long a PostgreSQL query waits for a connection before failing (DATABASE_CONNECT_TIMEOUT_MS); ignored by SQLite. */
  connectionTimeoutMs?: number;
}

/** What differs between the engines once the connection is open. */
interface Engine {
  db: Kysely<Database>;
  search: SearchSchemaSteps;
  searchWriter: SearchWriter;
  searchIndex: (db: Kysely<Database>) => SearchIndex;
  /** Commits by other connections or processes that this one can detect; 0 when it cannot. */
  externalVersion: () => number;
  /** Where Kysely keeps its migration tables: the schema being migrated, where the engine has schemas. */
  migrationTableSchema: () => Promise<string | undefined>;
  /** Where the most-read counters live, when not in the main database (see openSqliteEngine). */
  readCountsDb?: Kysely<Database>;
  /** Where readers' accounts and the delivery outbox live, when not in the main database (see openSqliteEngine). */
  readerDb?: Kysely<Database>;
  name: 'sqlite' | 'postgres';
}

function openSqliteEngine(path: string): Engine {
  const { db, raw } = openSqlite(path);
  // data_version changes when another connection (another process on the same file) commits.
  const dataVersion = raw.prepare('PRAGMA data_version').pluck();
  return {
    db, search: { create: createFts5Schema, upgradeForLanguages: upgradeFts5ForLanguages }, searchWriter: fts5SearchWriter, searchIndex: createFts5SearchIndex,
    externalVersion: () => Number(dataVersion.get()),
    migrationTableSchema: async () => undefined,
    // Every process flushes its read counts every few seconds; in the main file each flush would change
    // data_version and empty every other process's page cache (serve --workers). So the counters, a day's
    // disposable tallies, live in a file of their own beside it (PATH-reads), which data_version does not watch.
    readCountsDb: path === ':memory:' ? undefined : openSqlite(`${path}-reads`).db,
    // Readers' sessions, sign-in links and the delivery outbox (100,000 digests a morning) write all the time: in a
    // file of their own (PATH-readers) for the same reason. Follows name topics, sections and authors by id across files.
    readerDb: path === ':memory:' ? undefined : openSqlite(`${path}-readers`).db,
    name: 'sqlite',
  };
}

/**
 * PostgreSQL has no data_version: only this process's own writes are seen at once. With several
 * processes, set REDIS_URL: the Redis EventBus carries each story change to every process's page
 * cache. Without it, pages another process changed stay cached until their TTL (60 s).
 */
function openPostgresEngine(url: string, options: StorageOptions): Engine {
  const db = openPostgres(url, { poolMax: options.poolMax ?? 10, connectionTimeoutMs: options.connectionTimeoutMs });
  return {
    db, search: { create: createTsvectorSchema, upgradeForLanguages: upgradeTsvectorForLanguages }, searchWriter: tsvectorSearchWriter, searchIndex: createTsvectorSearchIndex,
    externalVersion: () => 0,
    migrationTableSchema: async () => (await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db)).rows[0]?.schema,
    name: 'postgres',
  };
}

/** Opens and migrates the database at `databaseUrl`: sqlite:PATH, sqlite::memory:, or postgres://…. */
export async function openStorage(databaseUrl: string, options: StorageOptions = {}): Promise<Storage> {
  const target = parseDatabaseUrl(databaseUrl);
  const engine = target.engine === 'postgres' ? openPostgresEngine(target.url, options) : openSqliteEngine(target.path);
  const { db } = engine;
  const { error, results } = await engine.migrationTableSchema()
    .then((schema) => migrateToLatest(db as Kysely<unknown>, engine.search, schema))
    .catch((e: unknown) => ({ error: e, results: undefined }));
  const readCountsDb = engine.readCountsDb;
  const readCountsError = error || !readCountsDb ? undefined
    : await mostReadSchema.up(readCountsDb as Kysely<unknown>).then(() => undefined, (e: unknown) => e);
  const readerDb = engine.readerDb;
  const readerDbError = error || readCountsError || !readerDb ? undefined
    : await migrateReaderDatabase(readerDb as Kysely<unknown>).then((r) => r.error, (e: unknown) => e);
  if (error || readCountsError || readerDbError) {
    await db.destroy();
    await readCountsDb?.destroy();
    await readerDb?.destroy();
    if (readCountsError) throw new Error(`cannot open the most-read counters beside ${redactDatabaseUrl(databaseUrl)}: ${(readCountsError as Error).message ?? String(readCountsError)}`, { cause: readCountsError });
    if (readerDbError) throw new Error(`cannot open the reader database beside ${redactDatabaseUrl(databaseUrl)}: ${(readerDbError as Error).message ?? String(readerDbError)}`, { cause: readerDbError });
    const failed = results?.find((r) => r.status === 'Error')?.migrationName;
    const what = failed ? `database migration ${failed} failed` : `cannot open database ${redactDatabaseUrl(databaseUrl)}`;
    throw new Error(`${what}: ${(error as Error).message ?? String(error)}`, { cause: error });
  }
  // localWrites counts this process's own commits, so its caches drop what it changed at once.
  let localWrites = 0;
  return {
    db,
    // Only imports' inserts count as local writes: newsroom writes reach readers' caches through story events (tags), so drafts and autosaves never flush the page cache.
    articles: createSqlArticleRepository(db, engine.searchWriter, () => localWrites++),
    sections: createSqlSectionStore(db),
    topics: createSqlTopicStore(db),
    authors: createSqlAuthorStore(db),
    search: engine.searchIndex(db),
    searchWriter: engine.searchWriter,
    users: createSqlUserStore(db),
    sessions: createSqlSessionStore(db),
    media: createSqlMediaStore(db),
    settings: createSqlSettingsStore(db),
    editions: createSqlEditionStore(db),
    sitePages: createSqlSitePageStore(db),
    readCounts: createSqlReadCounts(readCountsDb ?? db),
    readerDb: readerDb ?? db,
    deliveries: createSqlDeliveryStore(readerDb ?? db, { skipLocked: engine.name === 'postgres' }),
    readers: createSqlReaderStore(readerDb ?? db),
    topicSuggestions: createSqlTopicSuggestionQueue(db, { skipLocked: engine.name === 'postgres' }),
    generation: () => engine.externalVersion() + localWrites,
    close: async () => {
      await db.destroy();
      await readCountsDb?.destroy();
      await readerDb?.destroy();
    },
  };
}
