/** @module Last-Modified of a page that lists stories (home, Latest, a section, topic or author, search results). */
import type { PageCache } from '../page-cache.js';

/**
 * When the list last changed: its newest story's update, or the last change this process heard of for the list's
 * surrogate keys (a story published into it, updated, or taken out of it, which the stories still shown cannot
 * tell), whichever is later. Call `since` before reading the stories, so a change that lands while the page renders
 * moves Last-Modified past the one this page is sent with.
 */
export function listChangeClock(cache: Pick<PageCache, 'lastChangeOf'>, tags: readonly string[]): (stories: Iterable<{ updatedAt: Date }>) => Date {
  const since = cache.lastChangeOf(tags).getTime();
  return (stories) => {
    let newest = since;
    for (const story of stories) newest = Math.max(newest, story.updatedAt.getTime());
    return new Date(newest);
  };
}

/**
 * When this process first saw a block's current content, told apart by a fingerprint: the Last-Modified of what no
 * stored date describes and no story event announces (the most-read ranking moves with readers). Past `maxKeys` it
 * starts over, which only dates blocks later than they changed (200s for 304s).
 */
export function createFirstSeenClock(nowMs: () => number, maxKeys = 10_000): (key: string, fingerprint: string) => Date {
  const seen = new Map<string, { fingerprint: string; at: number }>();
  return (key, fingerprint) => {
    const known = seen.get(key);
    if (known?.fingerprint === fingerprint) return new Date(known.at);
    if (seen.size >= maxKeys) seen.clear();
    const at = nowMs();
    seen.set(key, { fingerprint, at });
    return new Date(at);
  };
}

/** The latest of some dates (null when none is given). */
export function latestOf(...dates: readonly (Date | null | undefined)[]): Date | null {
  let latest: Date | null = null;
  for (const date of dates) if (date && (!latest || date.getTime() > latest.getTime())) latest = date;
  return latest;
}
