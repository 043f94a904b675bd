/**
 * Most read through real HTTP (a listening server, so warm pages come from the cache fast path): readers' views of
 * story pages are counted per edition, bots and requests without a user agent are not, the last 24 hours count
 * (the clock is the site's), and home and article pages list the ranking. On SQLite, and on PostgreSQL and Redis when they answer.
 */
import { request as httpRequest } from 'node:http';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRedisReadCounts } from '../../src/adapters/redis/redis-read-counts.js';
import type { ReadCounts } from '../../src/core/most-read/most-read.js';
import { redisUnavailableReason, TEST_REDIS_URL } from '../support/redis-test-server.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../support/postgres-test-database.js';
import { CAPTURED_AT, createTestSite, type TestSite } from '../support/test-site.js';

const BROWSER = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1';
const DESKTOP = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';
const BOTS = [
  'Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)',
  'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/131.0.0.0 Safari/537.36',
  'curl/8.5.0',
];
const HOUR = 3_600_000;

/** GET with exactly these headers (no user agent at all when none is given), answering status and body. */
function get(base: string, path: string, userAgent?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(new URL(path, base), { headers: userAgent ? { 'user-agent': userAgent } : {} }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

async function listening(site: TestSite): Promise<string> {
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  const address = site.app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return `http://127.0.0.1:${address.port}`;
}

function describeMostRead(name: string, skip: string | null, counts: () => ReadCounts | undefined, database?: () => Promise<PostgresTestDatabase>) {
  describe.skipIf(skip !== null)(`most read over HTTP [${name}]${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let site: TestSite;
    let base: string;
    let slugs: string[];
    let postgres: PostgresTestDatabase | undefined;
    beforeAll(async () => {
      const store = counts();
      postgres = await database?.();
      site = await createTestSite({ arabic: true, ...(postgres ? { databaseUrl: postgres.url } : {}), mostRead: { counting: true, ...(store ? { counts: store } : {}) } });
      base = await listening(site);
      slugs = (await site.storage.articles.listPublished({ limit: 6, edition: 'en' })).items.map((s) => s.slug);
    });
    afterAll(async () => {
      await site?.close();
      await postgres?.drop();
    });
    const enList = () => site.deps.mostRead!.list('en');

    it('counts readers on the first (rendered) and warm (fast path) requests, ranks them, and leaves bots out', async () => {
      const [first, second, third] = slugs as [string, string, string];
      for (let i = 0; i < 3; i++) expect((await get(base, `/article/${first}`, i % 2 ? DESKTOP : BROWSER)).status).toBe(200);
      for (let i = 0; i < 2; i++) expect((await get(base, `/article/${encodeURIComponent(second)}`, BROWSER)).status).toBe(200);
      expect((await get(base, `/article/${third}`, BROWSER)).status).toBe(200);
      // Bots and clients without a user agent read the page (warm) but are not counted.
      for (const bot of BOTS) expect((await get(base, `/article/${third}`, bot)).status).toBe(200);
      for (let i = 0; i < 5; i++) expect((await get(base, `/article/${third}`)).status).toBe(200);
      // Nothing reaches the store until the flush.
      expect(await enList()).toEqual([]);
      expect(await site.deps.mostRead!.flush()).toBe(6);
      site.clock.set(new Date(CAPTURED_AT.getTime() + 61_000));
      expect((await enList()).map((s) => s.slug)).toEqual([first, second, third]);
      // The Arabic edition's ranking is its own.
      expect(await site.deps.mostRead!.list('ar')).toEqual([]);
    });

    it('lists the ranking on the home page and on an article page, less the story shown', async () => {
      site.deps.pageCache.clear();
      const [first, second] = slugs as [string, string];
      const home = await get(base, '/', BOTS[0]);
      const block = /<section class="most-read"[\s\S]*?<\/section>/.exec(home.body)?.[0] ?? '';
      expect(block).toContain('>Most read</h2>');
      expect(block.indexOf(`/article/${first}"`)).toBeGreaterThan(0);
      expect(block.indexOf(`/article/${first}"`)).toBeLessThan(block.indexOf(`/article/${second}"`));
      const article = await get(base, `/article/${first}`, BOTS[0]);
      const sidebar = /<aside class="related"[\s\S]*?<\/aside>/.exec(article.body)?.[0] ?? '';
      expect(sidebar).toContain('Most read');
      expect(sidebar).not.toContain(`/article/${first}"`);
      expect(sidebar).toContain(`/article/${second}"`);
      const arabicHome = await get(base, '/ar/', BOTS[0]);
      expect(arabicHome.body).not.toContain('class="most-read"');
    });

    it('counts the last 24 hours only', async () => {
      const [first, , third] = slugs as [string, string, string];
      // A day after the first reads, the third story is read four times: it leads; the others have dropped out.
      site.clock.set(new Date(CAPTURED_AT.getTime() + 23 * HOUR + 59 * 60_000));
      expect((await enList())[0]?.slug).toBe(first);
      site.clock.set(new Date(CAPTURED_AT.getTime() + 24 * HOUR + 1000));
      site.deps.pageCache.clear();
      for (let i = 0; i < 4; i++) await get(base, `/article/${third}`, BROWSER);
      await site.deps.mostRead!.flush();
      site.clock.set(new Date(CAPTURED_AT.getTime() + 24 * HOUR + 62_000));
      expect((await enList()).map((s) => s.slug)).toEqual([third]);
    });
  });
}

const redisSkip = await redisUnavailableReason();
let redis: Redis | null = null;
afterAll(() => redis?.quit());

describeMostRead('SQLite', null, () => undefined);
describeMostRead('PostgreSQL', await postgresUnavailableReason(), () => undefined, createPostgresTestDatabase);
describeMostRead('Redis', redisSkip, () => {
  redis = new Redis(TEST_REDIS_URL);
  return createRedisReadCounts({ redis, prefix: `dateline-test:${process.pid}:${Date.now()}:reads:` });
});

describe('with MOST_READ=off', () => {
  it('counts nothing, on rendered and warm pages alike', async () => {
    const site = await createTestSite({ mostRead: { counting: false } });
    try {
      const base = await listening(site);
      const [slug] = (await site.storage.articles.listPublished({ limit: 1, edition: 'en' })).items.map((s) => s.slug);
      for (let i = 0; i < 3; i++) expect((await get(base, `/article/${slug}`, BROWSER)).status).toBe(200);
      expect(site.deps.mostRead!.counter).toBeNull();
      expect(await site.deps.mostRead!.flush()).toBe(0);
    } finally {
      await site.close();
    }
  });
});
