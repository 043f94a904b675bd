/** @module `dateline serve [--workers N|auto]`: starts the site and prints its URL; stops cleanly on SIGINT/SIGTERM. */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config/config.js';
import { redactDatabaseUrl } from '../adapters/db/database-url.js';
import { serve } from '../main/serve.js';
import { UsageError } from './usage-error.js';
import { serveWorkers, WORKER_READY } from './serve-workers.js';

/** `auto` is one worker per core; null means no cluster (one process). */
export function parseWorkers(value: string | undefined, cores = availableParallelism()): number | null {
  if (value === undefined) return null;
  if (value === 'auto') return cores;
  if (!/^\d+$/.test(value) || Number(value) < 1 || Number(value) > 512) throw new UsageError(`--workers takes a number from 1 to 512 or "auto", not ${JSON.stringify(value)}`);
  return Number(value);
}

export async function serveCommand(args: string[] = []): Promise<number> {
  const { values } = parseArgs({ args, options: { workers: { type: 'string' } }, strict: true });
  const workers = parseWorkers(values.workers);
  const config = loadConfig(process.env);
  if (cluster.isPrimary && !process.env['SITE_URL'] && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    console.warn(`dateline: HOST=${config.host} but SITE_URL is not set: canonical links, feeds and short links will point at ${config.siteUrl}. Set SITE_URL to the public address.`);
  }
  if (workers !== null && cluster.isPrimary) return serveWorkers(config, workers);
  const started = Date.now();
  const server = await serve(config).catch((error: unknown) => {
    if (cluster.isPrimary) throw error;
    // The IPC channel would keep a failed worker alive; exit so the primary sees the failure and decides.
    console.error('dateline: worker failed to start:', error);
    process.exit(1);
  });
  if (cluster.isWorker) process.send?.(WORKER_READY);
  else console.log(`Dateline is running at ${server.url} (database ${redactDatabaseUrl(config.databaseUrl)}, ready in ${Date.now() - started} ms)`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  // A worker's IPC channel to the primary would keep it alive after the server closed.
  if (cluster.isWorker) cluster.worker?.disconnect();
  return 0;
}
