/** @module Near-duplicate wire items: MinHash signatures over word shingles, LSH banding for candidates, and a cluster index. */

/** Signature length: 128 minima give a Jaccard estimate within about ±0.09 (two standard errors at J = 0.5). */
export const SIGNATURE_LENGTH = 128;
/** Word 3-grams: long enough that two different stories on one topic share few, short enough to survive small edits. */
export const SHINGLE_WORDS = 3;

const MULTIPLIERS = Int32Array.from(seedsFrom(0x9e3779b9, SIGNATURE_LENGTH), (seed) => seed | 1);
const ADDENDS = Int32Array.from(seedsFrom(0x9e3779b9 ^ 0x7f4a7c15, SIGNATURE_LENGTH));

/** Lower-cased words (letters and digits of any script), NFKC, punctuation dropped. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/** 32-bit FNV-1a over the UTF-16 code units of a string. */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

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

/** FNV-1a continued over one more string: hashing "a b c" piecewise gives fnv1a("a b c") without building it. */
function fnv1aAppend(hash: number, text: string): number {
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}

/** fnv1a of the shingle starting at word `i`, without joining the words. */
function shingleHash(words: string[], i: number): number {
  let hash = fnv1aAppend(0x811c9dc5, words[i]!);
  for (let j = i + 1; j < i + SHINGLE_WORDS; j++) hash = fnv1aAppend(Math.imul(hash ^ 0x20, 0x01000193), words[j]!);
  return hash >>> 0;
}

/**
 * The MinHash signature of a text over its word 3-grams (FNV-1a of the words joined by spaces; a text
 * shorter than one shingle is one shingle). Each shingle is mixed once; the 128 hash functions are then
 * multiply-add permutations of 32-bit integers (odd multipliers, so each is a bijection), computed in
 * signed arithmetic and flipped to unsigned order at the end. A repeated shingle cannot change a minimum,
 * so shingles are not deduplicated first.
 */
export function minhashSignature(text: string): Uint32Array {
  const words = wordsOf(text);
  const count = Math.max(words.length - SHINGLE_WORDS + 1, 1);
  const mixed = new Int32Array(count);
  if (words.length < SHINGLE_WORDS) mixed[0] = mix(fnv1a(words.join(' ')));
  else for (let i = 0; i < count; i++) mixed[i] = mix(shingleHash(words, i));
  // Four functions at a time over every shingle: the running minima stay in registers.
  const signature = new Uint32Array(SIGNATURE_LENGTH);
  for (let k = 0; k < SIGNATURE_LENGTH; k += 4) {
    const [a0, a1, a2, a3] = [MULTIPLIERS[k]!, MULTIPLIERS[k + 1]!, MULTIPLIERS[k + 2]!, MULTIPLIERS[k + 3]!];
    const [b0, b1, b2, b3] = [ADDENDS[k]!, ADDENDS[k + 1]!, ADDENDS[k + 2]!, ADDENDS[k + 3]!];
    let [m0, m1, m2, m3] = [0x7fffffff, 0x7fffffff, 0x7fffffff, 0x7fffffff];
    for (let i = 0; i < count; i++) {
      const x = mixed[i]!;
      const h0 = (Math.imul(a0, x) + b0) | 0;
      const h1 = (Math.imul(a1, x) + b1) | 0;
      const h2 = (Math.imul(a2, x) + b2) | 0;
      const h3 = (Math.imul(a3, x) + b3) | 0;
      if (h0 < m0) m0 = h0;
      if (h1 < m1) m1 = h1;
      if (h2 < m2) m2 = h2;
      if (h3 < m3) m3 = h3;
    }
    signature[k] = m0 ^ 0x80000000;
    signature[k + 1] = m1 ^ 0x80000000;
    signature[k + 2] = m2 ^ 0x80000000;
    signature[k + 3] = m3 ^ 0x80000000;
  }
  return signature;
}

/** The share of positions where two signatures agree: an unbiased estimate of the Jaccard similarity of their shingle sets. */
export function estimatedJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length || a.length === 0) throw new RangeError('signatures of different lengths cannot be compared');
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

const HEX_DIGITS = '0123456789abcdef';
const HEX_CODES = Uint8Array.from(HEX_DIGITS, (c) => c.charCodeAt(0));
const ascii = new TextDecoder('latin1');

/** Hex, 8 digits per value: 1,024 characters for a stored signature column. */
export function serialiseSignature(signature: Uint32Array): string {
  const codes = new Uint8Array(signature.length * 8);
  for (let i = 0; i < signature.length; i++) {
    const value = signature[i]!;
    for (let d = 0; d < 8; d++) codes[i * 8 + d] = HEX_CODES[(value >>> (28 - d * 4)) & 0xf]!;
  }
  return ascii.decode(codes);
}

/** Reads a stored signature; null when the text is not a signature of the expected length. */
export function parseSignature(text: string): Uint32Array | null {
  if (text.length !== SIGNATURE_LENGTH * 8) return null;
  const signature = new Uint32Array(SIGNATURE_LENGTH);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) {
    let value = 0;
    for (let d = 0; d < 8; d++) {
      const digit = hexValue(text.charCodeAt(i * 8 + d));
      if (digit < 0) return null;
      value = value * 16 + digit;
    }
    signature[i] = value;
  }
  return signature;
}

/** The value of a lower-case hex digit's char code; -1 for anything else. */
function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 102) return code - 87;
  return -1;
}
