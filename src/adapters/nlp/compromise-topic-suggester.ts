/**
 * @module Compromise topic suggester: proposes the people, places and organisations a story names. People
 * and most places come from the compromise NLP library; countries, capitals, agencies and institutions from
 * the gazetteer (gazetteer.ts); organisations and geographic names also by their shape (name-shapes.ts), kept whole.
 * Short forms, aliases and fragments fold into the full name; each topic gets a confidence.
 */
import nlp from 'compromise';
import type { TopicKind } from '../../core/articles/article.js';
import type { SuggestedTopic, TopicSuggester } from '../../core/topics/topic-suggester.js';
import { knownName } from './gazetteer.js';
import { isAcronymOf, shapedNamesIn, TITLES } from './name-shapes.js';

interface TermJson {
  text: string;
  pre: string;
  post: string;
  tags: string[];
}

interface Mention {
  name: string;
  kind: TopicKind;
  /** How the text spells it ("U.S." for United States, "CFTC" for the commission). */
  forms: string[];
  /** Known to the gazetteer or shaped like an organisation, rather than guessed by the tagger. */
  sure: boolean;
}

interface Part {
  text: string;
  weight: number;
}

interface Topic extends Mention {
  score: number;
  first: number;
}

/** A mention in the headline outweighs three in the body. */
const WEIGHT = { headline: 3, highlight: 2, body: 1 };
const MAX_WORDS = 8;
/** Words compromise keeps inside a match that are not part of a name: titles, dates, numbers. */
const NOT_NAME_TAGS = new Set(['Honorific', 'Date', 'Determiner', 'Pronoun', 'Value']);
const PART_STRIDE = 2 ** 32;
/** What continues a name after a word: more capitalised words, a lowercase particle between them ("Praia | da Luz"). */
const CONTINUATION = /^(?:[ \t]+(?:(?:al|bin|da|de|del|der|di|do|dos|du|el|la|le|van|von)[ \t]+)?\p{Lu}[\p{L}\p{M}-]*)+/u;
/** Lowercase words that belong inside a name: Mohammed bin Salman, Praia da Luz, Bank of England. */
const CONNECTORS = new Set(['al', 'bin', 'bint', 'da', 'de', 'del', 'der', 'di', 'dos', 'du', 'el', 'la', 'le', 'of', 'van', 'von']);
/** Words that are never a topic on their own, however the tagger reads them. */
const NEVER_ALONE = new Set([
  'January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December',
  'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday', 'MP', 'MPs', 'West', 'East', 'North', 'South',
  'Western', 'Eastern', 'Northern', 'Southern', 'God', 'Internet', 'Reuter', 'REUTER', 'Mr', 'Mrs', 'Ms', 'Dr', 'More',
]);
/** Confidence of a topic by its evidence (see READER_CONFIDENCE in core/topics/story-topics.ts for the line readers see). */
const CONFIDENCE = { sure: 0.9, fullName: 0.75, repeatedWord: 0.65, singleWord: 0.45 };
/** Arabic attaches "and", "by", "for", "to" to the word they precede: "وإيران" names Iran. */
const ARABIC_PREFIX = /^[وبلفك](?=\p{Script=Arabic}{3})/u;

/**
 * Suggests topics from the gazetteer, organisation shapes and what compromise tags as people, places and
 * organisations, cleaned into names, short forms folded into the full name the story uses, and ranked by
 * weighted mentions. Headlines in capitals or title case are counted but not read for names (every word
 * looks like one there).
 */
export function createCompromiseTopicSuggester(): TopicSuggester {
  return {
    suggest(text, limit) {
      if (limit <= 0) return [];
      const parts: Part[] = [
        { text: text.headline, weight: WEIGHT.headline },
        ...text.highlights.map((highlight) => ({ text: highlight, weight: WEIGHT.highlight })),
        { text: text.body, weight: WEIGHT.body },
      ];
      const mentions = parts.filter((part) => !isCapitalised(part.text)).flatMap((part) => mentionsIn(part.text));
      const topics = foldShortForms(merge(mentions), parts);
      countMentions(topics, parts);
      return topics
        .filter((topic) => topic.score > 0)
        .sort((a, b) => b.score - a.score || a.first - b.first || (a.name < b.name ? -1 : 1))
        .slice(0, limit)
        .map((topic): SuggestedTopic => ({ name: topic.name, kind: topic.kind, confidence: confidenceOf(topic) }));
    },
  };
}

function confidenceOf(topic: Topic): number {
  if (topic.sure) return CONFIDENCE.sure;
  if (words(topic.name).length > 1) return CONFIDENCE.fullName;
  return topic.score >= 2 ? CONFIDENCE.repeatedWord : CONFIDENCE.singleWord;
}

