/** @module SearchIndex: the port for ranked full-text search over published articles. */
import type { SearchQuery } from './search-query.js';

/** Marks the start and end of a matched word in `headline` and `snippet`. */
export const MATCH_START = '\u0002';
export const MATCH_END = '\u0003';

export interface SearchHit {
  articleId: string;
  /** The headline with matches wrapped in MATCH_START/MATCH_END. */
  headline: string;
  /** A short passage around the best match, marked the same way. */
  snippet: string;
}

export interface SearchResults {
  hits: SearchHit[];
  /** Number of matches, capped at `countLimit`. */
  total: number;
  /** True when there are more matches than `total` says. */
  totalCapped: boolean;
  /** Best matches first, or, for a query matching very many stories, the newest first. */
  order: 'relevance' | 'newest';
}

/** Where a search looks: one edition's stories, read with its language's normalisation and stemming. */
export interface SearchScope {
  editionId: string;
  /** BCP 47 language of the edition (query text is normalised by it). */
  language: string;
}

export interface SearchIndex {
  /** Without a scope, every edition's stories (the newsroom, tools); the reader site always passes its edition. */
  search(query: SearchQuery, page: { limit: number; offset: number }, scope?: SearchScope): Promise<SearchResults>;
}

/** The text of one article as the index stores it. */
export interface SearchDocument {
  articleId: string;
  /** The story's edition and its language (text is normalised and stemmed by it). */
  editionId: string;
  language: string;
  /** The story's public time: broad queries list the newest matches first by it. */
  sortAt: Date;
  headline: string;
  highlights: string[];
  body: string;
}
