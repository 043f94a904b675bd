/** @module Renders a list of stories as RSS 2.0, Atom 1.0 or JSON Feed 1.1 with the `feed` library, in the edition's language. */
import { Feed, type Author, type Item } from 'feed';
import { articlePath, summaryOf, type ArticleSummary } from '../../../core/articles/article.js';
import { escapeHtml } from '../html/html.js';
import type { Translate } from '../i18n/translate.js';
import { cdataSections, escapeXml, stripInvalidXmlChars } from './xml-escape.js';

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_FORMATS: readonly FeedFormat[] = ['rss', 'atom', 'json'];

export const FEED_CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
  json: 'application/feed+json; charset=utf-8',
};

export interface FeedPerson {
  name: string;
  /** Absolute URL of the person's page. */
  url: string;
}

export interface StoryFeedInput {
  title: string;
  description: string;
  siteUrl: string;
  /** BCP 47 language of the edition (its `language`, e.g. ar): RSS <language>, Atom xml:lang, JSON Feed `language`. */
  language: string;
  /** Absolute URL of the HTML page the feed mirrors. */
  pageUrl: string;
  /** Absolute URL of this feed in each format. */
  feedUrls: Record<FeedFormat, string>;
  /** Who the feed is by: the author of an author feed, else the publication (Atom requires one). */
  author: FeedPerson;
  /** Credited on every item; only known for an author's feed, as summaries carry no bylines. */
  itemAuthor: FeedPerson | null;
  stories: readonly ArticleSummary[];
}

const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1';

/** `updated` of a feed with no stories: a constant, so its bytes (and ETag) never follow the clock. */
const EMPTY_FEED_UPDATED = new Date(0);

/** The newest update among the stories, or null for none. */
export function newestUpdate(stories: readonly Pick<ArticleSummary, 'updatedAt'>[]): Date | null {
  let newest: Date | null = null;
  for (const story of stories) if (!newest || story.updatedAt.getTime() > newest.getTime()) newest = story.updatedAt;
  return newest;
}

export function renderStoryFeed(format: FeedFormat, input: StoryFeedInput): string {
  // The feed library does not drop characters XML forbids; JSON can carry them, so it keeps them.
  const text = format === 'json' ? (s: string) => s : stripInvalidXmlChars;
  const author: Author = { name: text(input.author.name), link: input.author.url };
  const feed = new Feed({
    id: input.pageUrl,
    link: input.pageUrl,
    title: text(input.title),
    description: text(input.description),
    language: input.language,
    updated: newestUpdate(input.stories) ?? EMPTY_FEED_UPDATED,
    generator: 'Dateline',
    feedLinks: { ...input.feedUrls },
    author,
  });
  for (const story of input.stories) feed.addItem(feedItem(format, story, input));
  if (format === 'rss') return feed.rss2();
  if (format === 'atom') return withXmlLang(feed.atom1(), input.language);
  return toJsonFeed11(feed.json1(), input.language);
}

/** The title and description of a list's feed in the edition's words; the home stream's feed is the site itself. */
export function feedText(t: Translate, site: { siteName: string; siteDescription: string }, list: { title: string; description: string } | null): { title: string; description: string } {
  if (!list) return { title: site.siteName, description: site.siteDescription };
  return { title: t('page.title', { title: list.title, site: site.siteName }), description: list.description };
}

/** The library writes no xml:lang; Atom readers take the feed's language from the root element's. */
function withXmlLang(atom: string, language: string): string {
  return atom.replace('<feed xmlns="http://www.w3.org/2005/Atom">', `<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(language)}">`);
}

/**
 * One story as an item, shaped per format because the formats disagree on what is markup:
 * Atom titles and summaries are emitted as type="html" and RSS descriptions and JSON
 * `content_html` are HTML, so text goes in HTML-escaped; RSS and JSON titles are plain text.
 */
function feedItem(format: FeedFormat, story: ArticleSummary, input: StoryFeedInput): Item {
  const url = `${input.siteUrl}${articlePath(story)}`;
  const summary = summaryOf({ highlights: story.highlights, body: [] });
  const dates = { date: story.updatedAt, published: story.firstPublishedAt };
  const sectionUrl = `${input.siteUrl}/section/${encodeURIComponent(story.section.slug)}`;
  const itemAuthor = input.itemAuthor;
  switch (format) {
    case 'rss': {
      const headline = stripInvalidXmlChars(story.headline);
      return {
        title: headline, link: url, ...dates,
        description: escapeHtml(stripInvalidXmlChars(summary)),
        category: [{ name: stripInvalidXmlChars(story.section.name), domain: escapeXml(sectionUrl) }],
        ...(itemAuthor ? { author: [{ name: stripInvalidXmlChars(itemAuthor.name) }] } : {}),
        // The library writes the title as one CDATA section and splits only the first "]]>" in it,
        // so a second one would end the section early; our own sections split every one.
        extensions: [{ name: 'title', objects: { _cdata: cdataSections(headline) } }],
      };
    }
    case 'atom':
      return {
        title: escapeHtml(stripInvalidXmlChars(story.headline)), id: url, link: url, ...dates,
        description: escapeHtml(stripInvalidXmlChars(summary)),
        // The library writes category attributes without escaping `&` or `<`, so they go in escaped.
        category: [{ name: escapeXml(story.section.name), term: escapeXml(story.section.slug), scheme: escapeXml(`${input.siteUrl}/section/`) }],
        ...(itemAuthor ? { author: [{ name: stripInvalidXmlChars(itemAuthor.name), link: itemAuthor.url }] } : {}),
      };
    case 'json':
      return {
        title: story.headline, id: url, link: url, ...dates,
        description: summary, content: escapeHtml(summary),
        category: [{ name: story.section.name }],
        ...(itemAuthor ? { author: [{ name: itemAuthor.name, link: itemAuthor.url }] } : {}),
      };
  }
}

type JsonObject = Record<string, unknown>;

/** The library writes JSON Feed 1.0; 1.1 adds `language` and turns `author` into an `authors` list. */
function toJsonFeed11(json: string, language: string): string {
  const { items, ...head } = JSON.parse(json) as JsonObject & { items: JsonObject[] };
  const withAuthors = (o: JsonObject): JsonObject => (o.author ? { ...o, authors: [o.author] } : o);
  return JSON.stringify({
    ...withAuthors(head),
    version: JSON_FEED_VERSION,
    language,
    items: items.map(withAuthors),
  }, null, 2);
}
