/** @module SearchWriter: how a store keeps the search index in step inside its own transaction. */
import type { Kysely } from 'kysely';
import { MATCH_END, MATCH_START, type SearchDocument } from '../../core/search/search-index.js';
import type { Database } from '../db/database.js';

export interface SearchWriter {
  /** Adds or replaces the document of one article; runs on the caller's transaction. */
  index(trx: Kysely<Database>, doc: SearchDocument): Promise<void>;
  remove(trx: Kysely<Database>, articleId: string): Promise<void>;
}

const MATCH_MARKERS = new RegExp(`[${MATCH_START}${MATCH_END}]`, 'g');

/** Indexed text must not carry the match markers itself, or a story could put its own highlights on the results page. */
export function withoutMatchMarkers(text: string): string {
  return text.replace(MATCH_MARKERS, '');
}
