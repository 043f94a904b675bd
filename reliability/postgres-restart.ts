/**
 * Row (b, restart): PostgreSQL restarted (`pg_ctl stop -m fast` then start, what `pg_ctlcluster … restart` does) while
 * Dateline takes publishes and pushes. A private cluster is used, so the shared test server on 5432 is never touched.
 * Counts acknowledged writes lost, how requests were answered while the database was away, and how long until the
 * same Dateline process (not restarted) acknowledged a write again.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signInNewsroom } from '../test/support/dateline-cluster.js';
import { freePort } from '../test/support/free-port.js';
import { postgresBinariesMissingReason, startPrivatePostgres } from '../test/support/private-postgres.js';
import { countLost, newTally, startLoad } from './kill-loop.js';
import { log, ms, ninjsDocument, prepareSite, sleep, STAFF, startServer, type Row, type ScenarioContext } from './support.js';

/** How the failed requests were answered: "503 ×12, connection error ×1". */
function answers(unexpected: string[]): string {
  const counts = new Map<string, number>();
  for (const line of unexpected) {
    const status = /(?:failed: |: )(\d{3})\b/.exec(line)?.[1] ?? 'no answer';
    counts.set(status, (counts.get(status) ?? 0) + 1);
  }
  return [...counts].map(([status, n]) => `${status} ×${n}`).join(', ') || 'none';
}

export async function postgresRestart(context: ScenarioContext): Promise<Row[]> {
  const scenario = '(b) PostgreSQL restart';
  const missing = postgresBinariesMissingReason();
  if (missing) return [{ scenario, figure: 'skipped', value: '-', note: missing }];
  const dir = mkdtempSync(join(tmpdir(), 'dateline-reliability-pgr-'));
  const postgres = await startPrivatePostgres();
  try {
    const site = { ...context.serverEnv, DATABASE_URL: postgres.url, DATA_DIR: dir, MEDIA_DIR: join(dir, 'media') };
    const push = prepareSite(site);
    const server = await startServer('pg-restart', await freePort(), site);
    const client = await signInNewsroom(server.origin, STAFF.email, STAFF.password);
    const restarts = context.quick ? 1 : 3;
    const tally = newTally();
    const recoveries: number[] = [];
    const downs: number[] = [];
    log(`  (b) PostgreSQL: ${restarts} restarts under load`);
    for (let i = 0; i < restarts; i++) {
      const load = startLoad(server, client, push, i, tally);
      await sleep(1500);
      const stoppedAt = performance.now();
      postgres.stop();
      postgres.start();
      downs.push(performance.now() - stoppedAt);
      // The same process, not restarted: how long until it acknowledges a push again.
      for (let attempt = 0; attempt < 600; attempt++) {
        const res = await fetch(`${server.origin}/wire/push/${push.slug}`, {
          method: 'POST', headers: { authorization: `Bearer ${push.token}`, 'content-type': 'application/json' }, body: ninjsDocument(`restart-${i}-${attempt}`),
        }).catch(() => null);
        if (res?.status === 202) {
          for (const id of ((await res.json()) as { itemIds: string[] }).itemIds) tally.acknowledged.pushed.add(id);
          recoveries.push(performance.now() - stoppedAt);
          break;
        }
        await sleep(50);
      }
      await sleep(1500);
      await load.stop();
    }
    const alive = server.isRunning();
    await server.stop('SIGTERM');
    const lost = await countLost(postgres.url, tally.acknowledged);
    const { created, published, pushed } = tally.acknowledged;
    return [
      { scenario, figure: 'restarts; Dateline process still up after', value: `${restarts}; ${alive ? 'yes' : 'no'}`, note: `database down ${downs.map(ms).join(', ')}; first acknowledged push after ${recoveries.map(ms).join(', ')} (from the stop)` },
      { scenario, figure: 'acknowledged writes lost', value: String(lost.createdLost + lost.publishedLost + lost.pushedLost), note: `of ${created.size} creates, ${published.size} publishes, ${pushed.size} pushes` },
      { scenario, figure: 'requests refused during restarts', value: String(tally.unexpected.length), note: `${answers(tally.unexpected)}${tally.unexpected.some((u) => !/\b503\b/.test(u)) ? `; e.g. ${tally.unexpected.find((u) => !/\b503\b/.test(u))!.slice(0, 140)}` : ''}` },
    ];
  } finally {
    postgres.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
