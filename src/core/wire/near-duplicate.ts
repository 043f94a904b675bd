/**
 * @module Near-duplicate wire items: the one clusterer. An item's signature holds MinHash minima over its word
 * 3-grams (the LSH bands that find candidates, and the overlap of the whole copy), a bottom-128 sketch of its
 * content words (robust to rewording; the window's word bands are MinHash minima over it), its length and the exact
 * content words of its lead and headline; `sameStory` decides (docs/decisions/0002-near-duplicate-threshold.md).
 */
import { bodyText } from '../articles/article.js';
import type { WireItem } from './wire-item.js';
import { createWordHashes, fnv1a, hashWordsOf, wordsOf } from './near-duplicate-words.js';

export { fnv1a, wordsOf };

/** MinHash minima over 3-grams: 128 give a Jaccard estimate within about ±0.09 (two standard errors at J = 0.5). */
export const MINHASH_LENGTH = 128;
/**
 * Content words kept: the 128 smallest distinct hashes (a bottom-k sketch). Exact for a text of up to 128 distinct
 * content words, a consistent sample with MinHash's error above that; one Set and one sort instead of 128 passes.
 */
export const WORD_SLOTS = 128;
/** Content words of the lead kept exactly (the smallest hashes when there are more). */
export const LEAD_SLOTS = 48;
/** The lead: the headline and this many words of the text that follows it. */
export const LEAD_WORDS = 40;
/** Content words of the headline kept exactly. */
export const HEADLINE_SLOTS = 16;
/**
 * Layout: [0,128) 3-gram minima · [128,256) content words · [256] 3-gram count · [257,305) lead words ·
 * [305,321) headline words; word hashes sorted ascending, 0 for none.
 */
const WORDS_AT = MINHASH_LENGTH;
const COUNT_AT = WORDS_AT + WORD_SLOTS;
const LEAD_AT = COUNT_AT + 1;
const HEADLINE_AT = LEAD_AT + LEAD_SLOTS;
export const SIGNATURE_LENGTH = HEADLINE_AT + HEADLINE_SLOTS;
/** Signatures stored before issue 12: 3-gram minima only. They stay readable, but are no candidates (see sameStory). */
export const LEGACY_SIGNATURE_LENGTH = MINHASH_LENGTH;
/** Word 3-grams: long enough that two different stories on one topic share few, short enough to survive small edits. */
export const SHINGLE_WORDS = 3;

/** Multiply-add permutations of 32-bit integers, a multiple of 8 of them. */
interface Permutations {
  multipliers: Int32Array;
  addends: Int32Array;
}

function permutationsFrom(seed: number, count: number): Permutations {
  return { multipliers: Int32Array.from(seedsFrom(seed, count), (s) => s | 1), addends: Int32Array.from(seedsFrom(seed ^ 0x7f4a7c15, count)) };
}

const PERMUTATIONS = permutationsFrom(0x9e3779b9, MINHASH_LENGTH);
/** Content words are hashed apart from 3-grams (a one-word text is also a one-word 3-gram). */
const WORD_SALT = 0x5bd1e995;

/** murmur3's finaliser: spreads a seeded shingle hash so each of the 128 functions behaves independently. */
function mix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

function seedsFrom(seed: number, count: number): Uint32Array {
  const seeds = new Uint32Array(count);
  let state = seed >>> 0;
  for (let i = 0; i < count; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    seeds[i] = mix(state);
  }
  return seeds;
}

/** The hash of the 3-gram starting at word `i`, from its words' FNV-1a hashes (each word is read once, not three times). */
function shingleHash(wordHashes: Int32Array, i: number): number {
  return (Math.imul((Math.imul(wordHashes[i]!, 0x2c1b3c6d) + wordHashes[i + 1]!) | 0, 0x297a2d39) + wordHashes[i + 2]!) >>> 0;
}

/**
 * Minima of multiply-add permutations (`MULTIPLIERS`/`ADDENDS` by default: the 128 of the 3-gram minima) over `count`
 * mixed hashes, written at `offset`.
 */
