/** @module Compromise topic suggester: proposes the people, places and organisations a story names, found by the compromise NLP library. */
import nlp from 'compromise';
import type { TopicKind } from '../../core/articles/article.js';
import type { SuggestedTopic, TopicSuggester } from '../../core/topics/topic-suggester.js';

interface TermJson {
  text: string;
  pre: string;
  post: string;
  tags: string[];
}

interface Mention {
  name: string;
  kind: TopicKind;
}

interface Part {
  text: string;
  weight: number;
}

interface Topic extends Mention {
  /** Every spelling that counts as a mention: the full name and the short forms folded into it. */
  forms: string[];
  score: number;
  first: number;
}

/** A mention in the headline outweighs three in the body. */
const WEIGHT = { headline: 3, highlight: 2, body: 1 };
const MAX_WORDS = 5;
/** Words compromise keeps inside a match that are not part of a name: titles, dates, numbers. */
const NOT_NAME_TAGS = new Set(['Honorific', 'Date', 'Determiner', 'Pronoun', 'Value']);
const PART_STRIDE = 2 ** 32;
/** Lowercase words that belong inside a name: Mohammed bin Salman, Praia da Luz, Bank of England. */
const CONNECTORS = new Set(['al', 'bin', 'bint', 'da', 'de', 'del', 'der', 'di', 'dos', 'du', 'el', 'la', 'le', 'of', 'van', 'von']);

/**
 * Suggests topics from what compromise tags as people, places and organisations, cleaned into
 * names, short forms folded into the full name the story uses, and ranked by weighted mentions.
 */
export function createCompromiseTopicSuggester(): TopicSuggester {
  return {
    suggest(text, limit) {
      const parts: Part[] = [
        { text: text.headline, weight: WEIGHT.headline },
        ...text.highlights.map((highlight) => ({ text: highlight, weight: WEIGHT.highlight })),
        { text: text.body, weight: WEIGHT.body },
      ];
      const names = kindByName(parts.flatMap((part) => mentionsIn(part.text)));
      const topics = foldShortForms(names.filter((mention) => !isDescription(mention)), parts);
      countMentions(topics, parts);
      return topics
        .filter((topic) => topic.score > 0)
        .sort((a, b) => b.score - a.score || a.first - b.first || (a.name < b.name ? -1 : 1))
        .slice(0, Math.max(0, limit))
        .map(({ name, kind }): SuggestedTopic => ({ name, kind }));
    },
  };
}

/** The library's findings in one part. People grow over capitalised words it left out ("Kim Jong" + "Un"). */
function mentionsIn(text: string): Mention[] {
  const doc = nlp(text);
  const views: [TopicKind, { terms: TermJson[] }[]][] = [
    ['person', doc.people().growRight('@isTitleCase').json()],
    ['place', doc.places().json()],
    ['organisation', doc.organizations().json()],
  ];
  return views.flatMap(([kind, matches]) =>
    matches.flatMap((match) => namesInMatch(match.terms, kind).map((name) => ({ name, kind }))),
  );
}

/**
 * Cuts one match into clean names: a name stops at punctuation, a possessive ("Jeju Air’s office"
 * gives "Jeju Air"), a lowercase word ("town of Praia" gives "Praia") or a title ("President").
 */
function namesInMatch(terms: TermJson[], kind: TopicKind): string[] {
  const names: string[] = [];
  let run: TermJson[] = [];
  const flush = () => {
    const name = nameOf(run, kind);
    if (name) names.push(name);
    run = [];
  };
  terms.forEach((term, i) => {
    const next = terms[i + 1];
    if (/\S/.test(term.pre)) flush();
    // "Seung-" whose lowercase rest fell outside the match is a fragment, not a name word.
    const fragment = term.post.trim() === '-' && !(next && isNameWord(next));
    const connector = run.length > 0 && CONNECTORS.has(term.text) && next !== undefined && isNameWord(next);
    if ((!isNameWord(term) && !connector) || fragment) {
      flush();
      return;
    }
    run.push(term);
    if (/\S/.test(term.post) || isPossessive(term)) flush();
  });
  flush();
  return names;
}

function isNameWord(term: TermJson): boolean {
  return /^\p{Lu}/u.test(term.text) && !term.tags.some((tag) => NOT_NAME_TAGS.has(tag));
}

