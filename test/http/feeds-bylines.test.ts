/** @module HTTP tests of every feed of both editions parsed as XML: every byline on every item, plain-text titles, full text and lead photo, the full-text setting. */
import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewArticle } from '../../src/core/articles/article-store.js';
import { staffSession } from '../support/newsroom-session.js';
import { createTestSite, SITE_URL, type TestSite } from '../support/test-site.js';

type Tree = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const AT = new Date('2025-01-17T14:30:00Z');
const HEADLINE = 'Leak <script>alert(1)</script> ]]> & "AT&amp;T" it\'s 🚀 東京 Москва';
const BYLINES = [{ slug: 'jane-oneil', name: 'Jane O\'Neil & <Co>' }, { slug: 'ivan', name: 'Иван Петров 🙂' }, { slug: 'li-na', name: '李娜' }];
const AR_BYLINES = [{ slug: 'salma', name: 'سلمى الحربي' }, { slug: 'ivan', name: 'Иван Петров 🙂' }];
const AR_SECTION = 'العالم';
const AR_SLUG = 'خبر-بقلمين';

let site: TestSite;
const get = (url: string) => site.app.inject({ method: 'GET', url });
const xml = new XMLParser({
  ignoreAttributes: false, attributeNamePrefix: '@_', parseTagValue: false,
  isArray: (name, jpath) => ['item', 'entry', 'dc:creator'].includes(name) || ['rss.channel.item.author', 'feed.entry.author', 'feed.entry.link'].includes(String(jpath)),
});

function story(overrides: Partial<NewArticle>): NewArticle {
  return {
    id: randomUUID(), slug: 'two-bylines', headline: HEADLINE, highlights: ['First <b>point</b> & more', 'Second point 東京'], dateline: 'RIYADH',
    body: [{ type: 'paragraph', text: 'Body with a link', runs: [{ text: 'Body with a ' }, { text: 'link', href: '/section/world' }] }],
    lead: { url: '/media/photo.jpg', caption: 'Caption 東京', credit: 'AFP', alt: 'Alt', width: 1024, height: 683 },
    section: { slug: 'world', name: 'World' }, topics: [{ slug: 'saudi-arabia', name: 'Saudi Arabia', kind: 'place' }], authors: BYLINES,
    source: { kind: 'staff' }, status: 'published', firstPublishedAt: AT, updatedAt: AT, updateNote: null, contentKey: null,
    shortCode: 'Aa1Bb2C', createdAt: AT, revisionId: randomUUID(), actor: 'test', ...overrides,
  };
}

beforeAll(async () => {
  site = await createTestSite({ arabic: true, newsroom: true });
  await site.storage.articles.insertMany([
    story({}),
    story({ slug: AR_SLUG, headline: 'خبر عاجل من الرياض 🚀', edition: 'ar', section: { slug: AR_SECTION, name: AR_SECTION }, authors: AR_BYLINES, shortCode: 'Aa1Bb2D', body: [{ type: 'paragraph', text: 'نص الخبر' }] }),
  ]);
});
afterAll(async () => {
  await site.close();
});

/** Every feed list of both editions that shows one of the two stories. */
const FEED_BASES = ['', '/section/world', '/topic/saudi-arabia', ...BYLINES.map((b) => `/author/${b.slug}`), '/ar', `/ar/section/${encodeURIComponent(AR_SECTION)}`, '/ar/topic/saudi-arabia', '/ar/author/salma', '/ar/author/ivan'];
const isArabic = (base: string) => base.startsWith('/ar');
const storyUrl = (base: string) => (isArabic(base) ? `${SITE_URL}/ar/article/${encodeURIComponent(AR_SLUG)}` : `${SITE_URL}/article/two-bylines`);
const bylinesOf = (base: string) => (isArabic(base) ? AR_BYLINES : BYLINES);
const authorUrl = (base: string, slug: string) => `${SITE_URL}${isArabic(base) ? '/ar' : ''}/author/${slug}`;

async function parsed(url: string): Promise<Tree> {
  const res = await get(url);
  expect(res.statusCode, url).toBe(200);
  return xml.parse(res.body) as Tree;
}

