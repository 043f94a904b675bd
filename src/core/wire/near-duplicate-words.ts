/**
 * @module Near-duplicate words: a text's words as near-duplicate.ts reads them (NFKC, lower-cased, letters and
 * digits of any script), as strings or, on the ingest path, as FNV-1a hashes without a string per word.
 */

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

/** The FNV-1a hashes and lengths (UTF-16 code units) of a text's words, in reading order. */
export interface WordHashes {
  hashes: Int32Array;
  lengths: Int32Array;
  count: number;
}

export function createWordHashes(): WordHashes {
  return { hashes: new Int32Array(256), lengths: new Int32Array(256), count: 0 };
}

function pushWord(words: WordHashes, hash: number, length: number): void {
  if (words.count === words.hashes.length) {
    const hashes = new Int32Array(words.count * 2);
    const lengths = new Int32Array(words.count * 2);
    hashes.set(words.hashes);
    lengths.set(words.lengths);
    words.hashes = hashes;
    words.lengths = lengths;
  }
  words.hashes[words.count] = hash;
  words.lengths[words.count++] = length;
}

const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Whether each BMP code unit is a letter or digit, filled as met: 0 not yet known, 1 yes, 2 no. ASCII is known from the start. */
const BMP_WORD_CHAR = new Uint8Array(0x10000);
for (let c = 0; c < 128; c++) BMP_WORD_CHAR[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

function isWordUnit(code: number): boolean {
  let known = BMP_WORD_CHAR[code]!;
  if (known === 0) known = BMP_WORD_CHAR[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 1 : 2;
  return known === 1;
}

/**
 * The words `wordsOf` would give, as FNV-1a hashes and lengths, without making a string of each: one pass over
 * the code units, a letter or digit of any script (an astral one read as its surrogate pair) continuing a word.
 */
export function hashWordsOf(text: string, words: WordHashes): void {
  const lowered = text.normalize('NFKC').toLowerCase();
  let hash = 0x811c9dc5;
  let length = 0;
  for (let i = 0; i < lowered.length; i++) {
    const code = lowered.charCodeAt(i);
    let units = 1;
    let isWord: boolean;
    if (code < 0xd800 || code > 0xdfff) isWord = isWordUnit(code);
    else if (code <= 0xdbff && i + 1 < lowered.length && (lowered.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      units = 2;
      isWord = WORD_CHAR.test(lowered.slice(i, i + 2));
    } else isWord = false;
    if (!isWord) {
      if (length > 0) pushWord(words, hash, length);
      hash = 0x811c9dc5;
      length = 0;
      i += units - 1;
      continue;
    }
    for (let u = 0; u < units; u++) {
      hash ^= lowered.charCodeAt(i + u);
      hash = Math.imul(hash, 0x01000193);
    }
    length += units;
    i += units - 1;
  }
  if (length > 0) pushWord(words, hash, length);
}
