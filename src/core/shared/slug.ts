/** @module Slugs: readable, stable URL segments made from headlines and names. */
const MAX_SLUG_LENGTH = 80;

/**
 * Lower-cases, drops accents and punctuation, joins words with hyphens and cuts at a word
 * boundary. Letters of every script are kept (an Arabic headline keeps its words).
 */
export function slugify(text: string, fallback = 'story'): string {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`]/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 0);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH) break;
    slug = next;
  }
  if (!slug && words[0]) slug = words[0].slice(0, MAX_SLUG_LENGTH);
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
