import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, fixtureText, SITE_URL, type TestSite } from '../support/test-site.js';

let site: TestSite;
beforeAll(async () => {
  site = await createTestSite();
});
afterAll(async () => {
  await site.close();
});

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

async function slugOf(headlineStart: string): Promise<string> {
  const row = await site.storage.db.selectFrom('articles').select('slug').where('headline', 'like', `${headlineStart}%`).executeTakeFirstOrThrow();
  return row.slug;
}

async function firstArticleSlug(): Promise<string> {
  const page = await site.storage.articles.listPublished({ limit: 1 });
  return page.items[0]!.slug;
}

describe('reader pages', () => {
  it('home shows the lead story, top stories, latest stream and section blocks', async () => {
    const res = await get('/');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('South Korea plane crash investigators find feathers in engines');
    expect(res.body).toContain('Top stories');
    expect(res.body).toContain('Latest');
    // All six demo stories already sit at the top, so the World block would only repeat them.
    expect(res.body).not.toContain('id="sec-world"');
    expect(res.body).toMatch(/<time datetime="2025-01-17T14:59:58\.000Z" data-ticking>2 sec ago<\/time>/);
  });

  it('section blocks on home leave out the stories already shown above them', async () => {
    const extra = await createTestSite();
    const now = Date.parse('2025-01-17T10:00:00Z');
    await extra.storage.articles.insertMany(Array.from({ length: 20 }, (_, i) => ({
      id: `biz-${i}`, slug: `business-story-${i}`, headline: `Business story ${i}`, highlights: [], dateline: 'RIYADH',
      body: [{ type: 'paragraph' as const, text: 'Markets.' }], lead: null, section: { slug: 'business', name: 'Business' },
      topics: [], authors: [], source: { kind: 'staff' as const }, status: 'published' as const,
      firstPublishedAt: new Date(now - i * 60_000), updatedAt: new Date(now - i * 60_000), updateNote: null,
      contentKey: null, shortCode: `biz${String(i).padStart(4, '0')}`, createdAt: new Date(now), revisionId: `rev-biz-${i}`, actor: null,
    })));
    const body = (await extra.app.inject({ url: '/' })).body;
    await extra.close();
    const start = body.indexOf('id="sec-business"');
    const block = body.slice(start, body.indexOf('</section>', start));
    expect(block).toContain('Business story');
    expect(block.match(/class="card card-stream"/g)).toHaveLength(4);
    const top = body.slice(0, body.indexOf('id="sec-business"'));
    for (const n of [...top.matchAll(/Business story (\d+)/g)].map((m) => m[1])) expect(block).not.toContain(`Business story ${n}<`);
  });

  it('article page carries every element of the article anatomy', async () => {
    const res = await get(`/article/${await slugOf('Russia and North Korea sign')}`);
    expect(res.statusCode).toBe(200);
    const body = res.body;
    expect(body).toContain('<span class="update-badge">Update</span>');
    expect(body).toContain('(Sputnik/AFP)');
    expect(body).toContain('lead-caption-only');
    expect(body).not.toContain('<img');
    expect(body).toMatch(/Short Url/);
    expect(body).toMatch(new RegExp(`value="${SITE_URL}/s/[A-Za-z0-9]{7}"`));
    expect(body).toContain('>19 June 2024</time>');
    expect(body).toContain('data-follow-topic=');
    expect(body).toContain('class="highlights"');
    expect(body).toContain('<span class="dateline" dir="auto">SEOUL:</span> Russian President Vladimir Putin');
    expect(body).toContain('application/ld+json');
    expect(body).toContain('rel="canonical"');
    expect(body).toContain('property="og:title"');
    expect(body).toContain('class="next-story"');
  });

  it('an article without the badge shows no Update label and its source agency', async () => {
    const res = await get(`/article/${await slugOf('Police detain suspect')}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('update-badge');
    expect(res.body).toContain('Source: <bdi>Reuters</bdi>');
    expect(res.body).toContain('38 min 36 sec ago');
  });

  it('the infinite-scroll fragment is the story unit (story, then its own sidebar) and the next link only', async () => {
    const slug = await firstArticleSlug();
    const res = await get(`/fragment/article/${slug}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/^<div class="story-unit">\s*<article class="story"/);
    expect(res.body).not.toContain('<html');
  });

  it('section, topic and latest pages list stories; unknown ones are 404', async () => {
    expect((await get('/section/world')).body).toContain('Kyiv says Ukraine missiles hit army radars in Russia');
    expect((await get('/latest')).statusCode).toBe(200);
    const topic = await site.storage.db.selectFrom('topics').select('slug').where('name', '=', 'Vladimir Putin').executeTakeFirstOrThrow();
    const topicPage = await get(`/topic/${topic.slug}`);
    expect(topicPage.statusCode).toBe(200);
    expect(topicPage.body).toContain('Iranian president arrives in Moscow');
    for (const url of ['/section/nowhere', '/topic/nobody', '/author/nobody', '/article/no-such-story', '/no/such/page']) {
      const res = await get(url);
      expect(res.statusCode, url).toBe(404);
      expect(res.body, url).toContain('Page not found');
    }
  });

  it('pages a list with a keyset cursor', async () => {
    const first = await site.storage.articles.listPublished({ limit: 4, sectionSlug: 'world' });
    expect(first.next).not.toBeNull();
    const second = await site.storage.articles.listPublished({ limit: 4, sectionSlug: 'world', cursor: first.next });
    expect(second.items).toHaveLength(2);
    expect(second.next).toBeNull();
    const ids = new Set([...first.items, ...second.items].map((s) => s.id));
    expect(ids.size).toBe(6);
    const res = await get(`/section/world?before=${first.next}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('noindex');
  });
});

describe('bad links and freshness', () => {
  it('refuses a page cursor that does not decode, and never caches it', async () => {
    const before = site.deps.pageCache.size();
    for (const cursor of ['junk0', 'MjAyNXxhYmM', 'x'.repeat(150)]) {
      const res = await get(`/latest?before=${cursor}`);
      expect(res.statusCode, cursor).toBe(400);
      expect(res.body).toContain('This page link is not valid.');
    }
    expect(site.deps.pageCache.size()).toBe(before);
  });

  it('answers 404 to slugs no route could have made, so no cached page leaks under another URL', async () => {
    await get('/section/world/feed.xml');
    for (const url of ['/section/world%2Ffeed.xml', '/article/a%20b', '/topic/x%3Fy']) expect((await get(url)).statusCode, url).toBe(404);
  });

  it('shows a story stored by this process at once, without waiting for the cache to expire', async () => {
    const fresh = await createTestSite({ withFixture: false });
    const empty = await fresh.app.inject({ url: '/' });
    expect(empty.body).toContain('No stories have been published yet.');
    await fresh.importText(fixtureText());
    const home = await fresh.app.inject({ url: '/' });
    await fresh.close();
    expect(home.body).toContain('South Korea plane crash investigators find feathers in engines');
  });
});

describe('search', () => {
  it('finds ranked, highlighted matches', async () => {
    const res = await get('/search?q=feathers');
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<mark>');
    expect(res.body).toMatch(/1 story matches/);
  });

  it('handles phrases, empty, punctuation-only and overlong queries', async () => {
    expect((await get('/search?q=%22North+Korea%22')).body).toMatch(/stories match/);
    const empty = await get('/search?q=');
    expect(empty.statusCode).toBe(200);
    expect(empty.body).toContain('Type words to look for');
    const junk = await get('/search?q=%22%22*()');
    expect(junk.statusCode).toBe(400);
    expect(junk.body).toContain('has no words');
    expect((await get(`/search?q=${'x'.repeat(300)}`)).statusCode).toBe(400);
    expect((await get('/search?q=zzqqxx')).body).toContain('No stories match');
  });
});

describe('short links', () => {
  it('answer 301 to the canonical URL on this site, and 404 for unknown codes', async () => {
    const row = await site.storage.db.selectFrom('short_links').innerJoin('articles', 'articles.id', 'short_links.article_id')
      .select(['short_links.code', 'articles.slug']).executeTakeFirstOrThrow();
    const res = await get(`/s/${row.code}`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`${SITE_URL}/article/${row.slug}`);
    for (const bad of ['/s/zzzzzzz', '/s/%2F%2Fevil.com', '/s/..%2F..%2Fetc']) {
      const miss = await get(bad);
      expect(miss.statusCode, bad).toBe(404);
      expect(miss.headers.location, bad).toBeUndefined();
    }
  });
});

describe('HTTP caching and headers', () => {
  it('answers 304 to a matching ETag or Last-Modified', async () => {
    const slug = await firstArticleSlug();
    const first = await get(`/article/${slug}`);
    expect(first.headers.etag).toBeTruthy();
    expect(first.headers['last-modified']).toBeTruthy();
    expect((await get(`/article/${slug}`, { 'if-none-match': String(first.headers.etag) })).statusCode).toBe(304);
    expect((await get(`/article/${slug}`, { 'if-modified-since': String(first.headers['last-modified']) })).statusCode).toBe(304);
    expect((await get(`/article/${slug}`, { 'if-none-match': '"other"' })).statusCode).toBe(200);
  });

  it('compresses with brotli or gzip as the client asks', async () => {
    expect((await get('/', { 'accept-encoding': 'gzip, deflate, br' })).headers['content-encoding']).toBe('br');
    expect((await get('/', { 'accept-encoding': 'gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get('/', { 'accept-encoding': 'br;q=0, gzip' })).headers['content-encoding']).toBe('gzip');
    expect((await get('/')).headers['content-encoding']).toBeUndefined();
  });

  it('sends a Content-Security-Policy without inline scripts', async () => {
    const csp = String((await get('/')).headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
  });

  it('serves hashed assets immutable', async () => {
    const home = await get('/');
    const css = /href="(\/assets\/site\.[\w-]+\.css)"/.exec(home.body)?.[1];
    const js = /src="(\/assets\/site\.[\w-]+\.js)"/.exec(home.body)?.[1];
    expect(css && js).toBeTruthy();
    const res = await get(css!);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('immutable');
    expect((await get(js!)).headers['content-type']).toContain('javascript');
    expect((await get('/assets/site.nope.css')).statusCode).toBe(404);
  });
});