function minhashInto(mixed: Int32Array, count: number, out: Uint32Array, offset: number, permutations = PERMUTATIONS): void {
  const { multipliers: MULTIPLIERS, addends: ADDENDS } = permutations;
  // Eight functions at a time over every hash, in plain locals: the running minima stay in registers (measured ~20% faster than four).
  for (let k = 0; k < MULTIPLIERS.length; k += 8) {
    const a0 = MULTIPLIERS[k]!, a1 = MULTIPLIERS[k + 1]!, a2 = MULTIPLIERS[k + 2]!, a3 = MULTIPLIERS[k + 3]!;
    const a4 = MULTIPLIERS[k + 4]!, a5 = MULTIPLIERS[k + 5]!, a6 = MULTIPLIERS[k + 6]!, a7 = MULTIPLIERS[k + 7]!;
    const b0 = ADDENDS[k]!, b1 = ADDENDS[k + 1]!, b2 = ADDENDS[k + 2]!, b3 = ADDENDS[k + 3]!;
    const b4 = ADDENDS[k + 4]!, b5 = ADDENDS[k + 5]!, b6 = ADDENDS[k + 6]!, b7 = ADDENDS[k + 7]!;
    let m0 = 0x7fffffff, m1 = m0, m2 = m0, m3 = m0, m4 = m0, m5 = m0, m6 = m0, m7 = m0;
    for (let i = 0; i < count; i++) {
      const x = mixed[i]!;
      const h0 = (Math.imul(a0, x) + b0) | 0, h1 = (Math.imul(a1, x) + b1) | 0, h2 = (Math.imul(a2, x) + b2) | 0, h3 = (Math.imul(a3, x) + b3) | 0;
      const h4 = (Math.imul(a4, x) + b4) | 0, h5 = (Math.imul(a5, x) + b5) | 0, h6 = (Math.imul(a6, x) + b6) | 0, h7 = (Math.imul(a7, x) + b7) | 0;
      if (h0 < m0) m0 = h0;
      if (h1 < m1) m1 = h1;
      if (h2 < m2) m2 = h2;
      if (h3 < m3) m3 = h3;
      if (h4 < m4) m4 = h4;
      if (h5 < m5) m5 = h5;
      if (h6 < m6) m6 = h6;
      if (h7 < m7) m7 = h7;
    }
    // Written one by one: an array of the eight per pass was 16 allocations per signature.
    const at = offset + k;
    out[at] = m0 ^ 0x80000000; out[at + 1] = m1 ^ 0x80000000; out[at + 2] = m2 ^ 0x80000000; out[at + 3] = m3 ^ 0x80000000;
    out[at + 4] = m4 ^ 0x80000000; out[at + 5] = m5 ^ 0x80000000; out[at + 6] = m6 ^ 0x80000000; out[at + 7] = m7 ^ 0x80000000;
  }
}

/**
 * Words that say nothing about which story a text is: left out of the content-word minima and the lead, so two
 * stories do not look alike for their grammar, nor a reworded copy unlike for its.
 */
const STOP_WORDS = ('a an the and or but nor of to in on at by for with from as into onto over under about after before '
  + 'than then that this these those which who whom whose what when where while it its it\'s he she they them their his her '
  + 'we our you your i me my is are was were be been being has have had do does did will would shall should can could may '
  + 'might must not no so if also more most said says say told s t mr mrs ms per cent pct percent').split(' ');

/** The stop words by FNV-1a hash: the word's hash is computed anyway, and a number is a cheaper key than a new string. */
const STOP_HASHES = new Set(STOP_WORDS.map((word) => fnv1a(word) | 0));

/** A content word: longer than one letter and not a stop word (by hash: a content word sharing a stop word's hash is one in ~40 million). */
function isContentWord(length: number, fnv: number): boolean {
  return length > 1 && !STOP_HASHES.has(fnv);
}

/** The mixed hash of a content word from its FNV-1a hash: salted apart from 3-grams, then the finaliser (unsigned). */
function wordHash(fnv: number): number {
  return mix((fnv ^ WORD_SALT) >>> 0);
}

/** The text a signature is computed over, in reading order: headline, summary, body. */
export type SignedCopy = Pick<WireItem, 'headline' | 'summary' | 'body'>;

/**
 * An item's near-duplicate signature (layout above). 3-grams: their words' FNV-1a hashes combined (a text
 * shorter than one shingle is one shingle), each mixed once; the 128 hash functions are multiply-add
 * permutations of 32-bit integers (odd multipliers, so each is a bijection), computed in signed arithmetic
 * and flipped to unsigned order at the end (a repeated shingle cannot change a minimum, so none is dropped
 * first). Content words: each word's FNV-1a hash salted and mixed. The lead is the headline's content words and
 * those of the first 40 words after it.
 */
