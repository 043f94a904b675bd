/** @module Parses what a reader typed into the search box into words and quoted phrases. */
import { fail, ok, type Result } from '../shared/result.js';

export interface SearchQuery {
  /** Each term is one word or a quoted phrase (several words); all terms must match. */
  terms: string[][];
  /** The query as the reader typed it, trimmed. */
  text: string;
}

export type SearchQueryProblem = 'EMPTY' | 'TOO_LONG' | 'NO_WORDS';

export const MAX_QUERY_LENGTH = 200;
const MAX_TERMS = 12;

/** Combining marks belong to their word: Arabic tashkeel (الكِتَاب) would otherwise cut it into pieces. */
function wordsOf(text: string): string[] {
  return text.normalize('NFC').split(/[^\p{L}\p{M}\p{N}]+/u).filter((w) => w.length > 0);
}

/** Words match in any order; "double quotes" keep a phrase together. Operators are not exposed. */
export function parseSearchQuery(input: string): Result<SearchQuery, SearchQueryProblem> {
  const text = input.trim();
  if (!text) return fail('EMPTY');
  if (text.length > MAX_QUERY_LENGTH) return fail('TOO_LONG');
  const terms: string[][] = [];
  const parts = text.split('"');
  parts.forEach((part, index) => {
    const words = wordsOf(part);
    if (index % 2 === 1 && words.length > 0) terms.push(words);
    else for (const word of words) terms.push([word]);
  });
  if (terms.length === 0) return fail('NO_WORDS');
  return ok({ terms: terms.slice(0, MAX_TERMS), text });
}
