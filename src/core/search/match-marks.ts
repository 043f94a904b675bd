/**
 * @module Marks the words of a story's own text whose terms a query matched, and cuts a passage around them:
 * for languages whose terms the index makes itself (search-terms.ts), where the engine has only seen stems.
 */
import { MATCH_END, MATCH_START } from './search-index.js';
import { wordSpans, type SearchTerms, type WordSpan } from './search-terms.js';

/** As FTS5's snippet(): a passage of at most 32 words; a shorter text is shown whole. */
const SNIPPET_WORDS = 32;
/** Words shown before the first match when a passage is cut from a longer text. */
const LEAD_WORDS = 6;

interface Word extends WordSpan {
  terms: string[];
}

/** A run of words (first and last index) matching one term or phrase of the query. */
interface Match {
  from: number;
  to: number;
  term: number;
}

/** Stands for the terms of a word that cannot match: it keeps phrases from matching across it. */
const NO_MATCH = [''];

/** The words of a text with their terms; only words that may match are folded and stemmed (most of a long story is not). */
function wordsOf(text: string, rules: SearchTerms, mayMatch: (word: string) => boolean): Word[] {
  const words = wordSpans(text) as Word[];
  for (const span of words) {
    const word = text.slice(span.start, span.end);
    span.terms = mayMatch(word) ? rules.of(word) : NO_MATCH;
  }
  return words;
}

function matchesOf(words: Word[], query: string[][]): Match[] {
  // The terms of all words in a row, and the word each came from.
  const terms: string[] = [];
  const wordOf: number[] = [];
  words.forEach((word, index) => {
    for (const term of word.terms) {
      terms.push(term);
      wordOf.push(index);
    }
  });
  const matches: Match[] = [];
  query.forEach((phrase, term) => {
    const [first = '', ...rest] = phrase;
    for (let i = terms.indexOf(first); i >= 0 && i + rest.length < terms.length; i = terms.indexOf(first, i + 1)) {
      if (rest.every((t, k) => terms[i + 1 + k] === t)) matches.push({ from: wordOf[i] ?? 0, to: wordOf[i + rest.length] ?? 0, term });
    }
  });
  return matches.sort((a, b) => a.from - b.from || b.to - a.to);
}

/** Matches that share a word become one run, so a word is never marked twice. */
function merged(matches: Match[]): Match[] {
  const runs: Match[] = [];
  for (const match of matches) {
    const last = runs.at(-1);
    if (last && match.from <= last.to) last.to = Math.max(last.to, match.to);
    else runs.push({ ...match });
  }
  return runs;
}

/** text[start, end) with each match inside it wrapped in MATCH_START/MATCH_END. */
function withMarks(text: string, words: Word[], matches: Match[], start: number, end: number): string {
  let out = '';
  let at = start;
  for (const run of merged(matches)) {
    const from = words[run.from]?.start ?? 0;
    const to = words[run.to]?.end ?? 0;
    if (from < start || to > end) continue;
    out += `${text.slice(at, from)}${MATCH_START}${text.slice(from, to)}${MATCH_END}`;
    at = to;
  }
  return out + text.slice(at, end);
}

/** The first word of the passage holding the most different query terms (earliest of equals), a few words before its first match. */
function passageStart(wordCount: number, matches: Match[]): number {
  let best = 0;
  let bestScore = -1;
  for (const match of matches) {
    const start = Math.max(0, Math.min(match.from - LEAD_WORDS, wordCount - SNIPPET_WORDS));
    const inside = matches.filter((m) => m.from >= start && m.to < start + SNIPPET_WORDS);
    const score = new Set(inside.map((m) => m.term)).size * 10_000 + inside.length;
    if (score > bestScore) [best, bestScore] = [start, score];
  }
  return best;
}

interface Source {
  text: string;
  words: Word[];
  matches: Match[];
  terms: number;
}

function passage({ text, words, matches }: Source): string {
  if (words.length <= SNIPPET_WORDS) return withMarks(text, words, matches, 0, text.length).trim();
  const first = passageStart(words.length, matches);
  const last = Math.min(words.length, first + SNIPPET_WORDS) - 1;
  const start = first === 0 ? 0 : (words[first]?.start ?? 0);
  const end = last === words.length - 1 ? text.length : (words[last]?.end ?? text.length);
  const marked = withMarks(text, words, matches.filter((m) => m.from >= first && m.to <= last), start, end).trim();
  return `${first > 0 ? '…' : ''}${marked}${last < words.length - 1 ? '…' : ''}`;
}

/**
 * A story's headline with its matches marked, and a passage from the first of body, highlights and
 * headline that matches the whole query (else the one matching most of it), as the engines choose.
 * `query` is in index terms (queryInTerms); `rules` are those the story was indexed with.
 */
export function markMatches(
  story: { headline: string; highlights: string; body: string }, query: string[][], rules: SearchTerms,
): { headline: string; snippet: string } {
  const mayMatch = rules.candidates(query.flat());
  const sourceOf = (text: string): Source => {
    const words = wordsOf(text, rules, mayMatch);
    const matches = matchesOf(words, query);
    return { text, words, matches, terms: new Set(matches.map((m) => m.term)).size };
  };
  const headline = sourceOf(story.headline);
  const sources = [sourceOf(story.body), sourceOf(story.highlights), headline];
  const best = sources.find((s) => s.terms === query.length) ?? sources.reduce((a, b) => (b.terms > a.terms ? b : a));
  return { headline: withMarks(headline.text, headline.words, headline.matches, 0, headline.text.length), snippet: passage(best) };
}
