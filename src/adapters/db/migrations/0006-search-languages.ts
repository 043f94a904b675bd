/** @module Migration 0006: search per edition and language. Every index entry knows its story's edition; Arabic stories are indexed as folded stems. */
import type { Kysely, Migration } from 'kysely';
import { termEditions, type TermEdition } from '../../search/search-writer.js';

/** Upgrades the engine's search structures made by 0002 (an FTS5 table on SQLite, a tsvector table on PostgreSQL). */
export type UpgradeSearchForLanguages = (db: Kysely<unknown>, editions: readonly TermEdition[]) => Promise<void>;

/**
 * The engine passes its own upgrade, as it passed its schema to 0002, so no migration asks which database it
 * runs on. Existing entries of editions whose language is stemmed are re-indexed: an old database keeps finding its stories.
 */
export function searchLanguages(upgrade: UpgradeSearchForLanguages): Migration {
  return { up: async (db) => upgrade(db, await termEditions(db)) };
}
