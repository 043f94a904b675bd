/**
 * `npm run bench [-- --quick] [-- --stories N] [-- --db sqlite|postgres|both]`: builds a corpus of N stories,
 * starts Dateline on it, loads it from a separate pinned process, measures nginx serving the same bytes as the
 * reference, stops everything it started, prints one table and writes bench/results/latest.json. With
 * `--db postgres` or `both`, the corpus is also copied into a fresh PostgreSQL schema and every database figure
 * is measured on both engines, side by side. `--scale` adds two processes behind Varnish (bench/cross-process.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStorage } from '../src/main/storage.js';
import { prepareCorpusDb, samplePaths } from './bench-corpus-db.js';
import { describeOptionalCorpora } from './corpus.js';
import { loadCorpusIntoPostgres } from './bench-postgres.js';
import { measureEngine, type Engine } from './engine-figures.js';
import { measureCrossProcess } from './cross-process.js';
import { measureImport } from './import-throughput.js';
import { measureWordPressImport } from './wordpress-import.js';
import { measureGhostImport } from './ghost-import.js';
import { measureTopicJob } from './topic-suggestion-job.js';
import { measureImportWhileServing } from './import-while-serving.js';
import { measureOldUrlCost } from './old-url-cost.js';
import { measurePhotoVariants } from './photo-variants.js';
import { measureWireIngest } from './wire-ingest.js';
import { measureArabicSearch } from './arabic-search.js';
import { measureReaderMail } from './reader-mail.js';
import { hasCommand, loadTool } from './load.js';
import { nginxAvailable } from './nginx-reference.js';
import { printComparison, printTable, type Figure } from './report.js';
import { createMeasurer } from './measure.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, 'corpus-only': { type: 'boolean', default: false }, stories: { type: 'string' }, shared: { type: 'string' }, db: { type: 'string', default: 'sqlite' }, scale: { type: 'boolean', default: false } } });
const quick = values.quick ?? false;
if (!['sqlite', 'postgres', 'both'].includes(values.db ?? '')) throw new Error(`--db must be sqlite, postgres or both, got ${values.db}`);
// PostgreSQL figures are always shown beside SQLite's: on their own they say little on a machine whose speed drifts.
const engines: Engine[] = values.db === 'sqlite' ? ['sqlite'] : ['sqlite', 'postgres'];
const stories = Number(values.stories ?? (quick ? 2000 : 100_000));
if (!Number.isInteger(stories) || stories < 100) throw new Error(`--stories must be a whole number of at least 100, got ${values.stories}`);
// Optional corpora whose licences keep them out of the repository (bench/README.md): --shared DIR, else bench/data/shared (git-ignored).
const sharedDir = values.shared ?? join(root, 'bench/data/shared');
const settings = { seconds: quick ? 3 : 10, warmupSeconds: quick ? 1 : 3, repeats: quick ? 1 : 3, connections: 32, samples: quick ? 200 : 1000 };
const SERVER_CPU = '0';
const LOAD_CPU = '1';
const log = (line: string) => process.stderr.write(`${line}\n`);

function ensureTools(): void {
  const missing = [hasCommand('wrk') ? null : 'wrk', nginxAvailable() ? null : 'nginx-light', nginxAvailable() ? null : 'libnginx-mod-http-brotli-static'].filter(Boolean) as string[];
  if (missing.length === 0 || process.getuid?.() !== 0 || !hasCommand('apt-get')) return;
  log(`installing ${missing.join(', ')} from Debian`);
  const install = () => execFileSync('apt-get', ['install', '-y', '-qq', ...missing], { stdio: 'ignore', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  try {
    install();
  } catch {
    try {
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
      install();
    } catch (error) {
      log(`could not install ${missing.join(', ')} (${(error as Error).message.split('\n')[0]}): using autocannon and no nginx reference`);
    }
  }
}

ensureTools();
const machine = { cpu: cpus()[0]?.model ?? 'unknown', cores: cpus().length, memoryGb: Math.round(totalmem() / 2 ** 30), node: process.version, kernel: release(), loadTool: loadTool(), pinned: hasCommand('taskset') };
log(`bench: ${stories} stories on ${engines.join(' and ')}, ${settings.repeats}×${settings.seconds}s per figure, ${settings.connections} connections, warm-up ${settings.warmupSeconds}s, load by ${machine.loadTool}${machine.pinned ? ` (server on CPU ${SERVER_CPU}, load on CPU ${LOAD_CPU})` : ''}`);

for (const line of describeOptionalCorpora(sharedDir)) log(line);
const corpus = await prepareCorpusDb(root, sharedDir, stories, log);
if (values['corpus-only']) process.exit(0);
const sqliteUrl = `sqlite:${corpus.path}`;
const storage = await openStorage(sqliteUrl);
const samples = await samplePaths(storage, corpus.real, settings.samples);
await storage.close();
// Loaded before the SQLite run, which publishes into its working copy.
const postgres = engines.includes('postgres') ? await loadCorpusIntoPostgres(corpus.path, log) : null;
const measure = createMeasurer({ settings, loadCpu: LOAD_CPU, log });
const reference: { value: number | null; measured: boolean; workDir: string } = { value: null, measured: false, workDir: mkdtempSync(join(tmpdir(), 'dateline-bench-')) };
const byEngine: Partial<Record<Engine, Figure[]>> = {};
try {
  for (const engine of engines) {
    const databaseUrl = engine === 'postgres' ? postgres!.url : sqliteUrl;
    byEngine[engine] = await measureEngine({ engine, databaseUrl, root, stories, quick, samples, real: corpus.real, measure, serverCpu: SERVER_CPU, log, reference });
  }
} finally {
  await postgres?.drop();
}
if (postgres) {
  byEngine.postgres!.unshift(
    { name: `load into PostgreSQL: dateline copy (${postgres.rows.toLocaleString('en-US')} rows + search index)`, value: postgres.copyMs / 1000, unit: 's' },
    { name: 'load into PostgreSQL: ANALYZE', value: postgres.analyzeMs / 1000, unit: 's' },
  );
}

const shared: Figure[] = [];
const importRates = await measureImport(corpus.real, quick ? 50 : 300);
shared.push({ name: 'import: text capture, parse only', value: importRates.parsePerSecond, unit: 'stories/s' });
shared.push({ name: 'import: text capture, parse + topics + store', value: importRates.importPerSecond, unit: 'stories/s' });
const wordpressPosts = quick ? 5_000 : 100_000;
log(`  measuring a WordPress import (${wordpressPosts.toLocaleString('en-US')} posts)`);
const wordpress = await measureWordPressImport(corpus.real, wordpressPosts, join(root, 'bench/data'), log);
shared.push({ name: `import ${wordpressPosts.toLocaleString('en-US')} WordPress posts (WXR, ${Math.round(wordpress.megabytes)} MB; dateline import, stored without topics)`, value: wordpress.postsPerSecond, unit: 'stories/s', detail: `${wordpress.seconds.toFixed(1)} s, ${(wordpress.cpuSeconds ?? 0).toFixed(1)} CPU s` });
shared.push({ name: `import ${wordpressPosts.toLocaleString('en-US')} WordPress posts: peak memory of the import process`, value: wordpress.peakRssMb, unit: 'MB' });
const ghostPosts = quick ? 5_000 : 100_000;
log(`  measuring a Ghost import (${ghostPosts.toLocaleString('en-US')} posts)`);
const ghost = await measureGhostImport(corpus.real, ghostPosts, join(root, 'bench/data'), log);
shared.push({ name: `import ${ghostPosts.toLocaleString('en-US')} Ghost posts (JSON, ${Math.round(ghost.megabytes)} MB; dateline import, stored without topics)`, value: ghost.postsPerSecond, unit: 'stories/s', detail: `${ghost.seconds.toFixed(1)} s, peak ${Math.round(ghost.peakRssMb)} MB` });
// The topics an import queues, worked by the background job (worker threads running the tagger) to an empty queue.
const topicStories = quick ? 300 : 2_000;
for (const threads of quick ? [1] : [1, 2]) {
  log(`  measuring the topic suggestion job (${topicStories} stories, ${threads} ${threads === 1 ? 'thread' : 'threads'})`);
  const topicJob = await measureTopicJob(corpus.real, topicStories, threads);
  shared.push({ name: `topic suggestion job: imported stories to suggested topics (${topicStories} stories, ${threads} ${threads === 1 ? 'thread' : 'threads'})`, value: topicJob.storiesPerSecond, unit: 'stories/s', detail: `${topicJob.topicsPerStory.toFixed(1)} topics a story; thread start included` });
}
log('  measuring photo variants');
const photo = await measurePhotoVariants();
shared.push({ name: `photo upload to variants (${photo.megapixels} MP JPEG, 4 widths × WebP + JPEG)`, value: photo.medianMs, unit: 'ms' });
log('  measuring wire ingest');
const wireItems = quick ? 2_000 : 10_000;
const wireIngest = await measureWireIngest({ items: wireItems, sharedDir });
shared.push({
  name: `wire ingest: ninjs parse + dedup + cluster + store (${wireIngest.items} real items, ${wireIngest.clusters} clusters)`, value: wireIngest.itemsPerSecond, unit: 'items/s',
  detail: `cold: the process's first ingest; ${(wireIngest.cpuSeconds * 1e6 / wireIngest.items).toFixed(0)} µs CPU per item`,
});
shared.push({
  name: `wire ingest, steady state: the same ${wireIngest.steady.items} items into a fresh database after warm-up`, value: wireIngest.steady.itemsPerSecond, unit: 'items/s',
  detail: `${(wireIngest.steady.cpuSeconds * 1e6 / wireIngest.steady.items).toFixed(0)} µs CPU per item`,
});
if (corpus.bulkItemsPerSecond) shared.push({ name: 'bulk load (corpus build)', value: corpus.bulkItemsPerSecond, unit: 'stories/s' });
shared.push(...await measureArabicSearch({ root, sharedDir, quick, log }));
// --scale: two processes on PostgreSQL + Redis behind Varnish (bench/cross-process.ts); needs all three, so never in --quick alone.
if (values.scale) shared.push(...await measureCrossProcess({ publishes: quick ? 20 : 100, measure, log }));

// Issue 16: a digest and a breaking-news alert to N subscribers, sent by `dateline deliver` while warm pages are served.
const subscribers = quick ? 10_000 : 100_000;
log(`  measuring reader mail and push (${subscribers.toLocaleString('en-US')} subscribers)`);
shared.push(...await measureReaderMail({ root, databaseUrl: sqliteUrl, articlePath: samples.articles[0]!, real: corpus.real, subscribers, measure, serverCpu: SERVER_CPU, loadCpu: LOAD_CPU, log }));
// Issue 17: the site serving while a WordPress import writes into its database (1,000,000 posts, stopped after 120 s;
// 20,000 with --quick, stopped once the first page is served and one load sample is taken), and old links' cost.
const importPosts = quick ? 20_000 : 1_000_000;
log(`  measuring a WordPress import of ${importPosts.toLocaleString('en-US')} posts while the site serves`);
const serving = { root, databaseUrl: sqliteUrl, articlePath: samples.articles[0]!, real: corpus.real, measure, serverCpu: SERVER_CPU, loadCpu: LOAD_CPU, log };
shared.push(...await measureImportWhileServing({ ...serving, posts: importPosts, limitSeconds: quick ? null : 120 }));
log('  measuring old links (100,000 old_urls rows)');
shared.push(...await measureOldUrlCost({ ...serving, rows: 100_000, rounds: quick ? 1 : 2 }));
const figures = [...(byEngine.sqlite ?? []), ...shared];
if (byEngine.postgres) printComparison(byEngine.sqlite ?? [], byEngine.postgres, shared, { stories, machine, settings });
else printTable(figures, { stories, machine, settings });
mkdirSync(join(root, 'bench/results'), { recursive: true });
const engineFigures = byEngine.postgres ? { engines: { sqlite: byEngine.sqlite, postgres: byEngine.postgres } } : {};
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify({ machine, stories, date: new Date().toISOString(), settings, figures, ...engineFigures }, null, 2) + '\n');
log('wrote bench/results/latest.json');
