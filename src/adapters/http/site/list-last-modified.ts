/** @module Last-Modified of a page that lists stories (home, Latest, a section, topic or author, search results). */
import type { PageCache } from '../page-cache.js';

/**
 * When the list last changed: its newest story's update, or the last change this process heard of for the list's
 * surrogate keys (a story published into it, updated, or taken out of it, which the stories still shown cannot
 * tell), whichever is later. Call `since` before reading the stories, so a change that lands while the page renders
 * moves Last-Modified past the one this page is sent with (within the same second, cached-response.ts dates it a second later).
 */
export function listChangeClock(cache: Pick<PageCache, 'lastChangeOf'>, tags: readonly string[]): (stories: Iterable<{ updatedAt: Date }>) => Date {
  const since = cache.lastChangeOf(tags).getTime();
  return (stories) => {
    let newest = since;
    for (const story of stories) newest = Math.max(newest, story.updatedAt.getTime());
    return new Date(newest);
  };
}

/** The latest of some dates (null when none is given). */
export function latestOf(...dates: readonly (Date | null | undefined)[]): Date | null {
  return latestIn(dates);
}

/** The latest date in a list of any length (null when it holds none). */
export function latestIn(dates: Iterable<Date | null | undefined>): Date | null {
  let latest: Date | null = null;
  for (const date of dates) if (date && (!latest || date.getTime() > latest.getTime())) latest = date;
  return latest;
}