describe('RSS of every list in both editions', () => {
  it('declares its namespaces, names every byline in dc:creator, never a bare name in <author>, and titles in plain text', async () => {
    for (const base of FEED_BASES) {
      const res = await get(`${base}/feed.xml`);
      expect(res.body, base).not.toContain('CDATA');
      const rss = (xml.parse(res.body) as Tree).rss;
      for (const [prefix, ns] of [['dc', 'http://purl.org/dc/elements/1.1/'], ['content', 'http://purl.org/rss/1.0/modules/content/'], ['media', 'http://search.yahoo.com/mrss/']]) {
        expect(rss[`@_xmlns:${prefix}`], base).toBe(ns);
      }
      const items = rss.channel.item as Tree[];
      for (const item of items) {
        expect((item['dc:creator'] as string[]).length, `${base} ${item.link}`).toBeGreaterThan(0);
        expect(item.author, base).toBeUndefined();
      }
      const item = items.find((i) => i.link === storyUrl(base))!;
      expect(item['dc:creator'], base).toEqual(bylinesOf(base).map((b) => b.name));
      if (!isArabic(base)) expect(item.title).toBe(HEADLINE);
    }
  });

  it('carries the full text with absolute links, all highlights, and the lead photo as media:content', async () => {
    const item = ((await parsed('/feed.xml')).rss.channel.item as Tree[]).find((i) => i.link === storyUrl(''))!;
    expect(item.description).toBe('<ul><li>First &lt;b&gt;point&lt;/b&gt; &amp; more</li><li>Second point 東京</li></ul>');
    expect(item['content:encoded']).toContain(`<a href="${SITE_URL}/section/world" rel="noopener nofollow">link</a>`);
    expect(item['content:encoded']).toContain(`<img src="${SITE_URL}/media/photo.jpg"`);
    expect(item['content:encoded']).not.toMatch(/<script/);
    expect(item['media:content']).toMatchObject({ '@_url': `${SITE_URL}/media/photo.jpg`, '@_medium': 'image', '@_type': 'image/jpeg', '@_width': '1024', '@_height': '683', 'media:credit': 'AFP' });
  });
});

describe('Atom of every list in both editions', () => {
  it('has an author with name and uri per byline, type="text" titles, a feed updated at its newest entry, and each id once', async () => {
    for (const base of FEED_BASES) {
      const feed = (await parsed(`${base}/feed.atom`)).feed;
      const entries = feed.entry as Tree[];
      expect(feed['@_xml:lang'], base).toBe(isArabic(base) ? 'ar' : 'en');
      expect(feed.updated, base).toBe(entries.map((e) => e.updated as string).sort().at(-1));
      expect(new Set(entries.map((e) => e.id)).size, base).toBe(entries.length);
      for (const e of entries) {
        expect(e.title['@_type']).toBe('text');
        expect((e.author as Tree[]).length, `${base} ${e.id}`).toBeGreaterThan(0);
      }
      const entry = entries.find((e) => e.id === storyUrl(base))!;
      expect(entry.author, base).toEqual(bylinesOf(base).map((b) => ({ name: b.name, uri: authorUrl(base, b.slug) })));
      expect(entry.content['@_type']).toBe('html');
      if (!isArabic(base)) expect(entry.title['#text']).toBe(HEADLINE);
    }
  });
});

describe('JSON Feed of every list in both editions', () => {
  it('lists every byline with its url in each item’s authors, and the image', async () => {
    for (const base of FEED_BASES) {
      const res = await get(`${base}/feed.json`);
      const feed = JSON.parse(res.body) as { items: { id: string; title: string; authors: { name: string; url?: string }[]; image?: string }[] };
      for (const item of feed.items) expect(item.authors.length, `${base} ${item.id}`).toBeGreaterThan(0);
      const item = feed.items.find((i) => i.id === storyUrl(base))!;
      expect(item.authors, base).toEqual(bylinesOf(base).map((b) => ({ name: b.name, url: authorUrl(base, b.slug) })));
      expect(item.image).toBe(`${SITE_URL}/media/photo.jpg`);
    }
  });
});

describe('the full-text setting', () => {
  it('is on by default; an admin turns it off (summaries only) and on again, and every feed follows at once', async () => {
    const admin = await staffSession(site, 'admin');
    const page = await admin.get('/newsroom/settings');
    expect(page.body).toMatch(/<input type="checkbox" id="feed-full-text" name="feedFullText" value="on" checked/);
    const settings = { siteName: 'Dateline Test', siteDescription: 'Test edition' };
    expect((await admin.post('/newsroom/settings', settings)).statusCode).toBe(200);
    const rss = ((await parsed('/feed.xml')).rss.channel.item as Tree[]).find((i) => i.link === storyUrl(''))!;
    expect(rss['content:encoded']).toBeUndefined();
    expect(rss['media:content']).toBeDefined();
    expect(((await parsed('/feed.atom')).feed.entry as Tree[]).every((e) => e.content === undefined)).toBe(true);
    const json = JSON.parse((await get('/feed.json')).body) as { items: { id: string; content_html: string }[] };
    expect(json.items.find((i) => i.id === storyUrl(''))!.content_html).toBe(rss.description);
    expect((await admin.post('/newsroom/settings', { ...settings, feedFullText: 'on' })).statusCode).toBe(200);
    expect(((await parsed('/feed.xml')).rss.channel.item as Tree[]).find((i) => i.link === storyUrl(''))!['content:encoded']).toContain('Body with a');
  });
});
