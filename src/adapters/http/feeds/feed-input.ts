/** @module What a feed is made of, whatever its format: the list's title and links, and its entries newest first. */
import type { FeedEntry, FeedPerson } from './feed-entry.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export interface StoryFeedInput {
  title: string;
  description: string;
  /** BCP 47 language of the edition (its `language`, e.g. ar): RSS <language>, Atom xml:lang, JSON Feed `language`. */
  language: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  pageUrl: string;
  /** Absolute URL of this feed in each format. */
  feedUrls: Record<FeedFormat, string>;
  /** Who the feed is by: the author of an author feed, else the publication (Atom requires one). */
  author: FeedPerson;
  /** Newest first. */
  entries: readonly FeedEntry[];
}

/** `updated` of a feed with no stories: a constant, so its bytes (and ETag) never follow the clock. */
export const EMPTY_FEED_UPDATED = new Date(0);

