/**
 * Scheduled publishing in two `dateline serve` processes on one PostgreSQL schema: both schedulers wake at start
 * on the same due stories, and each story is published exactly once (one `published` revision, one event).
 * Skipped, saying why, where PostgreSQL or dist/ is missing (a failure for PostgreSQL with TEST_POSTGRES_REQUIRED=1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../src/main/app-services.js';
import { createNewsroomServices } from '../../src/main/newsroom-services.js';
import { openStorage } from '../../src/main/storage.js';
import { distMissingReason, freePort, startDatelineProcess, type DatelineProcess, type SiteEnv } from '../support/dateline-cluster.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../support/postgres-test-database.js';
import { prerequisiteSkipReason } from '../support/required-engines.js';
import { waitUntil } from '../support/wait-until.js';

const postgresMissing = await postgresUnavailableReason();
// Only dist/ counts here: these processes need no Varnish.
const builtMissing = distMissingReason();
const skip = postgresMissing ?? prerequisiteSkipReason(['postgres'], 'scheduler tests in two processes', builtMissing);

/** Under one scheduler tick's batch (50), so both processes meet every story in their first tick. */
const STORIES = 40;
const plainHasher = { hash: async (p: string) => `plain:${p}`, verify: async (h: string, p: string) => h === `plain:${p}` };

/** Schedules the stories as an editor a minute ago would have: due a few seconds after that, so due now. */
async function scheduleStoriesInThePast(databaseUrl: string, mediaDir: string): Promise<string[]> {
  const storage = await openStorage(databaseUrl, { poolMax: 2 });
  try {
    const minuteAgo = { now: () => new Date(systemClock.now().getTime() - 60_000) };
    const services = createNewsroomServices(storage, { clock: minuteAgo, mediaDir, maxUploadBytes: 1_000_000, maxPixels: 1_000_000, hasher: plainHasher });
    const editor = await services.auth.addUser({ email: 'scheduler@news.test', name: 'Night Editor', role: 'editor', password: 'a night editor password' });
    const ids: string[] = [];
    for (let i = 0; i < STORIES; i++) {
      const { id } = await services.newsroom.createArticle(editor, {
        section: { slug: 'world', name: 'World' }, headline: `Scheduled story number ${i}`,
        highlights: ['Published by whichever process gets there first'], body: [{ type: 'paragraph', text: 'Due while nobody was watching.' }],
      });
      const state = (await storage.articles.findState(id))!;
      await services.newsroom.act(editor, id, {
        action: 'schedule', fields: state.fields, note: null, scheduledAt: new Date(minuteAgo.now().getTime() + 5_000), autosave: false, expectedVersion: state.version,
      });
      ids.push(id);
    }
    return ids;
  } finally {
    await storage.close();
  }
}

describe.skipIf(skip !== null)(`scheduled publishing in two processes on one database${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 60_000 }, () => {
  let db: PostgresTestDatabase;
  let sql: pg.Pool;
  let processes: DatelineProcess[] = [];
  let ids: string[] = [];
  const dirs: string[] = [];

  beforeAll(async () => {
    db = await createPostgresTestDatabase();
    sql = new pg.Pool({ connectionString: db.url, max: 2 });
    for (const name of ['data', 'media']) dirs.push(mkdtempSync(join(tmpdir(), `dateline-scheduler-${name}-`)));
    ids = await scheduleStoriesInThePast(db.url, dirs[1]!);
  });

  afterAll(async () => {
    await Promise.allSettled(processes.map((p) => p.stop()));
    await sql?.end();
    await db?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  });

  it('publishes every due story exactly once while both schedulers run', async () => {
    // Times are stored as ISO 8601 text, which sorts as time does.
    const due = await sql.query<{ n: string }>("SELECT count(*) AS n FROM articles WHERE status = 'scheduled' AND scheduled_at <= $1", [new Date().toISOString()]);
    expect(Number(due.rows[0]!.n)).toBe(STORIES);
    // Without Redis each process has its own event bus: the scheduling, not the events, is what is shared here.
    const site: SiteEnv = { DATABASE_URL: db.url, DATA_DIR: dirs[0]!, MEDIA_DIR: dirs[1]!, LOG_LEVEL: 'info' };
    const [portA, portB] = [await freePort(), await freePort()];
    processes = await Promise.all([startDatelineProcess('A', portA, site), startDatelineProcess('B', portB, site)]);

    await waitUntil(async () => {
      const left = await sql.query<{ n: string }>("SELECT count(*) AS n FROM articles WHERE status <> 'published'");
      return Number(left.rows[0]!.n) === 0;
    }, `all ${STORIES} scheduled stories to be published`);

    const revisions = await sql.query<{ article_id: string; n: string }>(
      "SELECT article_id, count(*) AS n FROM revisions WHERE kind = 'published' GROUP BY article_id",
    );
    const publishedRevisions = new Map(revisions.rows.map((r) => [r.article_id, Number(r.n)]));
    expect(ids.map((id) => publishedRevisions.get(id) ?? 0)).toEqual(ids.map(() => 1));
    expect(revisions.rows).toHaveLength(STORIES);

    // Which process won which story, from their logs (the split depends on who woke first). A tick logs once it
    // has been through its whole batch, a moment after its last commit.
    const wonBy = () => processes.map((p) => p.output().split('\n').filter((line) => line.includes('"story.scheduled_published"'))
      .reduce((n, line) => n + ((JSON.parse(line) as { slugs: string[] }).slugs.length), 0));
    await waitUntil(() => wonBy().reduce((sum, n) => sum + n) >= STORIES, 'both schedulers to log what they published');
    const won = wonBy();
    console.info(`scheduler-two-processes: ${STORIES} due stories, each published once; A published ${won[0]}, B published ${won[1]}`);
    expect(won[0]! + won[1]!).toBe(STORIES);
  });
});
