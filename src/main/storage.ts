/** @module Opens the configured database, migrates it, and builds the stores and search index over it. */
import type { Kysely } from 'kysely';
import type { ArticleStore } from '../core/articles/article-store.js';
import type { AuthorStore } from '../core/authors/author-store.js';
import type { SearchIndex } from '../core/search/search-index.js';
import type { SectionStore } from '../core/sections/section-store.js';
import type { TopicStore } from '../core/topics/topic-store.js';
import type { Database } from '../adapters/db/database.js';
import { migrateToLatest } from '../adapters/db/migrate.js';
import { openSqlite, sqlitePathFromUrl } from '../adapters/db/sqlite-connection.js';
import { createSqlArticleStore } from '../adapters/db/stores/sql-article-store.js';
import { createSqlAuthorStore, createSqlSectionStore, createSqlTopicStore } from '../adapters/db/stores/sql-catalog-stores.js';
import { createFts5Schema, createFts5SearchIndex, fts5SearchWriter } from '../adapters/search/sqlite-fts5-index.js';

export interface Storage {
  db: Kysely<Database>;
  articles: ArticleStore;
  sections: SectionStore;
  topics: TopicStore;
  authors: AuthorStore;
  search: SearchIndex;
  /** Changes whenever anything commits to the database: this process or another (SQLite data_version). */
  generation: () => number;
  close(): Promise<void>;
}

/** Opens and migrates the database at `databaseUrl` (sqlite:PATH or sqlite::memory:). */
export async function openStorage(databaseUrl: string): Promise<Storage> {
  const { db, raw } = openSqlite(sqlitePathFromUrl(databaseUrl));
  const { error, results } = await migrateToLatest(db as Kysely<unknown>, createFts5Schema);
  if (error) {
    await db.destroy();
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
  // data_version changes when another connection commits; localWrites counts this process's own commits.
  const dataVersion = raw.prepare('PRAGMA data_version').pluck();
  let localWrites = 0;
  return {
    db,
    articles: createSqlArticleStore(db, fts5SearchWriter, () => localWrites++),
    sections: createSqlSectionStore(db),
    topics: createSqlTopicStore(db),
    authors: createSqlAuthorStore(db),
    search: createFts5SearchIndex(db),
    generation: () => Number(dataVersion.get()) + localWrites,
    close: () => db.destroy(),
  };
}