export function nearDuplicateSignature(copy: SignedCopy): Uint32Array {
  const words = createWordHashes();
  hashWordsOf(copy.headline, words);
  const headlineWords = words.count;
  hashWordsOf([copy.summary ?? '', bodyText(copy.body)].join('\n'), words);
  const { hashes: wordHashes, lengths, count: wordCount } = words;
  const signature = new Uint32Array(SIGNATURE_LENGTH);
  const shingles = Math.max(wordCount - SHINGLE_WORDS + 1, 1);
  const mixed = new Int32Array(shingles);
  if (wordCount < SHINGLE_WORDS) mixed[0] = mix(fnv1a(wordsOf(copy.headline).concat(wordsOf([copy.summary ?? '', bodyText(copy.body)].join('\n'))).join(' ')));
  else for (let i = 0; i < shingles; i++) mixed[i] = mix(shingleHash(wordHashes, i));
  minhashInto(mixed, shingles, signature, 0);
  signature[COUNT_AT] = shingles;

  // Content-word hashes in reading order: the lead's are a prefix of them, the headline's a prefix of those.
  const content = new Uint32Array(wordCount);
  let count = 0;
  let leadCount = 0;
  let headlineCount = 0;
  const leadEnd = headlineWords + LEAD_WORDS;
  for (let i = 0; i < wordCount; i++) {
    if (!isContentWord(lengths[i]!, wordHashes[i]!)) continue;
    const hash = wordHash(wordHashes[i]!);
    // 0 marks an empty slot, so a word hashing to 0 stays out (one word in 2^32).
    if (hash === 0) continue;
    content[count++] = hash;
    if (i < leadEnd) leadCount = count;
    if (i < headlineWords) headlineCount = count;
  }
  signature.set(smallestDistinct(content.slice(0, headlineCount), HEADLINE_SLOTS), HEADLINE_AT);
  signature.set(smallestDistinct(content.slice(0, leadCount), LEAD_SLOTS), LEAD_AT);
  signature.set(smallestDistinct(content.subarray(0, count), WORD_SLOTS), WORDS_AT);
  return signature;
}

/** The content-word minima the window's word bands are made of (near-duplicate-window.ts): 24 bands of 3. */
export const WORD_MINIMA = 72;
const WORD_PERMUTATIONS = permutationsFrom(0x2545f491, WORD_MINIMA);

/**
 * The 72 MinHash minima over the content words a signature keeps (its bottom-128 sketch: the whole set for most wire
 * stories), for the window's word bands: a reworded copy under a new headline can share few 3-grams with the story
 * yet most of its content words. Null for a signature without content words (or one stored before issue 12).
 */
export function contentWordMinima(signature: Uint32Array): Uint32Array | null {
  if (signature.length !== SIGNATURE_LENGTH || signature[WORDS_AT] === 0) return null;
  let words = 0;
  while (words < WORD_SLOTS && signature[WORDS_AT + words] !== 0) words++;
  const minima = new Uint32Array(WORD_MINIMA);
  // The same bits read as signed: a view, not a copy.
  minhashInto(new Int32Array(signature.buffer, signature.byteOffset + WORDS_AT * 4, words), words, minima, 0, WORD_PERMUTATIONS);
  return minima;
}

/** The share of the 128 3-gram minima where two signatures agree: an unbiased estimate of the Jaccard similarity of their 3-grams. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length < MINHASH_LENGTH || b.length < MINHASH_LENGTH) throw new RangeError('signatures of different lengths cannot be compared');
  let same = 0;
  for (let i = 0; i < MINHASH_LENGTH; i++) if (a[i] === b[i]) same++;
  return same / MINHASH_LENGTH;
}

/** The `count` smallest distinct hashes, ascending (sorts `hashes` in place): the whole set while it fits, else a consistent sample of it. */
function smallestDistinct(hashes: Uint32Array, count: number): Uint32Array {
  hashes.sort();
  let kept = 0;
  for (let i = 0; i < hashes.length && kept < count; i++) if (kept === 0 || hashes[i] !== hashes[kept - 1]) hashes[kept++] = hashes[i]!;
  return hashes.subarray(0, kept);
}

/**
 * Jaccard similarity from two bottom-k sketches (sorted, 0-padded hashes at `at`): the share of the k smallest
 * hashes of the union found in both. Exact while both sets fit in their slots.
 */
