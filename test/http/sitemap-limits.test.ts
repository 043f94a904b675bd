/** @module HTTP tests of the sitemaps at the protocol's limits: 50,001 stories in one month and 1,001 in the last 48 hours, inserted through the bulk path. */
import { randomUUID } from 'node:crypto';
import { XMLParser } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewArticle } from '../../src/core/articles/article-store.js';
import { NEWS_SITEMAP_MAX_URLS, SITEMAP_MAX_BYTES, SITEMAP_MAX_URLS } from '../../src/adapters/http/feeds/sitemap-parts.js';
import { CAPTURED_AT, createTestSite, SITE_URL, type TestSite } from '../support/test-site.js';

const MONTH_STORIES = SITEMAP_MAX_URLS + 1;
const RECENT_STORIES = NEWS_SITEMAP_MAX_URLS + 1;
const MONTH_START = Date.UTC(2024, 2, 1);
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

let site: TestSite;
const get = (url: string) => site.app.inject({ method: 'GET', url });
const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['url', 'sitemap'].includes(name) });
type Tree = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A bare published story: what sitemaps read, without topics or bylines, so 52,002 of them insert in one quick transaction. */
function story(slug: string, at: Date): NewArticle {
  return {
    id: randomUUID(), slug, headline: `Headline ${slug}`, highlights: [], dateline: null, body: [{ type: 'paragraph', text: 'x' }], lead: null,
    section: { slug: 'world', name: 'World' }, topics: [], authors: [], source: { kind: 'staff' }, status: 'published',
    firstPublishedAt: at, updatedAt: at, updateNote: null, contentKey: null, shortCode: slug.replace(/[^a-z0-9]/g, '').slice(-12),
    createdAt: at, revisionId: randomUUID(), actor: 'test',
  };
}

beforeAll(async () => {
  site = await createTestSite({ withFixture: false });
  // 50 seconds apart through March 2024 (29 days), and 2.5 minutes apart through the 42 hours before the clock.
  const month = Array.from({ length: MONTH_STORIES }, (_, i) => story(`m${i}`, new Date(MONTH_START + i * 50_000)));
  const recent = Array.from({ length: RECENT_STORIES }, (_, i) => story(`r${i}`, new Date(CAPTURED_AT.getTime() - (i + 1) * 150_000)));
  await site.storage.articles.insertMany([...month, ...recent]);
}, 600_000);
afterAll(async () => {
  await site?.close();
});

async function urlSet(path: string): Promise<{ locs: string[]; bytes: number }> {
  const res = await get(path);
  expect(res.statusCode, path).toBe(200);
  const doc = xml.parse(res.body) as Tree;
  expect(doc.urlset['@_xmlns'], path).toBe(SITEMAP_NS);
  return { locs: (doc.urlset.url as Tree[] | undefined ?? []).map((u) => u.loc as string), bytes: Buffer.byteLength(res.body) };
}

async function index(path: string): Promise<string[]> {
  const res = await get(path);
  expect(res.statusCode, path).toBe(200);
  const doc = xml.parse(res.body) as Tree;
  expect(doc.sitemapindex['@_xmlns']).toBe(SITEMAP_NS);
  return (doc.sitemapindex.sitemap as Tree[]).map((s) => s.loc as string);
}

describe('a month of 50,001 stories', () => {
  it('is two files, both in the index: 50,000 URLs and one, each within 50 MB, every story once', async () => {
    expect(await index('/sitemap.xml')).toEqual([
      `${SITE_URL}/sitemap-pages.xml`, `${SITE_URL}/sitemaps/2025-01.xml`, `${SITE_URL}/sitemaps/2024-03.xml`, `${SITE_URL}/sitemaps/2024-03-2.xml`,
    ]);
    const first = await urlSet('/sitemaps/2024-03.xml');
    const second = await urlSet('/sitemaps/2024-03-2.xml');
    expect(first.locs).toHaveLength(SITEMAP_MAX_URLS);
    expect(second.locs).toHaveLength(1);
    for (const file of [first, second]) expect(file.bytes).toBeLessThanOrEqual(SITEMAP_MAX_BYTES);
    // Oldest first, so a story keeps its file as the month grows: the newest is the one in the second file.
    expect(first.locs[0]).toBe(`${SITE_URL}/article/m0`);
    expect(second.locs).toEqual([`${SITE_URL}/article/m${MONTH_STORIES - 1}`]);
    const all = new Set([...first.locs, ...second.locs]);
    expect(all.size).toBe(MONTH_STORIES);
    expect((await get('/sitemaps/2024-03-3.xml')).statusCode).toBe(404);
    expect((await get('/sitemaps/2024-03-1.xml')).statusCode).toBe(404);
  });
});

describe('1,001 stories in the last 48 hours', () => {
  it('are two news sitemaps, both in the news index: 1,000 URLs and one, newest first, none left out', async () => {
    expect(await index('/news-sitemap.xml')).toEqual([`${SITE_URL}/news-sitemaps/1.xml`, `${SITE_URL}/news-sitemaps/2.xml`]);
    const first = await urlSet('/news-sitemaps/1.xml');
    const second = await urlSet('/news-sitemaps/2.xml');
    expect(first.locs).toHaveLength(NEWS_SITEMAP_MAX_URLS);
    expect(second.locs).toEqual([`${SITE_URL}/article/r${RECENT_STORIES - 1}`]);
    expect(first.locs[0]).toBe(`${SITE_URL}/article/r0`);
    expect(new Set([...first.locs, ...second.locs]).size).toBe(RECENT_STORIES);
    expect((await get('/news-sitemaps/3.xml')).statusCode).toBe(404);
  });
});
