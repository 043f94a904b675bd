/** @module Near-duplicate wire items: MinHash signatures over word shingles, LSH banding for candidates, and a cluster index. */

/** Signature length: 128 minima give a Jaccard estimate within about ±0.09 (two standard errors at J = 0.5). */
export const SIGNATURE_LENGTH = 128;
/** Word 3-grams: long enough that two different stories on one topic share few, short enough to survive small edits. */
export const SHINGLE_WORDS = 3;

const SEEDS = seedsFrom(0x9e3779b9, SIGNATURE_LENGTH);

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

/** The MinHash signature of a text; a text shorter than one shingle is hashed as one shingle. */
export function minhashSignature(text: string): Uint32Array {
  const words = wordsOf(text);
  const shingles = new Set<number>();
  if (words.length < SHINGLE_WORDS) shingles.add(fnv1a(words.join(' ')));
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++) shingles.add(fnv1a(words.slice(i, i + SHINGLE_WORDS).join(' ')));
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let k = 0; k < SIGNATURE_LENGTH; k++) {
      const h = mix(shingle ^ SEEDS[k]!);
      if (h < signature[k]!) signature[k] = h;
    }
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

/** Hex, 8 digits per value: 1,024 characters for a stored signature column. */
export function serialiseSignature(signature: Uint32Array): string {
  return Array.from(signature, (v) => v.toString(16).padStart(8, '0')).join('');
}

/** Reads a stored signature; null when the text is not a signature of the expected length. */
export function parseSignature(text: string): Uint32Array | null {
  if (text.length !== SIGNATURE_LENGTH * 8 || !/^[0-9a-f]+$/.test(text)) return null;
  const signature = new Uint32Array(SIGNATURE_LENGTH);
  for (let i = 0; i < SIGNATURE_LENGTH; i++) signature[i] = Number.parseInt(text.slice(i * 8, i * 8 + 8), 16);
  return signature;
}
