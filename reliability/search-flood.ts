/**
 * Row (f): an uncached search flood (every query different: real words from the corpus with a distinct page
 * cache key) from 32 connections on 127.0.2.1–127.0.2.8 (search-flooder.ts, its own process), while one reader on 127.0.0.2 reads random articles one
 * after another. The article latency is measured first alone, then beside the flood. The corpus is the benchmark's
 * (bench/bench-corpus-db.ts, cached under bench/data), copied so nothing here changes it.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareCorpusDb, samplePaths } from '../bench/bench-corpus-db.js';
import { openStorage } from '../src/main/storage.js';
import { freePort } from '../test/support/free-port.js';
import { httpRequest, log, ms, percentile, root, sleep, startServer, stopServer, type Row, type ScenarioContext } from './support.js';

const FLOOD_CONNECTIONS = 32;

/** Reads random articles one at a time for `seconds`; returns the latencies of 200s and the count of the rest. */
async function readArticles(origin: string, paths: string[], seconds: number): Promise<{ latencies: number[]; failed: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const latencies: number[] = [];
  let failed = 0;
  const until = performance.now() + seconds * 1000;
  for (let i = 0; performance.now() < until; i++) {
    const t0 = performance.now();
    const res = await httpRequest(`${origin}${paths[i % paths.length]}`, { localAddress: '127.0.0.2', agent, timeoutMs: 10_000 }).catch(() => null);
    if (res?.status === 200) latencies.push(performance.now() - t0);
    else failed += 1;
  }
  agent.destroy();
  return { latencies, failed };
}

/** Starts the flooder process; resolves with its search latencies and answers once its time is up. */
function flood(origin: string, searches: string[], seconds: number): Promise<{ latencies: number[]; statuses: Record<string, number> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'reliability/search-flooder.ts'), origin, String(seconds), String(FLOOD_CONNECTIONS)], { stdio: ['pipe', 'pipe', 'inherit'], cwd: root });
  child.stdin!.end(JSON.stringify(searches));
  let out = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
  });
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(out) as { latencies: number[]; statuses: Record<string, number> }) : reject(new Error(`search flooder exited with ${code}`))));
  });
}

export async function searchFlood(context: ScenarioContext): Promise<Row[]> {
  const scenario = '(f) uncached search flood';
  const stories = context.quick ? 2_000 : 20_000;
  const seconds = context.quick ? 5 : 15;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-reliability-search-'));
  try {
    const corpus = await prepareCorpusDb(root, join(root, 'bench/data/shared'), stories, log);
    const path = join(dir, 'dateline.db');
    copyFileSync(corpus.path, path);
    const storage = await openStorage(`sqlite:${path}`);
    const samples = await samplePaths(storage, corpus.real, 500);
    await storage.close();
    const server = await startServer('search', await freePort(), { ...context.serverEnv, DATABASE_URL: `sqlite:${path}`, DATA_DIR: dir, MEDIA_DIR: join(dir, 'media') });
    log(`  (f) ${stories} stories; articles alone for ${seconds} s, then beside ${FLOOD_CONNECTIONS} search connections`);
    // One pass first, so the baseline and the flood run read the same (page-cached) articles.
    await readArticles(server.origin, samples.articles, 2);
    const alone = await readArticles(server.origin, samples.articles, seconds);
    // The flooder gets a second to start (tsx) before the reader starts timing; both then run for `seconds`.
    const searching = flood(server.origin, samples.searches, seconds + 1);
    await sleep(1000);
    const beside = await readArticles(server.origin, samples.articles, seconds);
    const searched = await searching;
    await stopServer(server);
    const total = Object.values(searched.statuses).reduce((a, b) => a + b, 0);
    const p = (values: number[]) => `p50 ${ms(percentile(values, 50))}, p99 ${ms(percentile(values, 99))}`;
    return [
      { scenario, figure: 'article p50 / p99, alone', value: `${ms(percentile(alone.latencies, 50))} / ${ms(percentile(alone.latencies, 99))}`, note: `${alone.latencies.length} reads in ${seconds} s, ${alone.failed} failed; ${stories.toLocaleString('en-US')} stories, page cache on` },
      { scenario, figure: 'article p50 / p99, beside the flood', value: `${ms(percentile(beside.latencies, 50))} / ${ms(percentile(beside.latencies, 99))}`, note: `${beside.latencies.length} reads, ${beside.failed} failed` },
      { scenario, figure: 'searches answered', value: `${Math.round(total / (seconds + 1))} /s`, note: `${Object.entries(searched.statuses).map(([s, n]) => `${s} ×${n}`).join(', ')}; 200s ${p(searched.latencies)}; ${FLOOD_CONNECTIONS} connections from 127.0.2.1–8 in their own process` },
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
