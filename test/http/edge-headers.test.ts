/** What an edge cache sees: reader pages cacheable with their surrogate keys (the keys story events name), the newsroom and errors never. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleTags } from '../../src/core/workflow/article-tags.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

let site: TestSite;
beforeAll(async () => { site = await createTestSite({ newsroom: true }); });
afterAll(() => site.close());

const get = (url: string) => site.app.inject({ method: 'GET', url });
const keysOf = (res: { headers: Record<string, unknown> }) => String(res.headers['xkey'] ?? '').split(' ').filter(Boolean);
const EDGE = 'public, max-age=10, s-maxage=60, stale-while-revalidate=60, stale-if-error=86400';

describe('edge caching headers', () => {
  it('article pages name the story, its section, topics and authors, exactly as a publish event does (minus home and feeds)', async () => {
    const { items } = await site.storage.articles.listPublished({ limit: 1 });
    const story = await site.deps.reader.story(items[0]!.slug);
    if (story.kind !== 'found') throw new Error('fixture story missing');
    const { article } = story;
    const res = await get(`/article/${article.slug}`);
    expect(res.headers['cache-control']).toBe(EDGE);
    expect(res.headers['surrogate-key']).toBe(res.headers['xkey']);
    const eventTags = articleTags(article.slug, { section: article.section, topics: article.topics, authors: article.authors });
    expect(keysOf(res).sort()).toEqual(eventTags.filter((t) => t !== 'home' && t !== 'feeds').sort());
    expect(keysOf(await get(`/fragment/article/${article.slug}`))).toEqual(keysOf(res));
    expect(keysOf(await get(`/article/${article.slug}/changes`))).toEqual([`article:${article.slug}`]);
  });

  it('home, lists, feeds and sitemaps carry keys that story events name', async () => {
    expect(keysOf(await get('/'))).toEqual(['home']);
    expect(keysOf(await get('/latest'))).toEqual(['home']);
    expect(keysOf(await get('/section/world'))).toEqual(['section:world']);
    expect(keysOf(await get('/feed.xml'))).toEqual(['home', 'feeds']);
    expect(keysOf(await get('/section/world/feed.json'))).toEqual(['section:world', 'feeds']);
    expect(keysOf(await get('/sitemap.xml'))).toEqual(['home', 'feeds']);
    const feed = await get('/feed.xml');
    expect(feed.headers['cache-control']).toBe('public, max-age=10, s-maxage=300, stale-while-revalidate=60, stale-if-error=86400');
  });

  it('never lets the edge keep the newsroom or an error', async () => {
    for (const url of ['/newsroom/login', '/newsroom', '/article/no-such-story', '/no/such/page', '/section/no-such-section']) {
      const res = await get(url);
      expect(res.headers['cache-control'], url).toBe('private, no-store');
      expect(res.headers['xkey'], url).toBeUndefined();
      expect(res.headers['surrogate-key'], url).toBeUndefined();
    }
  });
});
