/**
 * The scale-out topology end to end: two `dateline serve` processes on one PostgreSQL schema and one Redis, Varnish
 * (the shipped VCL, a round-robin director over both) in front. A publish in A reaches B's page cache and the edge;
 * A crashing, Redis going away and coming back leave the site serving and publishing. Skipped, saying why, where
 * PostgreSQL, redis-server, varnishd (with the xkey and directors vmods) or dist/ is missing; a missing engine fails
 * instead under its TEST_*_REQUIRED=1. How fast a change crosses processes is printed here and measured by
 * `npm run bench -- --scale`, never asserted: a wall-clock bound measures the machine, not the code.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addStaffWithCli, distMissingReason, freePort, signInNewsroom, startDatelineProcess, startVarnishCluster,
  type DatelineProcess, type NewsroomClient, type SiteEnv, type VarnishCluster,
} from '../support/dateline-cluster.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../support/postgres-test-database.js';
import { redisServerMissingReason, startPrivateRedis, type PrivateRedis } from '../support/redis-test-server.js';
import { prerequisiteSkipReason } from '../support/required-engines.js';
import { varnishMissingReason } from '../support/varnish-installation.js';
import { waitUntil } from '../support/wait-until.js';

// Every engine is asked (not only up to the first missing one), so each required one that is missing fails the run.
const builtMissing = distMissingReason();
const missing = [
  await postgresUnavailableReason(),
  redisServerMissingReason(),
  varnishMissingReason('multi-process tests', ['xkey', 'directors']),
  prerequisiteSkipReason(['postgres', 'redis', 'varnish'], 'multi-process tests', builtMissing),
];
const skip = missing.find((reason) => reason !== null) ?? null;
const PREFIX = 'scale';
const EMAIL = 'scale-editor@news.test';
const PASSWORD = 'a scale editor password';

const isHit = (res: Response) => res.headers.get('x-cache') === 'HIT';
const get = (url: string) => fetch(url, { redirect: 'manual' });
const bodyOf = async (url: string) => { const res = await get(url); return res.status === 200 ? res.text() : ''; };

/** Polls until `check` holds (a bounded number of times) and returns how long after `since` it first did. */
async function visibleAfter(since: number, what: string, check: () => Promise<boolean>): Promise<number> {
  await waitUntil(() => check().catch(() => false), what, { attempts: 2000, intervalMs: 2 });
  return Math.round(performance.now() - since);
}