/** A headline written in capitals or with every word capitalised ("AMOCO REPORTS OIL FIND"). */
function isCapitalised(text: string): boolean {
  const letters = text.match(/\p{L}+/gu) ?? [];
  if (letters.length < 3) return false;
  return letters.filter((w) => /^\p{Lu}/u.test(w)).length / letters.length >= 0.7;
}

/** Every name one part gives: known names, organisations by shape, then the tagger's people, places and organisations. */
function mentionsIn(text: string): Mention[] {
  const known = knownNamesIn(text);
  const shaped = shapedNamesIn(text).map(({ name, kind, forms }): Mention => {
    const listed = knownName(name);
    return listed ? { name: listed.name, kind: listed.kind, forms: [name, ...forms], sure: true } : { name, kind, forms: [name, ...forms], sure: true };
  });
  const doc = nlp(text);
  const views: [TopicKind, { terms: TermJson[] }[]][] = [
    ['person', doc.people().growRight('@isTitleCase').json()],
    ['place', doc.places().json()],
    ['organisation', doc.organizations().json()],
  ];
  // Cities and regions in compromise's own lexicon ("Mumbai", "Jeddah") are known, not guessed.
  const lexiconPlaces = new Set(doc.match('#City').json().flatMap((match: { terms: TermJson[] }) => match.terms.map((term) => term.text)));
  const tagged = views.flatMap(([kind, matches]) => matches.flatMap((match) => namesInMatch(match.terms, kind)
    .flatMap((name) => whole({ name, kind, forms: [name], sure: false }, text))
    .map((mention): Mention => {
      const listed = knownName(mention.name);
      if (listed) return { name: listed.name, kind: listed.kind, forms: mention.forms, sure: true };
      return kind === 'place' && lexiconPlaces.has(mention.name) ? { ...mention, sure: true } : mention;
    })));
  return [...known, ...shaped, ...tagged];
}

