/** @module A list of stories as RSS 2.0, Atom 1.0 or JSON Feed 1.1, in the edition's language: the shared shape and the dispatch. */
import type { Translate } from '../i18n/translate.js';
import { renderAtomFeed } from './atom-feed.js';
import type { FeedEntry } from './feed-entry.js';
import type { FeedFormat, StoryFeedInput } from './feed-input.js';
import { renderJsonFeed } from './json-feed.js';
import { renderRssFeed } from './rss-feed.js';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

/** Each story once: an id (its URL) appears in one entry only, the first (newest) one. */
export function distinctEntries(entries: readonly FeedEntry[]): FeedEntry[] {
  const seen = new Set<string>();
  return entries.filter((e) => !seen.has(e.url) && seen.add(e.url));
}

export function renderStoryFeed(format: FeedFormat, input: StoryFeedInput): string {
  const feed = { ...input, entries: distinctEntries(input.entries) };
  if (format === 'rss') return renderRssFeed(feed);
  if (format === 'atom') return renderAtomFeed(feed);
  return renderJsonFeed(feed);
}

/** The title and description of a list's feed in the edition's words; the home stream's feed is the site itself. */
export function feedText(t: Translate, site: { siteName: string; siteDescription: string }, list: { title: string; description: string } | null): { title: string; description: string } {
  if (!list) return { title: site.siteName, description: site.siteDescription };
  return { title: t('page.title', { title: list.title, site: site.siteName }), description: list.description };
}
