/** @module SearchWriter: how a store keeps the search index in step inside its own transaction. */
import type { Kysely } from 'kysely';
import type { SearchDocument } from '../../core/search/search-index.js';
import type { Database } from '../db/database.js';

export interface SearchWriter {
  /** Adds or replaces the document of one article; runs on the caller's transaction. */
  index(trx: Kysely<Database>, doc: SearchDocument): Promise<void>;
  remove(trx: Kysely<Database>, articleId: string): Promise<void>;
}
