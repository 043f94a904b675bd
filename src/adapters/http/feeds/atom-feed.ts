/** @module Atom 1.0 of a list of stories: type="text" titles, an author per byline, summary and full content as HTML, the lead photo. */
import type { FeedEntry, FeedPerson } from './feed-entry.js';
import { attributes, buildXml, mediaContent, NAMESPACES } from './feed-xml.js';
import { EMPTY_FEED_UPDATED, type StoryFeedInput } from './feed-input.js';
import { latestIn } from '../site/list-last-modified.js';

function person(p: FeedPerson): Record<string, unknown> {
  return { name: p.name, ...(p.url ? { uri: p.url } : {}), ...(p.email ? { email: p.email } : {}) };
}

/** Each entry's `updated` is its own story's; entries sharing one are distinct stories (distinct ids), which RFC 4287 §4.1.1 allows. */
function atomEntry(entry: FeedEntry): Record<string, unknown> {
  const { image } = entry;
  const enclosure = image && image.bytes !== null && image.type
    ? [attributes({ rel: 'enclosure', type: image.type, length: image.bytes, href: image.url })] : [];
  return {
    id: entry.url,
    title: { '@_type': 'text', '#text': entry.headline },
    link: [attributes({ rel: 'alternate', type: 'text/html', href: entry.url }), ...enclosure],
    published: entry.published.toISOString(),
    updated: entry.updated.toISOString(),
    author: entry.authors.map(person),
    category: attributes({ term: entry.section.name, scheme: entry.section.url }),
    ...(entry.summaryHtml ? { summary: { '@_type': 'html', '#text': entry.summaryHtml } } : {}),
    ...(entry.contentHtml ? { content: { '@_type': 'html', '#text': entry.contentHtml } } : {}),
    ...(image ? { 'media:content': mediaContent(image) } : {}),
  };
}

export function renderAtomFeed(feed: StoryFeedInput): string {
  // The feed's `updated` is its newest entry's, so it never follows the clock.
  const updated = latestIn(feed.entries.map((e) => e.updated)) ?? EMPTY_FEED_UPDATED;
  return buildXml({
    feed: {
      '@_xmlns': NAMESPACES.atom,
      '@_xmlns:media': NAMESPACES.media,
      '@_xml:lang': feed.language,
      id: feed.pageUrl,
      title: { '@_type': 'text', '#text': feed.title },
      ...(feed.description ? { subtitle: { '@_type': 'text', '#text': feed.description } } : {}),
      updated: updated.toISOString(),
      generator: 'Dateline',
      author: person(feed.author),
      link: [
        attributes({ rel: 'alternate', type: 'text/html', href: feed.pageUrl }),
        attributes({ rel: 'self', type: 'application/atom+xml', href: feed.feedUrls.atom }),
      ],
      entry: feed.entries.map(atomEntry),
    },
  });
}
