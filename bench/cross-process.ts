/**
 * Many processes (`npm run bench -- --scale`): two `dateline serve` processes on a fresh PostgreSQL schema and the
 * shared Redis (a prefix of their own), Varnish with the shipped VCL and a round-robin director in front. Measures
 * publish-to-visible across processes (publish in A; visible on B's article and home pages, and through Varnish)
 * and the warm article page through Varnish, beside the same page straight from one process.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  addStaffWithCli, distMissingReason, freePort, signInNewsroom, startDatelineProcess, startVarnishCluster, type DatelineProcess, type VarnishCluster,
} from '../test/support/dateline-cluster.js';
import { varnishMissingReason } from '../test/support/varnish-installation.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../test/support/postgres-test-database.js';
import { redisUnavailableReason, TEST_REDIS_URL } from '../test/support/redis-test-server.js';
import type { createMeasurer } from './measure.js';
import { percentile } from './publish-to-visible.js';
import type { Figure } from './report.js';

export interface CrossProcessOptions {
  /** How many stories to publish in A, one after another. */
  publishes: number;
  measure: ReturnType<typeof createMeasurer>;
  log: (line: string) => void;
}

type Where = 'B article' | 'B home' | 'Varnish article' | 'Varnish home';

/** Polls with no pause between requests (as bench/newsroom-publish.ts does), a bounded number of times. */
async function until(what: string, check: () => Promise<boolean>): Promise<number> {
  for (let i = 0; i < 100_000; i++) if (await check().catch(() => false)) return performance.now();
  throw new Error(`cross-process bench: never became visible: ${what}`);
}

const bodyOf = async (url: string) => { const res = await fetch(url); return res.status === 200 ? res.text() : ''; };

export async function measureCrossProcess(options: CrossProcessOptions): Promise<Figure[]> {
  const missing = (await postgresUnavailableReason()) ?? (await redisUnavailableReason()) ?? varnishMissingReason('cross-process benchmark', ['xkey', 'directors']) ?? distMissingReason();
  if (missing) throw new Error(`--scale needs PostgreSQL, Redis and Varnish: ${missing}`);
  const dirs = ['data', 'media'].map((name) => mkdtempSync(join(tmpdir(), `dateline-bench-scale-${name}-`)));
  let db: PostgresTestDatabase | null = null;
  let sql: pg.Pool | null = null;
  let varnish: VarnishCluster | null = null;
  const processes: DatelineProcess[] = [];
  try {
    db = await createPostgresTestDatabase();
    sql = new pg.Pool({ connectionString: db.url, max: 2 });
    const [portA, portB] = [await freePort(), await freePort()];
    varnish = await startVarnishCluster([portA, portB]);
    const site = {
      DATABASE_URL: db.url, REDIS_URL: TEST_REDIS_URL, REDIS_PREFIX: `bench-${randomBytes(4).toString('hex')}`,
      EDGE_PURGE_URL: `${varnish.origin}/`, DATA_DIR: dirs[0]!, MEDIA_DIR: dirs[1]!,
    };
    processes.push(await startDatelineProcess('A', portA, site));
    const email = 'bench-scale@bench.test';
    const password = 'bench scale editor password';
    addStaffWithCli(site, email, password);
    processes.push(await startDatelineProcess('B', portB, site));
    const [a, b] = processes as [DatelineProcess, DatelineProcess];
    const editor = await signInNewsroom(a.origin, email, password);

    options.log(`  measuring cross-process publish-to-visible (${options.publishes} publishes in A)`);
    const times: Record<Where | 'publish request', number[]> = { 'publish request': [], 'B article': [], 'B home': [], 'Varnish article': [], 'Varnish home': [] };
    let articlePath = '';
    for (let i = 0; i < options.publishes; i++) {
      const headline = `Cross process bench story ${i} ${randomBytes(3).toString('hex')}`;
      const id = await editor.createArticle(a.origin, headline);
      // The pages a reader would have open, warm in both caches before the publish.
      await Promise.all([bodyOf(`${b.origin}/`), bodyOf(`${varnish.origin}/`)]);
      const { requestedAt, respondedAt } = await editor.act(a.origin, id, 'publish', { headline });
      times['publish request'].push(respondedAt - requestedAt);
      const slug = (await sql.query<{ slug: string }>('SELECT slug FROM articles WHERE id = $1', [id])).rows[0]!.slug;
      articlePath = `/article/${slug}`;
      const checks: Record<Where, string> = {
        'B article': `${b.origin}${articlePath}`, 'B home': `${b.origin}/`, 'Varnish article': `${varnish.origin}${articlePath}`, 'Varnish home': `${varnish.origin}/`,
      };
      await Promise.all((Object.entries(checks) as [Where, string][]).map(async ([where, url]) => {
        const seen = await until(`${where} (${url})`, async () => (await bodyOf(url)).includes(headline));
        times[where].push(seen - requestedAt);
      }));
    }
    const figures: Figure[] = Object.entries(times).map(([where, values]) => ({
      name: where === 'publish request' ? `2 processes: publish request in A (${values.length} publishes)` : `2 processes: publish in A → visible on ${where} (${values.length} publishes)`,
      value: percentile(values, 50), unit: 'ms', p50: percentile(values, 50), p99: percentile(values, 99),
    }));

    // Warm throughput: the last story's page, through Varnish and straight from B (its page cache).
    const direct = await options.measure.throughput('2 processes: article from B, warm (br)', b.origin, [articlePath], null);
    figures.push(await options.measure.throughput('2 processes: article through Varnish, warm', varnish.origin, [articlePath], null));
    figures.push(direct);
    return figures;
  } finally {
    await Promise.allSettled(processes.map((p) => p.stop()));
    await varnish?.stop();
    await sql?.end();
    await db?.drop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}