/** Gazetteer names in a text: runs of up to four words looked up whole, longest first ("UN Security Council" before "UN"). */
function knownNamesIn(text: string): Mention[] {
  const tokens = [...text.matchAll(/[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}.’'&-]*/gu)].map((m) => ({ word: m[0], end: m.index + m[0].length, start: m.index }));
  const found: Mention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    // Every listed name begins with a capital or is Arabic: most words start none.
    if (!/^[\p{Lu}\p{Script=Arabic}]/u.test(tokens[i]!.word)) continue;
    for (let n = Math.min(4, tokens.length - i); n >= 1; n--) {
      const run = tokens.slice(i, i + n);
      // Words of one name stand apart by spaces only: "Moscow, Pyongyang" is two names.
      if (run.some((t, k) => k > 0 && !/^\s+$/.test(text.slice(run[k - 1]!.end, t.start)))) continue;
      const spelt = run.map((t) => t.word).join(' ');
      const match = spellingsOf(spelt).map((s) => [s, knownName(s)] as const).find(([, known]) => known);
      if (!match) continue;
      // "Praia" (a capital) in "Praia da Luz" is part of another name.
      if (CONTINUATION.test(text.slice(run.at(-1)!.end, run.at(-1)!.end + 60)) && !/[’']s$/u.test(spelt)) break;
      found.push({ name: match[1]!.name, kind: match[1]!.kind, forms: [match[0]], sure: true });
      i += n - 1;
      break;
    }
  }
  return found;
}

/** "Korea." at a sentence end, "Russia’s", "وإيران": the spellings a word may stand for, as written first. */
function spellingsOf(spelt: string): string[] {
  const bare = spelt.replace(/[’']s$/u, '').replace(/(?<!\b\p{Lu})\.$/u, '');
  return [...new Set([spelt, bare, bare.replace(ARABIC_PREFIX, '')])];
}

/**
 * Cuts one match into clean names: a name stops at punctuation, a possessive ("Jeju Air’s office"
 * gives "Jeju Air"), a lowercase word ("town of Praia" gives "Praia") or a title ("President").
 * An initial ("James M. Crosby") and a hyphenated name ("Lee Seung-yeol") stay inside the name.
 */
function namesInMatch(terms: TermJson[], kind: TopicKind): string[] {
  const names: string[] = [];
  let run: TermJson[] = [];
  const flush = () => {
    const name = nameOf(run, kind);
    if (name) names.push(name);
    run = [];
  };
  for (let i = 0; i < terms.length; i++) {
    let term = terms[i]!;
    let next = terms[i + 1];
    // "Seung-" + "yeol": one word the tokenizer split at its hyphen.
    if (term.post.trim() === '-' && next && /^\p{L}/u.test(next.text) && !/\s/.test(term.post)) {
      term = { ...next, text: `${term.text}-${next.text}`, pre: term.pre, tags: term.tags };
      i++;
      next = terms[i + 1];
    }
    if (/\S/.test(term.pre)) flush();
    const connector = run.length > 0 && CONNECTORS.has(term.text) && next !== undefined && isNameWord(next);
    if (!isNameWord(term) && !connector) {
      flush();
      continue;
    }
    run.push(term);
    const initial = /^\p{Lu}$/u.test(term.text) && term.post.trim() === '.';
    if ((/\S/.test(term.post) && !initial) || isPossessive(term)) flush();
  }
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
  const start = kind === 'person' ? run.findIndex((term) => term.tags.includes('Person') && !TITLES.has(term.text)) : run.findIndex((term) => !TITLES.has(term.text));
  const terms = start < 0 ? [] : run.slice(start);
  if (terms.length === 0 || CONNECTORS.has(terms.at(-1)?.text ?? '') || terms.length > MAX_WORDS) return null;
  const name = terms
    .map((term) => {
      const word = term.text.replace(/[’']s?$/u, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.]+$/gu, '');
      return /^\p{Lu}$/u.test(word) && term.post.trim() === '.' ? `${word}.` : word;
    })
    .filter((word) => word !== '')
    .join(' ');
  return name.length >= 2 ? name : null;
}

/**
 * A tagged name as a topic: itself when it is a name, the longer name it was cut from when the text
 * always continues it ("Praia" of "Praia da Luz", "Las" of "Las Vegas"), else nothing.
 */
function whole(tagged: Mention, text: string): Mention[] {
  // "Lee Seung" + "-yeol": the tagger's match stops at a hyphen inside the last word.
  const [first] = spansOf(tagged.name, text);
  const hyphenated = first ? /^-\p{L}+/u.exec(text.slice(first[1], first[1] + 30))?.[0] : undefined;
  const mention = hyphenated ? { ...tagged, name: tagged.name + hyphenated, forms: [tagged.name + hyphenated] } : tagged;
  // "Russia-Iran (agreement)": two names joined, not a third.
  if (mention.name.includes('-') && mention.name.split('-').every((part) => knownName(part) !== null)) return [];
  if (isName(mention, text)) return [mention];
  if (words(mention.name).length > 1 || NEVER_ALONE.has(mention.name) || isDescription(mention.name, mention.kind)) return [];
  const [span] = spansOf(mention.name, text);
  const rest = span ? CONTINUATION.exec(text.slice(span[1], span[1] + 60))?.[0] : undefined;
  if (!rest) return [];
  const continued = rest.trim().split(/\s+/);
  const titleAt = continued.findIndex((word) => TITLES.has(word));
  if (titleAt >= 0) return [];
  const name = [mention.name, ...continued].join(' ');
  return words(name).length <= MAX_WORDS ? [{ ...mention, name, forms: [name] }] : [];
}

/**
 * Whether a tagged name is one: not a bare common word, not a description ("North Korean (state media)"),
 * not a two-letter abbreviation nobody defined, and not a word cut out of a longer name ("Las" of "Las
 * Vegas", "Lee" of "Lee Seung-yeol"): a single word that never stands apart from its neighbours is a fragment.
 */
function isName({ name, kind }: Mention, text: string): boolean {
  const parts = words(name);
  if (parts.length === 1 && (NEVER_ALONE.has(name) || /^\p{Lu}{1,2}$/u.test(name))) return false;
  if (isDescription(name, kind)) return false;
  const followed = (end: number) => CONTINUATION.test(text.slice(end, end + 60));
  if (parts.length > 1) return spansOf(name, text).some(([, end]) => !followed(end));
  return spansOf(name, text).some(([start, end]) => {
    const before = /(\p{Lu}[\p{L}-]*)[ \t]+$/u.exec(text.slice(Math.max(0, start - 40), start))?.[1];
    const sentenceStart = before !== undefined && /(^|[.!?:;"“]\s+)$/u.test(text.slice(0, start - before.length).trimEnd() + ' ');
    const joinedBefore = before !== undefined && !sentenceStart && !TITLES.has(before);
    return !joinedBefore && !followed(end);
  });
}

/**
 * "North Korean (state media)", "Indian (television)", "Western (partners)": inside a phrase
 * compromise tags these as part of a place or organisation, so the last word is asked on its own.
 */
function isDescription(name: string, kind: TopicKind): boolean {
  const lastWord = nlp(words(name).at(-1) ?? '');
  if (lastWord.has('#Demonym')) return true;
  return kind !== 'person' && words(name).length === 1 && lastWord.has('#Adjective');
}

/**
 * One entry per name, with every spelling seen. Its kind: what the gazetteer or an organisation's shape
 * says, else the kind the tagger gave it most often (first seen on a tie).
 */
function merge(mentions: Mention[]): Mention[] {
  const byName = new Map<string, { forms: Set<string>; sure: TopicKind | null; votes: Map<TopicKind, number> }>();
  for (const { name, kind, forms, sure } of mentions) {
    const entry = byName.get(name) ?? { forms: new Set<string>(), sure: null, votes: new Map<TopicKind, number>() };
    for (const form of forms) entry.forms.add(form);
    if (sure) entry.sure ??= kind;
    entry.votes.set(kind, (entry.votes.get(kind) ?? 0) + 1);
    byName.set(name, entry);
  }
  return [...byName].map(([name, { forms, sure, votes }]) => {
    const [voted] = [...votes].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
    return { name, kind: sure ?? voted, forms: [...forms], sure: sure !== null };
  });
}

/**
 * "Putin" folds into "Vladimir Putin", "Kim" into "Kim Jong Un", "National Institute" into "National
 * Institute of Biological Resources": a name whose words begin or end a longer name is that name's short
 * form, of the same kind, or of any kind when only the tagger proposed it. When several fit ("Kim Jong Un",
 * "Kim Yo Jong"), the one the story names first wins, as second references follow the first. Full names
 * never fold into each other, so Kim Yo Jong stays herself.
 */
function foldShortForms(mentions: Mention[], parts: Part[]): Topic[] {
  const longestFirst = [...mentions].sort((a, b) => words(b.name).length - words(a.name).length || Number(b.sure) - Number(a.sure));
  const topics: Topic[] = [];
  for (const mention of longestFirst) {
    const first = firstPosition(mention.forms, parts);
    const fits = topics.filter((topic) => (topic.kind === mention.kind || !mention.sure) && (topic.forms.includes(mention.name) || isShortFormOf(mention.name, topic.name) || isAcronymFor(mention, topic) || isFamiliarName(mention, topic)));
    const full = fits.sort((a, b) => a.first - b.first)[0];
    if (full) full.forms.push(...mention.forms.filter((form) => !full.forms.includes(form)));
    else topics.push({ ...mention, forms: [...mention.forms], score: 0, first });
  }
  addSurnames(topics);
  return topics;
}

/** "GUS" for "Great Universal Stores Plc", "CFTC" for the commission the story named in full. */
function isAcronymFor(mention: Mention, topic: Topic): boolean {
  return !mention.sure && /^\p{Lu}{2,6}$/u.test(mention.name) && words(topic.name).length >= 2 && isAcronymOf(mention.name, topic.name);
}

/** "Maddie" for "Madeleine McCann": a person's familiar name shares the first name's opening. */
function isFamiliarName(mention: Mention, topic: Topic): boolean {
  const first = words(topic.name)[0] ?? '';
  const name = mention.name;
  return mention.kind === 'person' && topic.kind === 'person' && words(name).length === 1 && words(topic.name).length >= 2 && name !== first && name.length >= 4 && name.slice(0, 3) === first.slice(0, 3);
}

function isShortFormOf(short: string, full: string): boolean {
  const a = words(short);
  const b = words(full);
  if (a.length >= b.length) return false;
  const matchesAt = (offset: number) => a.every((word, i) => word === b[offset + i]);
  return matchesAt(0) || matchesAt(b.length - a.length);
}

/**
 * Newswriting names a person in full once, then by surname ("Pezeshkian") or, for a child, first name;
 * compromise does not always tag these. Count the surname too when no other topic uses that word.
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
 * first, so "Kim" inside "Kim Yo Jong" is not a mention of Kim Jong Un, nor "Hong Kong" inside
 * "Hong Kong International Terminals" a mention of the city.
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

function firstPosition(forms: string[], parts: Part[]): number {
  const found = parts.flatMap((part, index) => forms.map((form) => {
    const [span] = spansOf(form, part.text);
    return span ? index * PART_STRIDE + span[0] : Infinity;
  }));
  return Math.min(Infinity, ...found);
}

/** Where a name occurs as whole words (any whitespace between its words, an Arabic prefix before it), as [start, end). */
function spansOf(name: string, text: string): [number, number][] {
  const pattern = words(name)
    .map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('\\s+');
  const prefix = /^\p{Script=Arabic}/u.test(name) ? '[وبلفك]?' : '';
  const regex = new RegExp(`(?<![\\p{L}\\p{N}])${prefix}${pattern}(?![\\p{L}\\p{N}])`, 'gu');
  return [...text.matchAll(regex)].map((match): [number, number] => [match.index, match.index + match[0].length]);
}

function words(name: string): string[] {
  return name.split(' ');
}
