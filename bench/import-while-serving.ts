/**
 * @module Issue 17's "time to first-served page after starting an import": a Dateline server serves a copy of the bench
 * database while `dateline import --from wordpress FILE` (the real command from dist/, a process of its own) imports a
 * generated WXR file of N posts into the same database. Measured: seconds from starting the command until the first
 * imported story answers 200 on the server (found through its old permalink's 301), warm article req/s while the
 * import writes against before and after it, and the import's stories/s over the part that ran (stopped after a
 * bounded time; 1,000,000 posts would take longer than a benchmark should).
 *
 * `npx tsx bench/import-while-serving.ts [--quick] [--posts N] [--seconds S]` runs it alone (with its old-link
 * figures from bench/old-url-cost.ts beside it: `--old-urls`); run `npm run build` first.
 */
import { spawn } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { openStorage } from '../src/main/storage.js';
import { prepareCorpusDb, samplePaths } from './bench-corpus-db.js';
import { benchScratch, sampleProcess, stopChild, track } from './child-processes.js';
import type { RealArticle } from './corpus.js';
import { freePort, startDateline } from './dateline-server.js';
import { hasCommand } from './load.js';
import { createMeasurer } from './measure.js';
import type { Figure } from './report.js';
import { corpusWxrPermalink, writeCorpusWxr } from './wordpress-import.js';

export interface ServingRun {
  root: string;
  /** sqlite:PATH of the bench database (corpus and demo editions): copied, never written. */
  databaseUrl: string;
  articlePath: string;
  real: RealArticle[];
  measure: ReturnType<typeof createMeasurer>;
  serverCpu: string;
  loadCpu: string;
  log: (line: string) => void;
}

export interface ImportWhileServingRun extends ServingRun {
  /** Posts in the generated export. */
  posts: number;
  /** The import is stopped this long after it started, unless it ends first; null stops it as soon as the figures are in. */
  limitSeconds: number | null;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DB_SUFFIXES = ['', '-wal', '-shm', '-reads', '-readers'];

export function sqlitePathOf(databaseUrl: string): string {
  if (!databaseUrl.startsWith('sqlite:') || databaseUrl === 'sqlite::memory:') throw new Error(`a SQLite file is needed, got ${databaseUrl}`);
  return databaseUrl.slice('sqlite:'.length);
}

/** A private copy of a SQLite database (VACUUM INTO reads through its WAL), so a bench may write to it freely. */
export function copySqliteDatabase(databaseUrl: string, to: string): string {
  for (const suffix of DB_SUFFIXES) rmSync(to + suffix, { force: true });
  const source = new Database(sqlitePathOf(databaseUrl), { readonly: true });
  try {
    source.prepare('VACUUM INTO ?').run(to);
  } finally {
    source.close();
  }
  return `sqlite:${to}`;
}

function pinnedTo(cpus: string, command: string[]): [string, string[]] {
  return hasCommand('taskset') ? ['taskset', ['-c', cpus, ...command]] : [command[0]!, command.slice(1)];
}

/**
 * `dateline import --from wordpress FILE` pinned to the load core at normal priority, as an editor would run it: the
 * server's core stays the server's, and the load generator shares its core with the import (at 32 connections half
 * a core is still more load than one server core answers). Not niced: on a machine shared with other work a niced
 * import measures the other work.
 */
function startImport(run: ImportWhileServingRun, file: string, databaseUrl: string) {
  const args = [process.execPath, join(run.root, 'bin/dateline.js'), 'import', '--from', 'wordpress', file, '--json'];
  // taskset execs node, so the child's pid is the node process's.
  const child = track(spawn(...pinnedTo(run.loadCpu, args), {
    env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'ignore', 'pipe'],
  }));
  let err = '';
  child.stderr!.on('data', (d: Buffer) => (err = (err + d.toString()).slice(-4000)));
  const sampler = sampleProcess(child.pid ?? 0, 100);
  child.once('exit', () => sampler.stop());
  return {
    running: () => child.exitCode === null && child.signalCode === null,
    exitCode: () => child.exitCode,
    stderr: () => err.trim(),
    peakRssMb: () => sampler.peakRssMb(),
    cpuSeconds: () => sampler.cpuSeconds(),
    stop: async () => {
      sampler.stop();
      await stopChild(child);
    },
  };
}

