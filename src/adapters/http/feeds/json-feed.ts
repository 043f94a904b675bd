/** @module JSON Feed 1.1 (https://jsonfeed.org/version/1.1) of a list of stories: authors per item, summary, content_html and image. */
import type { FeedEntry, FeedPerson } from './feed-entry.js';
import type { StoryFeedInput } from './feed-input.js';

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

function author(p: FeedPerson): { name: string; url?: string } {
  return p.url ? { name: p.name, url: p.url } : { name: p.name };
}

function jsonItem(entry: FeedEntry): Record<string, unknown> {
  return {
    id: entry.url,
    url: entry.url,
    title: entry.headline,
    summary: entry.summaryText,
    content_html: entry.contentHtml ?? entry.summaryHtml,
    ...(entry.image ? { image: entry.image.url } : {}),
    date_published: entry.published.toISOString(),
    date_modified: entry.updated.toISOString(),
    authors: entry.authors.map(author),
    tags: [entry.section.name],
  };
}

/** JSON carries any code point, so nothing is dropped here (the XML formats drop what XML forbids). */
export function renderJsonFeed(feed: StoryFeedInput): string {
  return JSON.stringify({
    version: JSON_FEED_VERSION,
    title: feed.title,
    home_page_url: feed.pageUrl,
    feed_url: feed.feedUrls.json,
    description: feed.description,
    language: feed.language,
    authors: [author(feed.author)],
    items: feed.entries.map(jsonItem),
  }, null, 2);
}
