/** @module SearchWriter: how a store keeps the search index in step inside its own transaction, and the text and language it indexes. */
import { sql, type Kysely } from 'kysely';
import { MATCH_END, MATCH_START, type SearchDocument } from '../../core/search/search-index.js';
import { indexedText, searchTermsFor, type SearchTerms } from '../../core/search/search-terms.js';
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

/** One story's text as readers see it and as the engine indexes it. */
export interface IndexedStory {
  shown: { headline: string; highlights: string; body: string };
  /** The same text as index terms (search-terms.ts) for languages the index stems itself, else `shown`. */
  indexed: { headline: string; highlights: string; body: string };
  /** True when `indexed` holds terms, not the text as written. */
  termsMadeHere: boolean;
}

export function indexedStory(doc: SearchDocument): IndexedStory {
  const shown = { headline: withoutMatchMarkers(doc.headline), highlights: withoutMatchMarkers(doc.highlights.join('\n')), body: withoutMatchMarkers(doc.body) };
  const rules = searchTermsFor(doc.language);
  if (!rules) return { shown, indexed: shown, termsMadeHere: false };
  const indexed = { headline: indexedText(shown.headline, rules), highlights: indexedText(shown.highlights, rules), body: indexedText(shown.body, rules) };
  return { shown, indexed, termsMadeHere: true };
}

/** The language stories of an edition are indexed by ('en' for an edition the editions table does not list). `cache` keeps answers for a batch. */
export async function editionLanguage(db: Kysely<Database>, editionId: string, cache?: Map<string, string>): Promise<string> {
  const key = `edition-language:${editionId}`;
  const known = cache?.get(key);
  if (known) return known;
  const row = await db.selectFrom('editions').select('language').where('id', '=', editionId).executeTakeFirst();
  const language = row?.language ?? 'en';
  cache?.set(key, language);
  return language;
}

/** A stored story's edition and that edition's language, for re-indexing it. */
export async function searchEditionOf(db: Kysely<Database>, articleId: string): Promise<{ editionId: string; language: string }> {
  const row = await db.selectFrom('articles').leftJoin('editions', 'editions.id', 'articles.edition_id')
    .select(['articles.edition_id as editionId', 'editions.language as language']).where('articles.id', '=', articleId).executeTakeFirst();
  return { editionId: row?.editionId ?? 'en', language: row?.language ?? 'en' };
}

/** An edition whose stories are indexed as terms made here, and how. */
export interface TermEdition {
  editionId: string;
  language: string;
  rules: SearchTerms;
}

/** The editions whose language has its terms made here (search-terms.ts): Arabic ones. */
export async function termEditions(db: Kysely<unknown>): Promise<TermEdition[]> {
  const { rows } = await sql<{ id: string; language: string }>`SELECT id, language FROM editions ORDER BY id`.execute(db);
  return rows.flatMap(({ id, language }) => {
    const rules = searchTermsFor(language);
    return rules ? [{ editionId: id, language, rules }] : [];
  });
}
