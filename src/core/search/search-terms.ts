/** @module The terms a search index stores per language: Arabic is folded and stemmed here, before the engine sees it; English is left to the engine's Porter stemmer. */
import { stemArabic } from './arabic-stemmer.js';
import { foldArabic, isArabicWord, mayFoldToContain } from './arabic-text.js';
import type { SearchQuery } from './search-query.js';

/** How the index turns words of one language into terms, and how marking finds them again. */
export interface SearchTerms {
  /** The terms of one word as written: usually one, none for a word of vowel marks only, several for a ligature such as ﷺ. */
  of(word: string): string[];
  /** A quick test passed by every word having one of `terms` (and by some others): marking looks no closer at the rest. */
  candidates(terms: readonly string[]): (word: string) => boolean;
}

/** A word is a run of letters, combining marks (Arabic tashkeel) and digits: the same split as parseSearchQuery's. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const NOT_WORD = /[^\p{L}\p{M}\p{N}]+/u;

export interface WordSpan {
  /** Offsets of the word in the text, end exclusive. */
  start: number;
  end: number;
}

export function wordSpans(text: string): WordSpan[] {
  return [...text.matchAll(WORD)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

/** Folded words; those in Arabic letters stemmed. Latin names in an Arabic story stay whole (lower-cased) for the engine's own stemmer. */
function arabicTermsOf(word: string): string[] {
  const folded = foldArabic(word);
  const words = NOT_WORD.test(folded) ? folded.split(NOT_WORD).filter((w) => w.length > 0) : folded ? [folded] : [];
  return words.map((w) => (isArabicWord(w) ? stemArabic(w) : w));
}

const ARABIC: SearchTerms = { of: arabicTermsOf, candidates: mayFoldToContain };

/** Languages (primary subtags) whose terms are made here; every other language is left to the engine. */
const TERMS_BY_LANGUAGE: Readonly<Record<string, SearchTerms>> = { ar: ARABIC };
export const TERMED_LANGUAGES: readonly string[] = Object.keys(TERMS_BY_LANGUAGE);

/**
 * How the index turns a language's words into terms itself, or null where the engine's stemmer is
 * used as it is (English and every language without its own rules here, as before editions).
 */
export function searchTermsFor(language: string): SearchTerms | null {
  const primary = language.toLowerCase().split('-')[0] ?? '';
  return TERMS_BY_LANGUAGE[primary] ?? null;
}

/** The text as the engine indexes it: the terms of each word, in order, separated by spaces (so phrases still match). */
export function indexedText(text: string, terms: SearchTerms): string {
  return wordSpans(text).flatMap(({ start, end }) => terms.of(text.slice(start, end))).join(' ');
}

/** The query in index terms, each word or phrase as a phrase of terms; null when no term is left (a query of marks only). */
export function queryInTerms(query: SearchQuery, rules: SearchTerms): SearchQuery | null {
  const terms = query.terms.map((words) => words.flatMap((word) => rules.of(word))).filter((words) => words.length > 0);
  return terms.length > 0 ? { terms, text: query.text } : null;
}
