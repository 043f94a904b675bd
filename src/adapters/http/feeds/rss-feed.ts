/** @module RSS 2.0 of a list of stories: plain-text titles, Dublin Core bylines, full text in content:encoded, the lead photo as Media RSS. */
import type { FeedEntry } from './feed-entry.js';
import { attributes, buildXml, mediaContent, NAMESPACES } from './feed-xml.js';
import { EMPTY_FEED_UPDATED, type StoryFeedInput } from './feed-input.js';
import { latestIn } from '../site/list-last-modified.js';

const RSS_DOCS = 'https://www.rssboard.org/rss-specification';

/**
 * RSS <author> is an e-mail address, so a name goes in dc:creator (one per byline) and <author> appears only for
 * a byline with a known address. An enclosure needs the file's length, so it is written only when that is known.
 */
function rssItem(entry: FeedEntry): Record<string, unknown> {
  const { image } = entry;
  return {
    title: entry.headline,
    link: entry.url,
    guid: { '@_isPermaLink': 'true', '#text': entry.url },
    pubDate: entry.published.toUTCString(),
    description: entry.summaryHtml,
    ...(entry.contentHtml ? { 'content:encoded': entry.contentHtml } : {}),
    'dc:creator': entry.authors.map((a) => a.name),
    ...(entry.authors.some((a) => a.email) ? { author: entry.authors.flatMap((a) => (a.email ? [`${a.email} (${a.name})`] : [])) } : {}),
    category: { '@_domain': entry.section.url, '#text': entry.section.name },
    ...(image ? { 'media:content': mediaContent(image) } : {}),
    ...(image && image.bytes !== null && image.type ? { enclosure: attributes({ url: image.url, length: image.bytes, type: image.type }) } : {}),
  };
}

export function renderRssFeed(feed: StoryFeedInput): string {
  const updated = latestIn(feed.entries.map((e) => e.updated)) ?? EMPTY_FEED_UPDATED;
  return buildXml({
    rss: {
      '@_version': '2.0',
      '@_xmlns:atom': NAMESPACES.atom,
      '@_xmlns:content': NAMESPACES.content,
      '@_xmlns:dc': NAMESPACES.dc,
      '@_xmlns:media': NAMESPACES.media,
      channel: {
        title: feed.title,
        link: feed.pageUrl,
        description: feed.description,
        language: feed.language,
        lastBuildDate: updated.toUTCString(),
        generator: 'Dateline',
        docs: RSS_DOCS,
        'atom:link': { '@_href': feed.feedUrls.rss, '@_rel': 'self', '@_type': 'application/rss+xml' },
        item: feed.entries.map(rssItem),
      },
    },
  });
}
