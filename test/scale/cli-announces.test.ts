/**
 * Writing commands announce their changes across processes: two `dateline serve` processes on one PostgreSQL schema
 * and one Redis, their home pages cached, then `dateline import` run as a separate process. Both processes must drop
 * their cached home page and show the imported story (a story renamed behind the caches proves the pages were cached,
 * not re-read). `dateline ingest` on the same site reaches both processes' wire queues, and every command exits
 * (its Redis connections closed). Skipped, saying why, where PostgreSQL or Redis is missing. How long a change takes
 * to show is printed, never asserted: the 30 s bound below only turns "never" into a failure (cached pages live 60 s).
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { datelineEnv, freePort, signInNewsroom, startDatelineProcess, type DatelineProcess, type SiteEnv } from '../support/dateline-cluster.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../support/postgres-test-database.js';
import { redisUnavailableReason, TEST_REDIS_URL } from '../support/redis-test-server.js';
import { runDateline, type CliRun } from '../support/run-cli.js';
import { waitUntil } from '../support/wait-until.js';

const skip = (await postgresUnavailableReason()) ?? (await redisUnavailableReason());
const EMAIL = 'cli-announces@news.test';
const PASSWORD = 'a desk editor password';
/**
 * Polls `check` every few ms until it holds; fails once 30 s have passed. A failure condition, not a speed bound:
 * without an announcement the cached page would show the change only when it expires (60 s).
 */
async function shownWithin30s(check: () => Promise<boolean>, what: string): Promise<void> {
  const giveUpAt = performance.now() + 30_000;
  while (!(await check().catch(() => false))) {
    if (performance.now() > giveUpAt) throw new Error(`not shown within 30 s (cached pages live 60 s): ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/** One story in the text-capture format `dateline import` reads, updated five minutes before its capture. */
function capture(headline: string, paragraph: string): string {
  return [headline, '', headline, 'A photo (Agency)', 'Short Url', 'Updated 5 min 3 sec ago', 'Follow', '', headline, '', headline,
    '  • Seen by every process at once', '', paragraph, ''].join('\n');
}

const bodyOf = async (url: string) => { const res = await fetch(url, { redirect: 'manual' }); return res.status === 200 ? res.text() : ''; };

describe.skipIf(skip !== null)(`CLI commands announce their changes to every process (PostgreSQL + Redis)${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 180_000 }, () => {
  let db: PostgresTestDatabase;
  let sql: pg.Pool;
  let a: DatelineProcess;
  let b: DatelineProcess;
  let site: SiteEnv;
  const prefix = `cli-announces-${randomBytes(4).toString('hex')}`;
  const dirs: string[] = [];
  const dateline = (...args: string[]) => runDateline(args, { env: datelineEnv(site) });
  const importHeadline = async (file: string, headline: string, paragraph: string): Promise<CliRun> => {
    writeFileSync(join(dirs[0]!, file), capture(headline, paragraph));
    return dateline('import', join(dirs[0]!, file), '--captured-at', new Date().toISOString(), '--json');
  };
  const subscribers = async () => {
    const client = new Redis(TEST_REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await client.connect();
      const [, count] = (await client.pubsub('NUMSUB', `${prefix}:events`)) as [string, number];
      return Number(count);
    } finally {
      client.disconnect();
    }
  };

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    sql = new pg.Pool({ connectionString: db.url, max: 2 });
    for (const name of ['data', 'media']) dirs.push(mkdtempSync(join(tmpdir(), `dateline-cli-announces-${name}-`)));
    site = { DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: prefix, DATA_DIR: dirs[0]!, MEDIA_DIR: dirs[1]! };
    // A first: it migrates the empty schema; B then finds it migrated. From source, so no build is needed.
    a = await startDatelineProcess('A', await freePort(), site, { fromSource: true });
    b = await startDatelineProcess('B', await freePort(), site, { fromSource: true });
    await waitUntil(async () => (await subscribers()) === 2, 'both processes to subscribe to the event channel', { attempts: 1200 });
  }, 180_000);

  afterAll(async () => {
    await Promise.allSettled([a?.stop(), b?.stop()]);
    await sql?.end();
    await db?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('drops both processes\' cached home pages when `dateline import` stores a story', async () => {
    const canary = 'Canary story: Канарейка 金丝雀 🐤 on every home page';
    const seeded = await importHeadline('canary.txt', canary, 'OSLO: The canary was imported first, before the pages were cached.');
    expect(seeded.code, seeded.stderr).toBe(0);
    for (const p of [a, b]) await waitUntil(async () => (await bodyOf(`${p.origin}/`)).includes(canary), `${p.name} to show the canary`);
    // Renamed behind Dateline's back (no event): a page that still shows the old headline came from a cache.
    await sql.query('UPDATE articles SET headline = $1 WHERE headline = $2', ['Canary renamed behind the cache', canary]);
    for (const p of [a, b]) expect(await bodyOf(`${p.origin}/`), `${p.name}'s home page is cached`).toContain(canary);

    const headline = 'الوزراء يتفقون على صفقة عبر العمليات 🤝 Ministers agree';
    const startedAt = performance.now();
    const run = await importHeadline('news.txt', headline, 'CAIRO: The deal was imported by a command while two processes served the site.');
    const exitedAt = performance.now();
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ imported: 1, failed: 0 });
    const shown = await Promise.all([a, b].map(async (p) => {
      await shownWithin30s(async () => (await bodyOf(`${p.origin}/`)).includes(headline), `the imported story on ${p.name}'s cached home page`);
      return `${p.name} ${Math.round(performance.now() - exitedAt)} ms`;
    }));
    console.info(`cli-announces: import command ran ${Math.round(exitedAt - startedAt)} ms; its story showed after the command exited on ${shown.join(', ')}`);
    // Re-rendered, not patched: the rename made behind the caches shows now too.
    for (const p of [a, b]) expect(await bodyOf(`${p.origin}/`)).toContain('Canary renamed behind the cache');
  });

  it('shows what `dateline ingest` stored in both processes\' wire queues, and every command exits', async () => {
    const added = await runDateline(['user', 'add', '--email', EMAIL, '--role', 'editor', '--name', 'Desk Editor', '--password-stdin'], { env: datelineEnv(site), stdin: `${PASSWORD}\n` });
    expect(added.code, added.stderr).toBe(0);
    const headline = 'Ледоход на реке: паромы стоят 🚢';
    const file = join(dirs[0]!, 'wire.json');
    writeFileSync(file, JSON.stringify({
      uri: `urn:test:cli-announces:${prefix}`, version: '1', type: 'text', headline, located: 'Arkhangelsk', by: 'Staff',
      body_html: '<p>The ferries wait for the ice to pass.</p>', versioncreated: new Date().toISOString(),
    }));
    const run = await dateline('ingest', file, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ ingested: 1, failed: 0 });
    for (const p of [a, b]) {
      const editor = await signInNewsroom(p.origin, EMAIL, PASSWORD);
      await shownWithin30s(async () => (await editor.get(`${p.origin}/newsroom/wire`)).includes(headline), `the ingested item in ${p.name}'s wire queue`);
    }
  });
});
