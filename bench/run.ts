/**
 * `npm run bench [-- --quick] [-- --stories N]`: builds a corpus of N stories, starts Dateline on it,
 * loads it from a separate pinned process, measures nginx serving the same bytes as the reference,
 * stops everything it started, prints one table and writes bench/results/latest.json.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { cpus, release, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { openStorage } from '../src/main/storage.js';
import { prepareCorpusDb, samplePaths } from './bench-corpus-db.js';
import { freePort, startDateline } from './dateline-server.js';
import { measureImport } from './import-throughput.js';
import { measureNewsroomPublish } from './newsroom-publish.js';
import { measurePhotoVariants } from './photo-variants.js';
import { hasCommand, loadTool } from './load.js';
import { nginxAvailable } from './nginx-reference.js';
import { measurePublishToVisible, percentile } from './publish-to-visible.js';
import { makeCorpusStory } from './corpus.js';
import { printTable, type Figure } from './report.js';
import { createMeasurer, fetchStatic, transferSize } from './measure.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false }, 'corpus-only': { type: 'boolean', default: false }, stories: { type: 'string' }, shared: { type: 'string' } } });
const quick = values.quick ?? false;
const stories = Number(values.stories ?? (quick ? 2000 : 100_000));
if (!Number.isInteger(stories) || stories < 100) throw new Error(`--stories must be a whole number of at least 100, got ${values.stories}`);
const sharedDir = values.shared ?? join(root, '..', 'shared');
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
log(`bench: ${stories} stories, ${settings.repeats}×${settings.seconds}s per figure, ${settings.connections} connections, warm-up ${settings.warmupSeconds}s, load by ${machine.loadTool}${machine.pinned ? ` (server on CPU ${SERVER_CPU}, load on CPU ${LOAD_CPU})` : ''}`);

const figures: Figure[] = [];
const corpus = await prepareCorpusDb(root, sharedDir, stories, log);
if (values['corpus-only']) process.exit(0);
const databaseUrl = `sqlite:${corpus.path}`;
const storage = await openStorage(databaseUrl);
const samples = await samplePaths(storage, corpus.real, settings.samples);
const measure = createMeasurer({ settings, loadCpu: LOAD_CPU, log });
const workDir = mkdtempSync(join(tmpdir(), 'dateline-bench-'));

// Warm: the page cache on.
const warm = await startDateline({ root, databaseUrl, port: await freePort(), pageCache: true, cpus: SERVER_CPU });
figures.push({ name: `start-up at ${stories} stories`, value: warm.startupMs, unit: 'ms' });
const articlePath = samples.articles[0]!;
const reference = await measure.reference(workDir, [await fetchStatic(warm.origin, articlePath)], articlePath, 3302, SERVER_CPU);
if (reference) figures.push(reference.figure);
const ref = reference?.requestsPerSecond ?? null;
figures.push(await measure.throughput('article, warm (br)', warm.origin, [articlePath], ref));
figures.push(await measure.throughput('article, warm (gzip)', warm.origin, [articlePath], ref, 'gzip'));
figures.push(await measure.throughput('home, warm', warm.origin, ['/'], ref));
figures.push(await measure.throughput('section, warm', warm.origin, samples.sections, ref));
figures.push(await measure.throughput('topic, warm', warm.origin, samples.topics.slice(0, 50), ref));
figures.push(await measure.throughput('RSS feeds, warm (home + sections)', warm.origin, ['/feed.xml', ...samples.sections.map((s) => `${s}/feed.xml`)], ref));
figures.push(await measure.throughput('news sitemap, warm', warm.origin, ['/news-sitemap.xml'], ref));
figures.push(await measure.throughput('search (random words and phrases)', warm.origin, samples.searches, ref, 'br', true));
log('  measuring memory and transfer sizes');
figures.push({ name: `peak RSS under load at ${stories} stories`, value: warm.peakRssMb(), unit: 'MB' });
figures.push(await transferSize('article page transfer (HTML+CSS+JS, br)', warm.origin, articlePath));
figures.push(await transferSize('home page transfer (HTML+CSS+JS, br)', warm.origin, '/'));

log('  measuring publish-to-visible');
const publishes = quick ? 20 : 100;
const visible = await measurePublishToVisible(storage, warm.origin, (i) => {
  const now = new Date();
  return {
    ...makeCorpusStory(i, corpus.real, ['Bench Topic'], now, Math.random, new Set()),
    id: `ptv-${now.getTime()}-${i}`, slug: `publish-to-visible-${now.getTime()}-${i}`, shortCode: `pv${String(i).padStart(5, '0')}`,
    revisionId: `ptv-rev-${now.getTime()}-${i}`, section: { slug: 'world', name: 'World' }, firstPublishedAt: now, updatedAt: now,
  };
}, publishes);
for (const [where, times] of Object.entries(visible)) {
  figures.push({ name: `publish-to-visible: ${where} (${publishes} publishes)`, value: percentile(times, 50), unit: 'ms', p50: percentile(times, 50), p99: percentile(times, 99) });
}
log('  measuring newsroom publish-to-visible');
const newsroomTimes = await measureNewsroomPublish(storage, warm.origin, quick ? 10 : 50);
for (const [where, times] of Object.entries(newsroomTimes)) {
  const name = where === 'publish' ? 'newsroom publish request (HTTP, sign-in session)' : `newsroom publish-to-visible: ${where}`;
  figures.push({ name: `${name} (${newsroomTimes.publish.length} publishes)`, value: percentile(times, 50), unit: 'ms', p50: percentile(times, 50), p99: percentile(times, 99) });
}
await warm.stop();

// Cold: the page cache off, every request renders and queries.
const cold = await startDateline({ root, databaseUrl, port: await freePort(), pageCache: false, cpus: SERVER_CPU });
figures.push(await measure.throughput('article, cold (random stories)', cold.origin, samples.articles, ref, 'br', true));
figures.push(await measure.throughput('home, cold', cold.origin, ['/'], ref, 'br', true));
figures.push(await measure.throughput('section, cold', cold.origin, samples.sections, ref, 'br', true));
figures.push(await measure.throughput('topic, cold', cold.origin, samples.topics, ref, 'br', true));
await cold.stop();
await storage.close();

const importRates = await measureImport(corpus.real, quick ? 50 : 300);
figures.push({ name: 'import: text capture, parse only', value: importRates.parsePerSecond, unit: 'stories/s' });
figures.push({ name: 'import: text capture, parse + topics + store', value: importRates.importPerSecond, unit: 'stories/s' });
log('  measuring photo variants');
const photo = await measurePhotoVariants();
figures.push({ name: `photo upload to variants (${photo.megapixels} MP JPEG, 4 widths × WebP + JPEG)`, value: photo.medianMs, unit: 'ms' });
if (corpus.bulkItemsPerSecond) figures.push({ name: 'bulk load (corpus build)', value: corpus.bulkItemsPerSecond, unit: 'stories/s' });

printTable(figures, { stories, machine, settings });
mkdirSync(join(root, 'bench/results'), { recursive: true });
writeFileSync(join(root, 'bench/results/latest.json'), JSON.stringify({ machine, stories, date: new Date().toISOString(), settings, figures }, null, 2) + '\n');
log('wrote bench/results/latest.json');
