/** @module Migration 0002: the full-text index of published articles, created by the dialect's search adapter. */
import type { Kysely, Migration } from 'kysely';

/** Creates the dialect's full-text structures (FTS5 table on SQLite, tsvector + GIN on PostgreSQL). */
export type CreateSearchSchema = (db: Kysely<unknown>) => Promise<void>;

export function articleSearch(createSearchSchema: CreateSearchSchema): Migration {
  return { up: (db) => createSearchSchema(db) };
}
