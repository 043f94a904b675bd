/** @module HTTP tests of the sitemap index, page and month sitemaps, the Google News sitemap and robots.txt. */
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURED_AT, createTestSite, SITE_URL, type TestSite } from '../support/test-site.js';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite();
});
afterAll(async () => {
  await site.close();
});

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });
const values = (xml: string, tag: string) => [...xml.matchAll(new RegExp(`<${tag}>([^<]*)</${tag}>`, 'g'))].map((m) => m[1]!);

/**
 * rss-parser runs a strict XML parser (sax via xml2js) before it looks for a feed, so a
 * well-formed sitemap is refused only as "not a feed" while broken XML fails in the parser.
 */
async function expectWellFormedXml(xml: string): Promise<void> {
  await expect(new Parser().parseString(xml)).rejects.toThrow('Feed not recognized as RSS 1 or 2.');
}

async function getXml(url: string): Promise<string> {
  const res = await get(url);
  expect(res.statusCode, url).toBe(200);
  expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
  await expectWellFormedXml(res.body);
  return res.body;
}

describe('sitemaps', () => {
  it('the index leads through the month sitemaps to every published story', async () => {
    const index = await getXml('/sitemap.xml');
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    const children = values(index, 'loc');
    expect(children).toEqual([`${SITE_URL}/sitemap-pages.xml`, `${SITE_URL}/sitemaps/2025-01.xml`, `${SITE_URL}/sitemaps/2024-06.xml`]);
    expect(values(index, 'lastmod')).toEqual(['2025-01-17T14:59:58.000Z', '2025-01-17T14:59:58.000Z', '2024-06-19T12:00:00.000Z']);

    const storyUrls: string[] = [];
    for (const child of children.slice(1)) {
      const month = await getXml(child.slice(SITE_URL.length));
      expect(month).toContain('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
      expect(values(month, 'lastmod')).toHaveLength(values(month, 'loc').length);
      storyUrls.push(...values(month, 'loc'));
    }
    const published = (await site.storage.articles.listPublished({ limit: 30 })).items;
    expect(storyUrls).toHaveLength(6);
    expect(new Set(storyUrls)).toEqual(new Set(published.map((s) => `${SITE_URL}/article/${s.slug}`)));
  });

  it('the pages sitemap lists home, latest and each section', async () => {
    const pages = await getXml('/sitemap-pages.xml');
    expect(values(pages, 'loc')).toEqual([`${SITE_URL}/`, `${SITE_URL}/latest`, `${SITE_URL}/section/world`]);
  });

  it('a month that is malformed or has no stories is not found', async () => {
    for (const url of ['/sitemaps/2025-13.xml', '/sitemaps/2025-1.xml', '/sitemaps/abcd-ef.xml', '/sitemaps/2025-01.txt', '/sitemaps/1999-01.xml']) {
      expect((await get(url)).statusCode, url).toBe(404);
    }
  });

  it('sitemaps answer conditional requests', async () => {
    const first = await get('/sitemaps/2024-06.xml');
    expect(first.headers['last-modified']).toBe('Wed, 19 Jun 2024 12:00:00 GMT');
    expect((await get('/sitemaps/2024-06.xml', { 'if-none-match': first.headers.etag as string })).statusCode).toBe(304);
  });
});

describe('news sitemap', () => {
  it('is an index of its files; the first lists the stories of the last 48 hours, with publication, date and title', async () => {
    const index = await getXml('/news-sitemap.xml');
    expect(index).toContain('<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">');
    expect(values(index, 'loc')).toEqual([`${SITE_URL}/news-sitemaps/1.xml`]);
    const xml = await getXml('/news-sitemaps/1.xml');
    expect(xml).toContain('xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"');
    const recent = await site.storage.articles.listFirstPublishedSince(new Date(CAPTURED_AT.getTime() - 48 * 3600_000), 1000);
    expect(recent).toHaveLength(5);
    expect(values(index, 'lastmod')).toEqual([recent[0]!.firstPublishedAt.toISOString()]);
    expect(values(xml, 'loc')).toEqual(recent.map((s) => `${SITE_URL}/article/${s.slug}`));
    expect(values(xml, 'news:title')).toEqual(recent.map((s) => s.headline));
    expect(values(xml, 'news:publication_date')).toEqual(recent.map((s) => s.firstPublishedAt.toISOString()));
    expect(values(xml, 'news:name')).toEqual(recent.map(() => 'Dateline Test'));
    expect(values(xml, 'news:language')).toEqual(recent.map(() => 'en'));
    expect(xml).not.toContain('2024-06-19');
    expect(xml).not.toContain('russia-and-north-korea');
    expect((await get('/news-sitemaps/2.xml')).statusCode).toBe(404);
    for (const bad of ['/news-sitemaps/0.xml', '/news-sitemaps/01.xml', '/news-sitemaps/x.xml']) expect((await get(bad)).statusCode, bad).toBe(404);
  });

  it('is cached only briefly, and answers If-Modified-Since from when it last changed', async () => {
    for (const path of ['/news-sitemap.xml', '/news-sitemaps/1.xml']) {
      const res = await get(path);
      expect(res.headers['cache-control']).toBe('public, max-age=10, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400');
      expect(res.headers['surrogate-key']).toBe('home feeds');
      expect((await get(path, { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
      const lastModified = res.headers['last-modified'] as string;
      expect(Date.parse(lastModified)).toBeLessThanOrEqual(site.clock.now().getTime());
      expect((await get(path, { 'if-modified-since': lastModified })).statusCode, path).toBe(304);
      expect((await get(path, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).statusCode, path).toBe(200);
    }
  });

  it('moves Last-Modified when stories age out, though no story changed', async () => {
    const before = (await get('/news-sitemaps/1.xml')).headers['last-modified'] as string;
    const later = new Date(CAPTURED_AT.getTime() + 3 * 24 * 3600_000);
    site.clock.set(later);
    try {
      const after = await get('/news-sitemaps/1.xml', { 'if-modified-since': before });
      expect(after.statusCode).toBe(200);
      expect(after.headers['last-modified']).toBe(later.toUTCString());
    } finally {
      site.clock.set(CAPTURED_AT);
    }
  });
  it('follows the clock: two days on, nothing of 17 January is news any more', async () => {
    site.clock.set(new Date(CAPTURED_AT.getTime() + 3 * 24 * 3600_000));
    try {
      expect(values(await getXml('/news-sitemap.xml'), 'loc')).toEqual([`${SITE_URL}/news-sitemaps/1.xml`]);
      const xml = await getXml('/news-sitemaps/1.xml');
      expect(values(xml, 'loc')).toEqual([]);
      expect(xml).toContain('<urlset');
    } finally {
      site.clock.set(CAPTURED_AT);
    }
    expect(values(await getXml('/news-sitemaps/1.xml'), 'loc')).toHaveLength(5);
  });
});

describe('robots.txt', () => {
  it('allows crawling except search and per-reader fragments, and names both sitemaps', async () => {
    const res = await get('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    const lines = res.body.split('\n');
    expect(lines).toEqual(expect.arrayContaining([
      'User-agent: *', 'Allow: /', 'Disallow: /live', 'Disallow: /search', 'Disallow: /fragment/', 'Disallow: /following/stories',
      `Sitemap: ${SITE_URL}/sitemap.xml`, `Sitemap: ${SITE_URL}/news-sitemap.xml`,
    ]));
  });

  it('sends Last-Modified and answers If-Modified-Since with 304', async () => {
    const res = await get('/robots.txt');
    const lastModified = res.headers['last-modified'] as string;
    expect(lastModified).toBe(CAPTURED_AT.toUTCString());
    expect((await get('/robots.txt', { 'if-modified-since': lastModified })).statusCode).toBe(304);
    expect((await get('/robots.txt', { 'if-modified-since': new Date(CAPTURED_AT.getTime() - 60_000).toUTCString() })).statusCode).toBe(200);
  });
});