/** Polls the old permalink until it answers 301 to a page that answers 200; returns that page's path. */
async function firstServedPage(origin: string, oldPath: string, give: { up: () => string | null }): Promise<string> {
  for (;;) {
    const reason = give.up();
    if (reason) throw new Error(reason);
    const old = await fetch(origin + oldPath, { redirect: 'manual' });
    await old.arrayBuffer();
    const location = old.status === 301 ? old.headers.get('location') : null;
    if (location) {
      const page = await fetch(new URL(location, origin), { redirect: 'manual' });
      await page.arrayBuffer();
      if (page.status === 200) return location;
    }
    await sleep(25);
  }
}

export async function measureImportWhileServing(run: ImportWhileServingRun): Promise<Figure[]> {
  const { log, measure, posts } = run;
  const work = benchScratch(join(run.root, 'bench/data'), 'import-while-serving');
  const dbPath = join(work, 'site.db');
  const file = join(work, `wordpress-${posts}.xml`);
  let server: Awaited<ReturnType<typeof startDateline>> | null = null;
  let importer: ReturnType<typeof startImport> | null = null;
  let storage: Awaited<ReturnType<typeof openStorage>> | null = null;
  try {
    const databaseUrl = copySqliteDatabase(run.databaseUrl, dbPath);
    const writing = performance.now();
    writeCorpusWxr(run.real, posts, file);
    const megabytes = statSync(file).size / 1_048_576;
    log(`  import while serving: ${posts.toLocaleString('en-US')}-post WXR (${Math.round(megabytes)} MB) written in ${((performance.now() - writing) / 1000).toFixed(1)} s (not timed)`);
    storage = await openStorage(databaseUrl);
    const before = await storage.articles.countPublished();
    const imported = async () => Number((await storage!.db.selectFrom('site_import_items').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    server = await startDateline({ root: run.root, databaseUrl, port: await freePort(), pageCache: true, cpus: run.serverCpu });
    const idleBefore = await measure.throughput('article, warm (br), no import (before)', server.origin, [run.articlePath], null);

    const started = performance.now();
    const elapsed = () => (performance.now() - started) / 1000;
    importer = startImport(run, file, databaseUrl);
    const firstWaitSeconds = Math.max(120, posts / 2_000);
    const newPath = await firstServedPage(server.origin, corpusWxrPermalink(run.real, 0), {
      up: () => {
        if (!importer!.running() && importer!.exitCode() !== 0) return `dateline import exited with ${importer!.exitCode()} before a story was served: ${importer!.stderr()}`;
        return elapsed() > firstWaitSeconds ? `no imported story served ${firstWaitSeconds} s after the import started` : null;
      },
    });
    const firstSeconds = elapsed();
    const importedAtFirst = await imported();
    log(`  import while serving: first imported story (${newPath}) served ${firstSeconds.toFixed(1)} s after the import started (${importedAtFirst} stored by then)`);

    const during = await measure.throughput('article, warm (br), while dateline import writes', server.origin, [run.articlePath], null);
    const stillRunning = importer.running();
    if (!stillRunning) log('  import while serving: the import ended before the load sample did');
    while (run.limitSeconds !== null && importer.running() && elapsed() < run.limitSeconds) {
      await sleep(5_000);
      log(`  import while serving: ${(await imported()).toLocaleString('en-US')} / ${posts.toLocaleString('en-US')} posts at ${elapsed().toFixed(0)} s`);
    }
    const finished = !importer.running() && importer.exitCode() === 0;
    const stopSeconds = elapsed();
    await importer.stop();
    const count = await imported();
    const importPeak = importer.peakRssMb();
    const importCpu = importer.cpuSeconds();
    if (!finished && count === 0) throw new Error(`dateline import stopped with nothing stored: ${importer.stderr()}`);
    const idleAfter = await measure.throughput('article, warm (br), no import (after)', server.origin, [run.articlePath], null);
    // The control: any busy process where the import ran (a shell spinning), to tell what a second busy process on the
    // load generator's core costs this 2-core machine from what the import's writes cost the server.
    const spinner = track(spawn(...pinnedTo(run.loadCpu, ['sh', '-c', 'while :; do :; done']), { stdio: 'ignore' }));
    const control = await measure.throughput('article, warm (br), beside a busy process on the load core (control)', server.origin, [run.articlePath], null).finally(() => stopChild(spinner));
    const stored = (await storage.articles.countPublished()) - before;
    log(`  import while serving: ${count.toLocaleString('en-US')} posts (${stored.toLocaleString('en-US')} new published stories) in ${stopSeconds.toFixed(1)} s, ${finished ? 'finished' : 'stopped'}; import process peak ${importPeak.toFixed(0)} MB`);

    const idle = (idleBefore.value + idleAfter.value) / 2;
    const idleNote = `no import: ${idleBefore.value.toFixed(0)} req/s before, ${idleAfter.value.toFixed(0)} after`;
    const exportName = `${posts.toLocaleString('en-US')}-post WXR, ${Math.round(megabytes)} MB`;
    const afterFirst = (count - importedAtFirst) / Math.max(0.001, stopSeconds - firstSeconds);
    return [
      { name: `import while serving (${exportName}): first imported story served, from starting dateline import`, value: firstSeconds, unit: 's', detail: `${importedAtFirst.toLocaleString('en-US')} stored by then; the import reads the file in one pass, storing from its first batch` },
      { ...during, name: `article, warm (br), while dateline import writes (import on the load core): change from no import`, value: (during.value / idle - 1) * 100, unit: '%', detail: `${during.value.toFixed(0)} req/s${during.failures ? `, ${during.failures} failed` : ''}${stillRunning ? '' : ' (the import ended during the sample)'}; ${((during.value / control.value - 1) * 100).toFixed(1)} % against the control; ${idleNote}` },
      { ...control, name: 'article, warm (br), beside a busy process on the load core (control): change from no import', value: (control.value / idle - 1) * 100, unit: '%', detail: `${control.value.toFixed(0)} req/s; ${idleNote}` },
      { name: `import while serving: stories/s over the part that ran (${count.toLocaleString('en-US')} of ${posts.toLocaleString('en-US')} posts, ${finished ? 'finished' : 'stopped'} at ${stopSeconds.toFixed(0)} s)`, value: count / stopSeconds, unit: 'stories/s', detail: `${afterFirst.toFixed(0)} stories/s after the first page; import process ${importCpu.toFixed(1)} CPU s, peak ${importPeak.toFixed(0)} MB` },
    ];
  } finally {
    await importer?.stop();
    await server?.stop();
    await storage?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** What a bench of this kind needs when run alone: the corpus database (2,000 stories with --quick), an article path, a measurer. */
export async function standaloneServingRun(quick: boolean, stories: number): Promise<ServingRun> {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const corpus = await prepareCorpusDb(root, join(root, 'bench/data/shared'), stories, log);
  const storage = await openStorage(`sqlite:${corpus.path}`);
  const samples = await samplePaths(storage, corpus.real, 1);
  await storage.close();
  const settings = { seconds: quick ? 3 : 10, warmupSeconds: quick ? 1 : 3, repeats: quick ? 1 : 3, connections: 32 };
  return { root, databaseUrl: `sqlite:${corpus.path}`, articlePath: samples.articles[0]!, real: corpus.real, measure: createMeasurer({ settings, loadCpu: '1', log }), serverCpu: '0', loadCpu: '1', log };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, posts: { type: 'string' }, seconds: { type: 'string' }, stories: { type: 'string' } } });
  const quick = values.quick ?? false;
  const posts = Number(values.posts ?? (quick ? 20_000 : 1_000_000));
  const limit = values.seconds === undefined ? (quick ? null : 120) : Number(values.seconds);
  const base = await standaloneServingRun(quick, Number(values.stories ?? (quick ? 2000 : 100_000)));
  const started = performance.now();
  const figures = await measureImportWhileServing({ ...base, posts, limitSeconds: limit });
  for (const f of figures) console.log(`${f.name}: ${f.value.toFixed(1)} ${f.unit}${f.detail ? ` (${f.detail})` : ''}`);
  base.log(`measured in ${((performance.now() - started) / 1000).toFixed(1)} s (corpus set-up not counted)`);
}
