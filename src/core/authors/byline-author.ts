/**
 * @module Byline authors: the author a name in a byline (an agency's, a reporter's) is credited to. The same person
 * is the same author only when the names match once compared as names (NFC, white space collapsed, case-insensitive):
 * "JOHN SMITH" on an agency byline is the staff's "John Smith" by that deliberate rule, never because two different
 * names happen to make the same slug. A new name gets a slug of its own (john-smith-2 …), never another author's.
 */
import type { NamedRef } from '../articles/article.js';
import { slugify } from '../shared/slug.js';
import type { AuthorStore } from './author-store.js';

/** The slug of a name with no letter or digit in it (a byline of symbols): made unique like any other. */
const NAMELESS_SLUG = 'author';

/** A name as shown: NFC, white space collapsed and trimmed. */
export function authorDisplayName(name: string): string {
  return name.normalize('NFC').replace(/\s+/gu, ' ').trim();
}

/** A name as compared: the displayed form, lower-cased ("JOHN SMITH" and "John  Smith" compare equal). */
export function authorNameKey(name: string): string {
  return authorDisplayName(name).toLowerCase();
}

/**
 * Finds or names the author of each byline name, in order. An author of the same name (as compared above) is
 * reused; a new one gets the first of `slug`, `slug-2`, `slug-3` … that no other author holds (nor an earlier
 * name of the same byline). Every author's slug is made from its name this way, and names that match make the same
 * slug, so walking that family of slugs finds an author of a matching name. Reads only; the story's write stores
 * the new authors.
 */
export async function bylineAuthors(authors: Pick<AuthorStore, 'findByName' | 'findBySlug'>, names: readonly string[]): Promise<NamedRef[]> {
  /** Slugs given out for this byline, by name key: two names of one byline never share a new slug. */
  const given = new Map<string, string>();
  const result: NamedRef[] = [];
  for (const raw of names) {
    const name = authorDisplayName(raw);
    const key = authorNameKey(name);
    const exact = await authors.findByName(name);
    if (exact) {
      result.push(exact);
      continue;
    }
    const base = slugify(name, '') || NAMELESS_SLUG;
    for (let n = 1; ; n += 1) {
      const slug = n === 1 ? base : `${base}-${n}`;
      const claimedBy = given.get(slug);
      if (claimedBy !== undefined) {
        if (claimedBy === key) {
          result.push({ slug, name });
          break;
        }
        continue;
      }
      const holder = await authors.findBySlug(slug);
      if (!holder) {
        given.set(slug, key);
        result.push({ slug, name });
        break;
      }
      if (authorNameKey(holder.name) === key) {
        result.push({ slug: holder.slug, name: holder.name });
        break;
      }
    }
  }
  return result;
}
