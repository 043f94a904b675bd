/** @module Runs the forward-only migrations; returns Kysely's {error, results}. */
import { Migrator, type Kysely, type MigrationResultSet, type Migration } from 'kysely';
import { coreSchema } from './migrations/0001-core-schema.js';
import { articleSearch, type CreateSearchSchema } from './migrations/0002-article-search.js';
import { newsroomSchema } from './migrations/0003-newsroom.js';
import { wireDeskSchema } from './migrations/0004-wire-desk.js';
import { editionsSchema } from './migrations/0005-editions.js';
import { searchLanguages, type UpgradeSearchForLanguages } from './migrations/0006-search-languages.js';
import { mostReadSchema } from './migrations/0007-most-read.js';
import { topicAcceptanceSchema } from './migrations/0008-topic-acceptance.js';
import { profilesAndPagesSchema } from './migrations/0009-profiles-and-pages.js';
import { readerAccountsSchema, readerTablesSchema } from './migrations/0010-reader-accounts.js';
import { oldUrlsSchema } from './migrations/0011-old-urls.js';
import { topicSuggestionQueueSchema } from './migrations/0012-topic-suggestion-queue.js';

/** What differs between the engines' search structures, as migrations 0002 and 0006 need it. */
export interface SearchSchemaSteps {
  create: CreateSearchSchema;
  upgradeForLanguages: UpgradeSearchForLanguages;
}

/** Every migration in order. Never edit one that has landed: add the next number instead. */
export function allMigrations(search: SearchSchemaSteps): Record<string, Migration> {
  return {
    '0001-core-schema': coreSchema,
    '0002-article-search': articleSearch(search.create),
    '0003-newsroom': newsroomSchema,
    '0004-wire-desk': wireDeskSchema,
    '0005-editions': editionsSchema,
    '0006-search-languages': searchLanguages(search.upgradeForLanguages),
    '0007-most-read': mostReadSchema,
    '0008-topic-acceptance': topicAcceptanceSchema,
    '0009-profiles-and-pages': profilesAndPagesSchema,
    '0010-reader-accounts': readerAccountsSchema,
    '0011-old-urls': oldUrlsSchema,
    '0012-topic-suggestion-queue': topicSuggestionQueueSchema,
  };
}

/**
 * `migrationTableSchema` (PostgreSQL: the connection's current schema) keeps Kysely's bookkeeping tables
 * in the schema being migrated: without it Kysely finds `kysely_migration` in any other schema of the
 * database and takes this one for migrated.
 */
export async function migrateToLatest(
  db: Kysely<unknown>,
  search: SearchSchemaSteps,
  migrationTableSchema?: string,
): Promise<MigrationResultSet> {
  const migrations = allMigrations(search);
  const migrator = new Migrator({
    db, provider: { getMigrations: async () => migrations },
    ...(migrationTableSchema ? { migrationTableSchema } : {}),
  });
  return migrator.migrateToLatest();
}

/**
 * The reader database beside a SQLite file (PATH-readers; main/storage.ts) has migrations of its own, named like the
 * main ones that made its tables; on PostgreSQL the same tables are made by the main list.
 */
export async function migrateReaderDatabase(db: Kysely<unknown>): Promise<MigrationResultSet> {
  const migrations: Record<string, Migration> = { '0010-reader-accounts': readerTablesSchema };
  return new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
}