describe.skipIf(skip !== null)(`Dateline as two processes behind Varnish, on one PostgreSQL and one Redis${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 90_000 }, () => {
  let db: PostgresTestDatabase;
  let sql: pg.Pool;
  let redis: PrivateRedis;
  let varnish: VarnishCluster;
  let a: DatelineProcess;
  let b: DatelineProcess;
  let site: SiteEnv;
  let editor: NewsroomClient;
  const dirs: string[] = [];
  const canary = { id: '', headline: 'Canary story shown on every home page' };

  /** The story's slug as stored: the test reads it rather than guessing the newsroom's slug rules. */
  const slugOf = async (id: string) => (await sql.query<{ slug: string }>('SELECT slug FROM articles WHERE id = $1', [id])).rows[0]!.slug;
  /** A change made behind Dateline's back (no event): a page that still shows the old text came from a cache. */
  const renameBehindTheCache = (id: string, headline: string) => sql.query('UPDATE articles SET headline = $1 WHERE id = $2', [headline, id]);
  const subscribers = async () => {
    const client = new Redis(redis.url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      const [, count] = (await client.pubsub('NUMSUB', `${PREFIX}:events`)) as [string, number];
      return Number(count);
    } catch {
      return 0;
    } finally {
      client.disconnect();
    }
  };

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    sql = new pg.Pool({ connectionString: db.url, max: 2 });
    redis = await startPrivateRedis();
    const [portA, portB] = [await freePort(), await freePort()];
    varnish = await startVarnishCluster([portA, portB]);
    for (const name of ['data', 'media']) dirs.push(mkdtempSync(join(tmpdir(), `dateline-scale-${name}-`)));
    site = { DATABASE_URL: db.url, REDIS_URL: redis.url, REDIS_PREFIX: PREFIX, EDGE_PURGE_URL: `${varnish.origin}/`, DATA_DIR: dirs[0]!, MEDIA_DIR: dirs[1]! };
    // A first: it migrates the empty schema; B then finds it migrated.
    a = await startDatelineProcess('A', portA, site);
    addStaffWithCli(site, EMAIL, PASSWORD);
    b = await startDatelineProcess('B', portB, site);
    await waitUntil(async () => (await subscribers()) === 2, 'both processes to subscribe to the event channel');
    editor = await signInNewsroom(a.origin, EMAIL, PASSWORD);
    canary.id = await editor.createArticle(a.origin, canary.headline);
    await editor.act(a.origin, canary.id, 'publish', { headline: canary.headline });
  }, 120_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await Promise.allSettled([varnish?.stop(), redis?.kill(), sql?.end()]);
    await db?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes in A; B and Varnish drop their warm home pages and show the story', async () => {
    // Warm B's page cache and Varnish's, then prove they are warm: the renamed canary does not show.
    await waitUntil(async () => (await bodyOf(`${b.origin}/`)).includes(canary.headline), 'B to show the canary story');
    await waitUntil(async () => isHit(await get(`${varnish.origin}/`)), 'Varnish to cache the home page');
    await renameBehindTheCache(canary.id, 'Canary renamed behind the cache');
    expect(await bodyOf(`${b.origin}/`)).toContain(canary.headline);
    const edgeHome = await get(`${varnish.origin}/`);
    expect(isHit(edgeHome)).toBe(true);
    expect(await edgeHome.text()).toContain(canary.headline);

    const headline = 'Ministers agree on a cross process deal';
    const id = await editor.createArticle(a.origin, headline);
    const { requestedAt: requested, respondedAt: published } = await editor.act(a.origin, id, 'publish', { headline, dateline: 'OSLO' });
    const slug = await slugOf(id);
    // A 404 is stored by neither cache, so the article pages have nothing to drop: they must simply appear.
    const [bArticle, bHome, edgeArticle, edgeHomeShown] = await Promise.all([
      visibleAfter(published, 'the story on B\'s article page', async () => (await bodyOf(`${b.origin}/article/${slug}`)).includes(headline)),
      visibleAfter(published, 'the story on B\'s home page', async () => (await bodyOf(`${b.origin}/`)).includes(headline)),
      visibleAfter(published, 'the story through Varnish', async () => (await bodyOf(`${varnish.origin}/article/${slug}`)).includes(headline)),
      visibleAfter(published, 'the story on the home page through Varnish', async () => (await bodyOf(`${varnish.origin}/`)).includes(headline)),
    ]);
    console.info(`multi-process: publish in A took ${Math.round(published - requested)} ms; visible after the response on B's article ${bArticle} ms, B's home ${bHome} ms, Varnish article ${edgeArticle} ms, Varnish home ${edgeHomeShown} ms`);
    // Re-rendered, not patched: the rename made behind the caches shows now too.
    expect(await bodyOf(`${b.origin}/`)).toContain('Canary renamed behind the cache');
    expect(await bodyOf(`${varnish.origin}/`)).toContain('Canary renamed behind the cache');
  });

  it('updates in A; B and Varnish replace their warm article pages', async () => {
    const headline = 'Harbour reopens after the storm';
    const id = await editor.createArticle(a.origin, headline);
    await editor.act(a.origin, id, 'publish', { headline });
    const slug = await slugOf(id);
    await waitUntil(async () => (await bodyOf(`${b.origin}/article/${slug}`)).includes(headline), 'B to show the article');
    await waitUntil(async () => isHit(await get(`${varnish.origin}/article/${slug}`)), 'Varnish to cache the article');
    await renameBehindTheCache(id, 'Harbour renamed behind the cache');
    expect(await bodyOf(`${b.origin}/article/${slug}`)).toContain(headline);
    expect(isHit(await get(`${varnish.origin}/article/${slug}`))).toBe(true);

    const updated = 'Harbour reopens to ferries after the storm';
    const { respondedAt: published } = await editor.act(a.origin, id, 'update', { headline: updated, note: 'Ferries are running again.' });
    const [bArticle, edgeArticle] = await Promise.all([
      visibleAfter(published, 'the update on B\'s article page', async () => (await bodyOf(`${b.origin}/article/${slug}`)).includes(updated)),
      visibleAfter(published, 'the update through Varnish', async () => (await bodyOf(`${varnish.origin}/article/${slug}`)).includes(updated)),
    ]);
    console.info(`multi-process: update in A visible after the response on B's article ${bArticle} ms, Varnish article ${edgeArticle} ms`);
  });

  it('keeps serving through B and Varnish when A is killed', async () => {
    await waitUntil(async () => isHit(await get(`${varnish.origin}/`)), 'Varnish to cache the home page');
    await a.stop('SIGKILL');
    // A cached page never needs A; B answers directly.
    expect(isHit(await get(`${varnish.origin}/`))).toBe(true);
    expect((await get(`${b.origin}/`)).status).toBe(200);
    // Pages Varnish has not cached go to a backend: until the probe marks A sick, some go to A and fail.
    let fetched = 0;
    let inARow = 0;
    const failures: number[] = [];
    await waitUntil(async () => {
      const res = await get(`${varnish.origin}/latest?after-a=${++fetched}`);
      if (res.status === 200) inARow++;
      else [inARow] = [0, failures.push(res.status)];
      return inARow >= 20;
    }, 'Varnish to send every uncached request to B (A marked sick by the health probe)', { attempts: 2000, intervalMs: 10 });
    console.info(`multi-process: after SIGKILL of A, ${failures.length} of ${fetched} uncached requests through Varnish failed (statuses ${[...new Set(failures)].join(', ') || 'none'}) before the probe marked A sick; cached pages never failed`);
  });

  it('keeps serving and publishing in B while Redis is down: B\'s own pages and Varnish update', async () => {
    await redis.kill();
    await waitUntil(async () => (await subscribers()) === 0, 'Redis to be gone');
    await bodyOf(`${b.origin}/`);
    const headline = 'Power cut hits the old town';
    const id = await editor.createArticle(b.origin, headline);
    const { respondedAt: published } = await editor.act(b.origin, id, 'publish', { headline });
    const slug = await slugOf(id);
    const [bHome, edgeHome, edgeArticle] = await Promise.all([
      visibleAfter(published, 'the story on B\'s home page without Redis', async () => (await bodyOf(`${b.origin}/`)).includes(headline)),
      visibleAfter(published, 'the story on the home page through Varnish without Redis', async () => (await bodyOf(`${varnish.origin}/`)).includes(headline)),
      visibleAfter(published, 'the story through Varnish without Redis', async () => (await bodyOf(`${varnish.origin}/article/${slug}`)).includes(headline)),
    ]);
    console.info(`multi-process: Redis down, publish in B visible on B's home ${bHome} ms, Varnish home ${edgeHome} ms, Varnish article ${edgeArticle} ms`);
  });

  it('resumes live updates when Redis is back: a publish in B reaches a restarted A\'s warm cache and Varnish', async () => {
    await redis.start();
    a = await startDatelineProcess('A', a.port, site);
    await waitUntil(async () => (await subscribers()) === 2, 'A and B to subscribe again (B reconnects by itself)', { attempts: 1200 });
    await waitUntil(async () => (await bodyOf(`${a.origin}/`)).includes('Power cut hits the old town'), 'the restarted A to show what B published meanwhile');
    await renameBehindTheCache(canary.id, 'Canary renamed a second time');
    expect(await bodyOf(`${a.origin}/`)).not.toContain('Canary renamed a second time');

    const headline = 'Lights back on in the old town';
    const id = await editor.createArticle(b.origin, headline);
    const { respondedAt: published } = await editor.act(b.origin, id, 'publish', { headline });
    const [aHome, edgeHome] = await Promise.all([
      visibleAfter(published, 'B\'s story on A\'s home page after Redis came back', async () => (await bodyOf(`${a.origin}/`)).includes(headline)),
      visibleAfter(published, 'B\'s story on the home page through Varnish', async () => (await bodyOf(`${varnish.origin}/`)).includes(headline)),
    ]);
    console.info(`multi-process: Redis back, publish in B visible on A's home ${aHome} ms, Varnish home ${edgeHome} ms`);
    expect(await bodyOf(`${a.origin}/`)).toContain('Canary renamed a second time');
  });
});
