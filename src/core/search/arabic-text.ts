/** @module Folds Arabic text for search: one spelling of each letter, no vowel marks, ASCII digits; the same at index and query time. */

/**
 * Letters readers type in more than one way, and the one spelling search keeps:
 *
 * | written                          | kept | why                                                                      |
 * | -------------------------------- | ---- | ------------------------------------------------------------------------ |
 * | أ إ آ ٱ ٲ ٳ (hamza, madda, wasla) | ا    | the hamza on alef is usually left out when typing: احمد finds أحمد       |
 * | ؤ (hamza on waw)                 | و    | as on alef, a hamza is never needed to find a word: موتمر finds مؤتمر     |
 * | ئ (hamza on yaa)                 | ي    | the same: رييس and رئيس meet. (مسؤول and مسئول, two house styles, do not) |
 * | ى (alef maqsura)                 | ي    | final ى and ي are written for each other (Egyptian print writes ى)       |
 * | ة (taa marbuta)                  | ه    | typed as haa: مدرسه finds مدرسة                                          |
 * | ک ی (Persian keyboard)           | ك ي  | the same letters from a Persian layout                                   |
 * | ٠–٩ ۰–۹                          | 0–9  | Arabic-Indic digits: ٢٠١٣ finds 2013                                      |
 *
 * Removed: tashkeel (fatha, damma, kasra, tanween, shadda, sukun: U+064B–U+065F), the superscript
 * alef (U+0670), Quranic annotation marks (U+0610–U+061A, U+06D6–U+06ED) and tatweel (U+0640).
 * The bare hamza ء is kept: dropping it would make ماء (water) the word ما.
 * NFKC first turns presentation forms and ligatures (ﻻ, ﷲ) into plain letters.
 */
const LETTERS: Readonly<Record<string, string>> = {
  'أ': 'ا', 'إ': 'ا', 'آ': 'ا', 'ٱ': 'ا', 'ٲ': 'ا', 'ٳ': 'ا',
  'ؤ': 'و', 'ئ': 'ي', 'ى': 'ي', 'ة': 'ه', 'ک': 'ك', 'ی': 'ي',
};
const MARKS = '\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640';
const DIGITS = '\u0660-\u0669\u06F0-\u06F9';
/** Every character folding changes, replaced in one pass (indexing folds every word of every story). */
const FOLDED = new RegExp(`[${MARKS}${DIGITS}${Object.keys(LETTERS).join('')}]`, 'g');
const IS_MARK = new RegExp(`[${MARKS}]`);

function foldedChar(char: string): string {
  const code = char.charCodeAt(0);
  if ((code >= 0x0660 && code <= 0x0669) || (code >= 0x06f0 && code <= 0x06f9)) return String(code & 0xf);
  return IS_MARK.test(char) ? '' : (LETTERS[char] ?? char);
}

/** The folded form of `text` (Latin letters lower-cased too); apply the same to stored text and to queries. */
export function foldArabic(text: string): string {
  return text.normalize('NFKC').replace(FOLDED, foldedChar).toLowerCase();
}

/** True for a folded word written in Arabic letters only (the stemmer leaves names in other scripts and numbers alone). */
export function isArabicWord(word: string): boolean {
  return /^[\u0621-\u064A\u067E\u0686\u06A4\u06AF]+$/.test(word);
}

/** Each character a folded text can hold, with every character that folds to it. */
function variantsOf(folded: string): string {
  const variants = Object.keys(LETTERS).filter((written) => LETTERS[written] === folded).join('');
  if (/[0-9]/.test(folded)) return `${folded}${String.fromCharCode(0x0660 + Number(folded), 0x06f0 + Number(folded))}`;
  return `${folded.replace(/[\\\]^-]/g, '\\$&')}${variants}`;
}

/**
 * A quick test that a word may fold to a text containing one of `terms` (an Arabic stem is a part of its
 * folded word): true for every such word, and for words it cannot judge cheaply (presentation forms,
 * marks alone). Marking matches in a long story folds and stems only the words that pass.
 */
export function mayFoldToContain(terms: readonly string[]): (word: string) => boolean {
  if (terms.length === 0) return () => false;
  const between = `[${MARKS}]*`;
  const pattern = new RegExp(terms.map((term) => [...term].map((c) => `[${variantsOf(c)}]`).join(between)).join('|'), 'iu');
  const letterOrDigit = new RegExp(`[^${MARKS}]`);
  return (word) => pattern.test(word) || !letterOrDigit.test(word) || word.normalize('NFKC') !== word;
}