/** By the text alone: compromise tags every word of "Jeju Air’s office" as possessive. */
function isPossessive(term: TermJson): boolean {
  return /[’']s?$/u.test(term.text);
}

/** A run of name words as a name, or null for descriptions, people without a person word, overlong spans. */
function nameOf(run: TermJson[], kind: TopicKind): string | null {
  const start = kind === 'person' ? run.findIndex((term) => term.tags.includes('Person')) : 0;
  const terms = start < 0 ? [] : run.slice(start);
  if (terms.length === 0 || CONNECTORS.has(terms.at(-1)?.text ?? '') || terms.length > MAX_WORDS) return null;
  const name = terms
    .map((term) => term.text.replace(/[’']s?$/u, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, ''))
    .filter((word) => word !== '')
    .join(' ');
  return name.length >= 2 ? name : null;
}

/**
 * "North Korean (state media)", "Indian (television)", "Western (partners)": inside a phrase
 * compromise tags these as part of a place or organisation, so the last word is asked on its own.
 */
function isDescription({ name, kind }: Mention): boolean {
  const lastWord = nlp(words(name).at(-1) ?? '');
  if (lastWord.has('#Demonym')) return true;
  return kind !== 'person' && words(name).length === 1 && lastWord.has('#Adjective');
}

/** One entry per name, of the kind compromise gave it most often (first seen on a tie). */
function kindByName(mentions: Mention[]): Mention[] {
  const votes = new Map<string, Map<TopicKind, number>>();
  for (const { name, kind } of mentions) {
    const byKind = votes.get(name) ?? new Map<TopicKind, number>();
    byKind.set(kind, (byKind.get(kind) ?? 0) + 1);
    votes.set(name, byKind);
  }
  return [...votes].map(([name, byKind]) => {
    const [kind] = [...byKind].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    return { name, kind };
  });
}

/**
 * "Putin" folds into "Vladimir Putin" and "Kim" into "Kim Jong Un": a name whose words begin or
 * end a longer name of the same kind is that name's short form. When several fit ("Kim Jong Un",
 * "Kim Yo Jong"), the one the story names first wins, as second references follow the first.
 * Full names never fold into each other, so Kim Yo Jong stays herself.
 */
function foldShortForms(mentions: Mention[], parts: Part[]): Topic[] {
  const longestFirst = [...mentions].sort((a, b) => words(b.name).length - words(a.name).length);
  const topics: Topic[] = [];
  for (const mention of longestFirst) {
    const first = firstPosition(mention.name, parts);
    const fullNames = topics.filter((topic) => topic.kind === mention.kind && isShortFormOf(mention.name, topic.name));
    const full = fullNames.sort((a, b) => a.first - b.first)[0];
    if (full) full.forms.push(mention.name);
    else topics.push({ ...mention, forms: [mention.name], score: 0, first });
  }
  addSurnames(topics);
  return topics;
}

function isShortFormOf(short: string, full: string): boolean {
  const a = words(short);
  const b = words(full);
  if (a.length >= b.length) return false;
  const matchesAt = (offset: number) => a.every((word, i) => word === b[offset + i]);
  return matchesAt(0) || matchesAt(b.length - a.length);
}

/**
 * Newswriting names a person in full once, then by surname ("Pezeshkian"), which compromise does
 * not always tag; count the surname too when no other topic uses that word.
 */
function addSurnames(topics: Topic[]): void {
  for (const topic of topics) {
    const surname = words(topic.name).at(-1);
    if (topic.kind !== 'person' || words(topic.name).length < 2 || !surname || surname.length < 3) continue;
    const elsewhere = topics.some((other) => other !== topic && other.forms.some((form) => words(form).includes(surname)));
    if (!elsewhere && !topic.forms.includes(surname)) topic.forms.push(surname);
  }
}

/**
 * Weighted count of each topic's forms in every part. Longer forms of any topic claim their text
 * first, so "Kim" inside "Kim Yo Jong" is not a mention of Kim Jong Un.
 */
function countMentions(topics: Topic[], parts: Part[]): void {
  const allForms = topics.flatMap((owner) => owner.forms.map((form) => ({ form, owner })));
  allForms.sort((a, b) => b.form.length - a.form.length || (a.form < b.form ? -1 : 1));
  parts.forEach((part, index) => {
    const claimed: [number, number][] = [];
    for (const { form, owner } of allForms) {
      for (const [start, end] of spansOf(form, part.text)) {
        if (claimed.some(([from, to]) => start < to && end > from)) continue;
        claimed.push([start, end]);
        owner.score += part.weight;
        owner.first = Math.min(owner.first, index * PART_STRIDE + start);
      }
    }
  });
}

function firstPosition(name: string, parts: Part[]): number {
  const found = parts.map((part, index) => {
    const [span] = spansOf(name, part.text);
    return span ? index * PART_STRIDE + span[0] : Infinity;
  });
  return Math.min(Infinity, ...found);
}

/** Where a name occurs as whole words (any whitespace between its words), as [start, end). */
function spansOf(name: string, text: string): [number, number][] {
  const pattern = words(name)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])${pattern}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(regex)].map((match): [number, number] => [match.index, match.index + match[0].length]);
}

function words(name: string): string[] {
  return name.split(' ');
}
