/**
 * @module `dateline serve --workers N`: one machine's cores through node:cluster. The primary prepares the
 * database once, then forks N workers that share the listening port (the primary hands out connections). A worker
 * that dies is forked again after a back-off that grows while it keeps dying; SIGTERM/SIGINT stop every worker
 * cleanly. With SQLite the workers share one database file safely (WAL, busy_timeout; page caches follow its
 * data_version); with PostgreSQL + Redis the same command runs on every machine behind a load balancer.
 * Connection caps (MAX_CONNECTIONS, MAX_CONNECTIONS_PER_ADDRESS, connection-guard.ts) are counted by each worker:
 * N workers hold up to N times as many, and the primary hands connections out round-robin, not by address.
 */
import cluster, { type Worker } from 'node:cluster';
import type { Config } from '../config/config.js';
import { firstAdminNotice, prepareDatabase } from '../main/prepare-database.js';

/** First restart after this long, doubling per quick death, up to the cap. */
const RESTART_BASE_MS = 250;
const RESTART_MAX_MS = 30_000;
/** A worker that lived this long was healthy: its next death restarts it at the base delay again. */
const HEALTHY_AFTER_MS = 30_000;

export const WORKER_READY = 'dateline:ready';

export function restartDelayMs(quickDeaths: number): number {
  return Math.min(RESTART_MAX_MS, RESTART_BASE_MS * 2 ** quickDeaths);
}

export async function serveWorkers(config: Config, count: number): Promise<number> {
  const firstAdmin = await prepareDatabase(config);
  if (firstAdmin) {
    process.stdout.write(firstAdminNotice(config.siteUrl, firstAdmin));
  }
  let stopping = false;
  let everyoneStarted = false;
  const ready = new Set<number>();
  const quickDeaths = new Array<number>(count).fill(0);
  const timers = new Set<NodeJS.Timeout>();
  let finish: (code: number) => void = () => {};
  const finished = new Promise<number>((resolve) => { finish = resolve; });

  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const timer of timers) clearTimeout(timer);
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    if (alive.length === 0) finish(code);
    for (const worker of alive) worker.process.kill('SIGTERM');
    cluster.on('exit', () => {
      if (Object.values(cluster.workers ?? {}).every((w) => !w || w.isDead())) finish(code);
    });
  };

  const fork = (slot: number) => {
    const startedAt = performance.now();
    // The topic suggestion job is CPU work: the first worker runs it, the others only serve.
    const worker = cluster.fork({ DATELINE_WORKER: String(slot + 1), ...(slot > 0 ? { TOPIC_SUGGESTION_THREADS: '0' } : {}) });
    worker.on('message', (message: unknown) => {
      if (message !== WORKER_READY) return;
      ready.add(slot);
      console.log(`dateline: worker ${slot + 1} ready (pid ${worker.process.pid})`);
      if (!everyoneStarted && ready.size === count) {
        everyoneStarted = true;
        console.log(`Dateline is running at ${config.siteUrl} with ${count} workers (primary pid ${process.pid})`);
      }
    });
    worker.on('exit', (code, signal) => {
      ready.delete(slot);
      if (stopping) return;
      if (!everyoneStarted) {
        // Failing before the site ever came up is a setup problem (port taken, bad config): restarting would loop.
        console.error(`dateline: worker ${slot + 1} failed to start (${signal ?? `code ${code}`}); stopping`);
        stopAll(1);
        return;
      }
      quickDeaths[slot] = performance.now() - startedAt < HEALTHY_AFTER_MS ? (quickDeaths[slot] ?? 0) + 1 : 0;
      const delay = restartDelayMs((quickDeaths[slot] ?? 1) - 1);
      console.error(`dateline: worker ${slot + 1} (pid ${worker.process.pid}) exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`);
      const timer = setTimeout(() => { timers.delete(timer); fork(slot); }, delay);
      timers.add(timer);
    });
  };

  for (let slot = 0; slot < count; slot++) fork(slot);
  process.once('SIGINT', () => stopAll(0));
  process.once('SIGTERM', () => stopAll(0));
  return finished;
}
