/**
 * @module Slugs: readable, stable URL segments made from headlines and names, in every script (docs/decisions/0004-unicode-slugs.md).
 * A slug is NFC Unicode: percent-encoded UTF-8 on the wire, shown decoded in the address bar.
 */
const MAX_SLUG_LENGTH = 80;

/**
 * Accents are dropped where readers expect plain letters in addresses (Latin and Greek), and vowel marks where
 * the script is written without them (Arabic tashkeel, Hebrew niqqud). Elsewhere a mark is part of the letter:
 * Cyrillic й, Devanagari and Thai vowel signs, Hangul jamo (which NFC recomposes into syllables) stay.
 */
const DROPPED_MARKS = /(?<=[\p{Script=Latin}\p{Script=Greek}\p{Script=Arabic}\p{Script=Hebrew}]\p{M}*)\p{M}/gu;
/** Arabic tatweel (kashida) stretches a word on the page; it is not part of the word. */
const TATWEEL = /\u0640/g;

/** The words of a text as they go into a slug: compatibility forms folded, lower-cased, NFC. */
function slugWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(DROPPED_MARKS, '')
    .replace(TATWEEL, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    // A word cannot start with a mark left without its letter.
    .map((word) => word.replace(/^\p{M}+/u, ''))
    .filter((word) => word.length > 0);
}

/**
 * Lower-cases, joins words with hyphens and cuts at a word boundary. Letters of every script are kept (an Arabic
 * headline keeps its words); emoji and punctuation are not letters and go.
 */
export function slugify(text: string, fallback = 'story'): string {
  const words = slugWords(text);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  if (!slug && words[0]) slug = [...words[0]].slice(0, MAX_SLUG_LENGTH / 2).join('');
  return slug || fallback;
}

/** Makes `base` unique against `isTaken` by appending -2, -3 … */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  if (!(await isTaken(base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
