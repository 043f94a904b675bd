/** @module HTTP tests of the RSS, Atom and JSON feeds of home, a section and a topic, through inject(). */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../src/core/articles/article.js';
import { CAPTURED_AT, createTestSite, SITE_URL, type TestSite } from '../support/test-site.js';

interface Owner {
  label: string;
  /** Path the feed files hang from: '' for home. */
  base: string;
  title: string;
  pageUrl: string;
  stories: ArticleSummary[];
}

let site: TestSite;
let owners: Owner[];
const parser = new Parser<Record<string, unknown>, { updated?: string; id?: string }>({ customFields: { item: ['updated', 'id'] } });

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
const articleUrl = (s: ArticleSummary) => `${SITE_URL}/article/${s.slug}`;
/** Feeds summarise a story with all its highlights. */
const highlightList = (s: ArticleSummary) => `<ul>${s.highlights.map((h) => `<li>${h.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')}</li>`).join('')}</ul>`;
const newestUpdate = (stories: ArticleSummary[]) => new Date(Math.max(...stories.map((s) => s.updatedAt.getTime())));

/** A topic of the demo with at least two stories, found through the database as a reader would through links. */
async function findTopic(): Promise<{ slug: string; name: string; stories: ArticleSummary[] }> {
  for (const topic of await site.storage.db.selectFrom('topics').select(['slug', 'name']).orderBy('slug').execute()) {
    const { items } = await site.storage.articles.listPublished({ limit: 30, topicSlug: topic.slug });
    if (items.length >= 2) return { ...topic, stories: items };
  }
  throw new Error('the demo capture has no topic with two stories');
}

beforeAll(async () => {
  site = await createTestSite();
  const all = (await site.storage.articles.listPublished({ limit: 30 })).items;
  const topic = await findTopic();
  owners = [
    { label: 'home', base: '', title: 'Dateline Test', pageUrl: `${SITE_URL}/`, stories: all },
    { label: 'section', base: '/section/world', title: 'World | Dateline Test', pageUrl: `${SITE_URL}/section/world`, stories: all },
    { label: 'topic', base: `/topic/${topic.slug}`, title: `${topic.name} | Dateline Test`, pageUrl: `${SITE_URL}/topic/${topic.slug}`, stories: topic.stories },
  ];
});
afterAll(async () => {
  await site.close();
});

describe('story feeds', () => {
  it('the demo has six stories, one of them updated after it was first published', () => {
    const home = owners[0]!;
    expect(home.stories).toHaveLength(6);
    expect(home.stories.some((s) => s.updatedAt.getTime() > s.firstPublishedAt.getTime())).toBe(true);
  });

  it('RSS 2.0 of home, section and topic lists their stories with absolute links and the right dates', async () => {
    for (const owner of owners) {
      const res = await get(`${owner.base}/feed.xml`);
      expect(res.statusCode, owner.label).toBe(200);
      expect(res.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
      expect(res.body).toContain(`<atom:link href="${SITE_URL}${owner.base}/feed.xml" rel="self" type="application/rss+xml"/>`);
      const feed = await parser.parseString(res.body);
      expect(feed.title).toBe(owner.title);
      expect(feed.link).toBe(owner.pageUrl);
      expect(feed.lastBuildDate).toBe(newestUpdate(owner.stories).toUTCString());
      expect(feed.items.map((i) => i.title)).toEqual(owner.stories.map((s) => s.headline));
      feed.items.forEach((item, i) => {
        const story = owner.stories[i]!;
        expect(item.link).toBe(articleUrl(story));
        expect(item.link).toMatch(/^http:\/\/news\.test\/article\/[a-z0-9-]+$/);
        expect(item.guid).toBe(articleUrl(story));
        expect(item.isoDate).toBe(story.firstPublishedAt.toISOString());
        expect(item.content).toBe(highlightList(story));
        expect(item.categories).toEqual([{ _: 'World', $: { domain: `${SITE_URL}/section/world` } }]);
      });
    }
  });

  it('Atom of home, section and topic carries ids, published and updated times', async () => {
    for (const owner of owners) {
      const res = await get(`${owner.base}/feed.atom`);
      expect(res.statusCode, owner.label).toBe(200);
      expect(res.headers['content-type']).toBe('application/atom+xml; charset=utf-8');
      const feed = await parser.parseString(res.body);
      expect(feed.title).toBe(owner.title);
      expect(feed.link).toBe(owner.pageUrl);
      expect(feed.feedUrl).toBe(`${SITE_URL}${owner.base}/feed.atom`);
      expect(feed.lastBuildDate).toBe(newestUpdate(owner.stories).toISOString());
      expect(feed.items.map((i) => i.title)).toEqual(owner.stories.map((s) => s.headline));
      feed.items.forEach((item, i) => {
        const story = owner.stories[i]!;
        expect(item.link).toBe(articleUrl(story));
        expect(item.id).toBe(articleUrl(story));
        expect(item.isoDate).toBe(story.firstPublishedAt.toISOString());
        expect(item.updated).toBe(story.updatedAt.toISOString());
        expect(item.summary).toBe(highlightList(story));
      });
    }
  });

  it('JSON Feed 1.1 of home, section and topic', async () => {
    // The capture has no bylines: an agency's story is the agency's, the others the publication's.
    const bylineOf = async (s: ArticleSummary) => {
      const source = (await site.storage.articles.findPublishedBySlug(s.slug))!.source;
      return source.kind === 'agency' ? [{ name: source.agency }] : [{ name: 'Dateline Test', url: `${SITE_URL}/` }];
    };
    for (const owner of owners) {
      const authors = await Promise.all(owner.stories.map(bylineOf));
      expect(authors.flat().map((a) => a.name)).toContain('AFP');
      const res = await get(`${owner.base}/feed.json`);
      expect(res.statusCode, owner.label).toBe(200);
      expect(res.headers['content-type']).toBe('application/feed+json; charset=utf-8');
      const feed = JSON.parse(res.body) as { version: string; title: string; home_page_url: string; feed_url: string; language: string; items: Record<string, unknown>[] };
      expect(feed).toMatchObject({ version: 'https://jsonfeed.org/version/1.1', title: owner.title, home_page_url: owner.pageUrl, feed_url: `${SITE_URL}${owner.base}/feed.json`, language: 'en' });
      expect(feed.items).toEqual(owner.stories.map((s, i) => ({
        id: articleUrl(s), url: articleUrl(s), title: s.headline,
        summary: s.highlights.join('\n'), content_html: expect.stringContaining('<p><span class="dateline" dir="auto">'),
        date_published: s.firstPublishedAt.toISOString(), date_modified: s.updatedAt.toISOString(), tags: ['World'],
        authors: authors[i],
      })));
    }
  });

  it('an unknown topic, section or author has no feed', async () => {
    for (const url of ['/topic/no-such-topic/feed.xml', '/topic/no-such-topic/feed.atom', '/topic/no-such-topic/feed.json', '/section/nowhere/feed.xml', '/author/nobody/feed.json']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    }
  });
});

describe('feed caching', () => {
  it('answers a repeated request with the same ETag by 304', async () => {
    const first = await get('/feed.xml');
    const etag = first.headers.etag as string;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const again = await get('/feed.xml', { 'if-none-match': etag });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('dates a feed by its newest story or the last change this process heard of for it, and honours If-Modified-Since', async () => {
    const first = await get('/section/world/feed.atom');
    const lastModified = first.headers['last-modified'] as string;
    // The newest story in World was updated at 14:59:58; the site (and its page cache) started at the test clock's 15:00.
    expect(lastModified).toBe(new Date(Math.max(Date.parse('2025-01-17T14:59:58Z'), site.deps.pageCache.lastChangeOf(['section:world']).getTime())).toUTCString());
    expect((await get('/section/world/feed.atom', { 'if-modified-since': lastModified })).statusCode).toBe(304);
    expect((await get('/section/world/feed.atom', { 'if-modified-since': 'Fri, 17 Jan 2025 14:00:00 GMT' })).statusCode).toBe(200);
  });

  it('renders the same bytes later, since no date in a feed comes from the clock', async () => {
    const before = await Promise.all(['/feed.xml', '/feed.atom', '/feed.json'].map((u) => get(u)));
    site.deps.pageCache.clear();
    site.clock.set(new Date(CAPTURED_AT.getTime() + 3 * 24 * 3600_000));
    try {
      const after = await Promise.all(['/feed.xml', '/feed.atom', '/feed.json'].map((u) => get(u)));
      after.forEach((res, i) => {
        expect(res.body).toBe(before[i]!.body);
        expect(res.headers.etag).toBe(before[i]!.headers.etag);
      });
    } finally {
      site.clock.set(CAPTURED_AT);
    }
  });

  const decoders = { gzip: gunzipSync, br: brotliDecompressSync };
  it.each(['gzip', 'br'] as const)('serves feeds compressed (%s) when asked: the same feed, once decoded', async (encoding) => {
    const identity = await get('/feed.json');
    expect(identity.headers['content-encoding']).toBeUndefined();
    const res = await get('/feed.json', { 'accept-encoding': encoding });
    expect(res.headers['content-encoding']).toBe(encoding);
    const decoded = decoders[encoding](res.rawPayload).toString('utf8');
    expect(decoded).toBe(identity.body);
    expect(JSON.parse(decoded)).toMatchObject({ version: 'https://jsonfeed.org/version/1.1' });
  });
});