function sketchJaccard(a: Uint32Array, b: Uint32Array, at: number, slots: number): number {
  const end = at + slots;
  let i = at;
  let j = at;
  let taken = 0;
  let shared = 0;
  while (taken < slots) {
    const x = i < end ? a[i]! : 0;
    const y = j < end ? b[j]! : 0;
    if (x === 0 && y === 0) break;
    if (y === 0 || (x !== 0 && x < y)) i++;
    else if (x === 0 || y < x) j++;
    else { shared++; i++; j++; }
    taken++;
  }
  return taken === 0 ? 0 : shared / taken;
}

/** Jaccard similarity of two sets of sorted, 0-padded word hashes at `at`: exact while neither set overflows its slots. */
function setJaccard(a: Uint32Array, b: Uint32Array, at: number, slots: number): number {
  let i = at;
  let j = at;
  let shared = 0;
  let union = 0;
  const end = at + slots;
  while (i < end && j < end && a[i] !== 0 && b[j] !== 0) {
    union++;
    if (a[i] === b[j]) { shared++; i++; j++; } else if (a[i]! < b[j]!) i++; else j++;
  }
  while (i < end && a[i] !== 0) { union++; i++; }
  while (j < end && b[j] !== 0) { union++; j++; }
  return union === 0 ? 0 : shared / union;
}

/** How alike two signatures are, part by part. */
export interface Likeness {
  /** Estimated Jaccard of the word 3-grams: the copy itself. */
  shingles: number;
  /** Estimated share of the shorter text's 3-grams found in the longer one (trimmed copies, added boilerplate). */
  containment: number;
  /** Jaccard of the content words (exact up to 128 distinct, then estimated): survives rewording. */
  words: number;
  /** Jaccard of the leads' content words: what the story is about, where background paragraphs do not reach. */
  lead: number;
  /** Jaccard of the headlines' content words. */
  headline: number;
}

export function likeness(a: Uint32Array, b: Uint32Array): Likeness {
  const shingles = estimatedJaccard(a, b);
  const [na, nb] = [a[COUNT_AT]!, b[COUNT_AT]!];
  const containment = Math.min(1, (shingles * (na + nb)) / ((1 + shingles) * Math.max(1, Math.min(na, nb))));
  return {
    shingles, containment, words: sketchJaccard(a, b, WORDS_AT, WORD_SLOTS),
    lead: setJaccard(a, b, LEAD_AT, LEAD_SLOTS), headline: setJaccard(a, b, HEADLINE_AT, HEADLINE_SLOTS),
  };
}

/**
 * The rule (tuned on one Reuters-21578 split, reported on another; decision 0002). A copy: the shorter text mostly
 * inside the longer one, under the same lead or the same headline (a re-lead keeps one of them). A rewrite: the
 * content words and the lead both agree. Stories that share background paragraphs or boilerplate share neither
 * their leads nor their headlines, however much of the copy the background makes.
 */
export interface SameStoryRule {
  readonly containment: number;
  readonly shingles: number;
  readonly copiedLead: number;
  readonly copiedHeadline: number;
  readonly words: number;
  readonly lead: number;
}
export const SAME_STORY: SameStoryRule = Object.freeze({ containment: 0.6, shingles: 0.15, copiedLead: 0.5, copiedHeadline: 0.6, words: 0.55, lead: 0.45 });

/**
 * How strongly `b` is a copy of the story in `a`: null when it is not (the one clustering decision; the ingest
 * picks the candidate with the highest score). Signatures stored before issue 12 (3-gram minima only) are never
 * the same story as anything: they age out of the 72-hour window.
 */
export function sameStory(a: Uint32Array, b: Uint32Array, rule: SameStoryRule = SAME_STORY): number | null {
  if (a.length !== SIGNATURE_LENGTH || b.length !== SIGNATURE_LENGTH) return null;
  // Most candidates found through one shared band are other stories: their leads and headlines reject them before the minima are compared.
  const lead = setJaccard(a, b, LEAD_AT, LEAD_SLOTS);
  if (lead < Math.min(rule.copiedLead, rule.lead) && setJaccard(a, b, HEADLINE_AT, HEADLINE_SLOTS) < rule.copiedHeadline) return null;
  const like = likeness(a, b);
  const copied = like.containment >= rule.containment && like.shingles >= rule.shingles
    && (like.lead >= rule.copiedLead || like.headline >= rule.copiedHeadline);
  const rewritten = like.words >= rule.words && like.lead >= rule.lead;
  return copied || rewritten ? like.shingles + like.words + like.lead : null;
}
