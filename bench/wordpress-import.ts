/**
 * @module Import throughput of a WordPress export (WXR) built from the bench corpus, through the real command
 * (`dateline import --from wordpress FILE --json`, a process of its own from dist/): the streaming reader, the body
 * conversion and the batched store, without topic suggestion. `npx tsx bench/wordpress-import.ts [POSTS]` runs it alone
 * (100,000 posts unless given; run `npm run build` first).
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { slugify } from '../src/core/shared/slug.js';
import { openStorage } from '../src/main/storage.js';
import { benchScratch, sampleProcess, stopChild, track } from './child-processes.js';
import { loadRealArticles, type RealArticle } from './corpus.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

const cdata = (text: string): string => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One post as WordPress 6 writes it: Gutenberg paragraphs, a category, tags, dates in GMT, a permalink. */
function wxrItem(story: RealArticle, i: number): string {
  const day = new Date(Date.UTC(2015, 0, 1) + i * 37 * 60_000);
  const date = day.toISOString().slice(0, 19).replace('T', ' ');
  const slug = `${slugify(story.headline)}-${i}`;
  const ymd = date.slice(0, 10).replaceAll('-', '/');
  const body = story.paragraphs.map((p) => `<!-- wp:paragraph -->\n<p>${escapeXml(p)}</p>\n<!-- /wp:paragraph -->`).join('\n\n');
  const category = story.category ?? 'News';
  const tags = story.tags.slice(0, 3).map((t) => `\n\t\t<category domain="post_tag" nicename="${escapeXml(slugify(t))}">${cdata(t)}</category>`).join('');
  return `
	<item>
		<title>${cdata(`${story.headline} ${i}`)}</title>
		<link>https://bench.example/${ymd}/${encodeURIComponent(slug)}/</link>
		<pubDate>${day.toUTCString().replace('GMT', '+0000')}</pubDate>
		<dc:creator>${cdata(`writer${i % 40}`)}</dc:creator>
		<guid isPermaLink="false">https://bench.example/?p=${i + 10}</guid>
		<description></description>
		<content:encoded>${cdata(body)}</content:encoded>
		<excerpt:encoded>${cdata('')}</excerpt:encoded>
		<wp:post_id>${i + 10}</wp:post_id>
		<wp:post_date>${cdata(date)}</wp:post_date>
		<wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>
		<wp:post_modified>${cdata(date)}</wp:post_modified>
		<wp:post_modified_gmt>${cdata(date)}</wp:post_modified_gmt>
		<wp:post_name>${cdata(encodeURIComponent(slug))}</wp:post_name>
		<wp:status>${cdata('publish')}</wp:status>
		<wp:post_type>${cdata('post')}</wp:post_type>
		<category domain="category" nicename="${escapeXml(slugify(category))}">${cdata(category)}</category>${tags}
	</item>`;
}

/** The old permalink the `i`-th post of writeCorpusWxr has, as a path (what a reader's old link asks the new site for). */
export function corpusWxrPermalink(real: RealArticle[], i: number): string {
  const usable = real.filter((s) => s.paragraphs.length > 0);
  const date = new Date(Date.UTC(2015, 0, 1) + i * 37 * 60_000).toISOString().slice(0, 10).replaceAll('-', '/');
  return `/${date}/${encodeURIComponent(`${slugify(usable[i % usable.length]!.headline)}-${i}`)}/`;
}

/** Writes `count` corpus stories as one WXR file, a chunk at a time (1,000,000 posts are about 2 GB, never in memory at once). */
export function writeCorpusWxr(real: RealArticle[], count: number, path: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n\t<title>Bench</title>\n\t<link>https://bench.example</link>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n\t<wp:base_site_url>https://bench.example</wp:base_site_url>\n`);
    const authors = Array.from({ length: 40 }, (_, k) => `\t<wp:author><wp:author_id>${k + 1}</wp:author_id><wp:author_login>${cdata(`writer${k}`)}</wp:author_login><wp:author_display_name>${cdata(`Writer ${k}`)}</wp:author_display_name></wp:author>\n`);
    writeSync(fd, authors.join(''));
    const usable = real.filter((s) => s.paragraphs.length > 0);
    for (let from = 0; from < count; from += 1_000) {
      const chunk: string[] = [];
      for (let i = from; i < Math.min(count, from + 1_000); i++) chunk.push(wxrItem(usable[i % usable.length]!, i));
      writeSync(fd, chunk.join(''));
    }
    writeSync(fd, '\n</channel>\n</rss>\n');
  } finally {
    closeSync(fd);
  }
}

export interface WordPressImportFigures {
  postsPerSecond: number;
  /** Wall time of the command, from spawn to exit (start-up included; the database was migrated beforehand). */
  seconds: number;
  megabytes: number;
  /** Peak resident memory (VmHWM) of the import process. */
  peakRssMb: number;
  /** CPU time (user + system) of the import process: on a shared machine steadier than its wall time. */
  cpuSeconds?: number;
}

/** The summary `dateline import --json` prints (the fields the benchmark reads). */
interface ImportSummary { imported: number; failed: number; redirects: number; errors: unknown[] }

/**
 * Runs `dateline import --from wordpress FILE --json` (or `--from ghost`, bench/ghost-import.ts) from dist/ on `databaseUrl` and waits for it: its summary, wall
 * time, peak memory (VmHWM) and CPU time (read every 50 ms while it runs; the last reading is within 50 ms of its end).
 */
export async function runWordPressImportCommand(file: string, databaseUrl: string, from: 'wordpress' | 'ghost' = 'wordpress'): Promise<{ summary: ImportSummary; seconds: number; peakRssMb: number; cpuSeconds: number }> {
  const started = performance.now();
  const child = track(spawn(process.execPath, [join(ROOT, 'bin/dateline.js'), 'import', '--from', from, file, '--json'], {
    env: { ...process.env, DATABASE_URL: databaseUrl, DEMO_CONTENT: 'off', LOG_LEVEL: 'warn' }, stdio: ['ignore', 'pipe', 'pipe'],
  }));
  let out = '';
  let err = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
  const sampler = sampleProcess(child.pid ?? 0);
  try {
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (c) => resolve(c));
    });
    const seconds = (performance.now() - started) / 1000;
    const line = out.trim().split('\n').pop() ?? '';
    if (!line.startsWith('{')) throw new Error(`dateline import exited with ${code} and no summary: ${err.trim().slice(-2000)}`);
    return { summary: JSON.parse(line) as ImportSummary, seconds, peakRssMb: sampler.peakRssMb(), cpuSeconds: sampler.cpuSeconds() };
  } finally {
    sampler.stop();
    await stopChild(child);
  }
}

/** Imports `count` posts into a fresh, migrated SQLite file with the real command (topic suggestion left for later, as archives are imported). */
export async function measureWordPressImport(real: RealArticle[], count: number, dir: string, log: (line: string) => void): Promise<WordPressImportFigures> {
  // A folder of this run's own: two runs at once (a bench and a check beside it) never remove each other's files.
  const work = benchScratch(dir, 'wordpress-import');
  const file = join(work, `wordpress-${count}.xml`);
  const db = join(work, 'import.db');
  try {
    writeCorpusWxr(real, count, file);
    // Migrated here, so the command's time is the import's, not the schema's creation.
    await (await openStorage(`sqlite:${db}`)).close();
    const megabytes = statSync(file).size / 1_048_576;
    log(`  wordpress import: ${count.toLocaleString('en-US')} posts (${Math.round(megabytes)} MB) through dateline import`);
    const run = await runWordPressImportCommand(file, `sqlite:${db}`);
    if (run.summary.imported !== count) throw new Error(`imported ${run.summary.imported} of ${count}: ${JSON.stringify(run.summary.errors.slice(0, 3))}`);
    log(`  wordpress import: ${(count / run.seconds).toFixed(0)} stories/s (${run.seconds.toFixed(1)} s, ${run.cpuSeconds.toFixed(1)} CPU s), import process peak ${run.peakRssMb.toFixed(0)} MB`);
    return { postsPerSecond: count / run.seconds, seconds: run.seconds, megabytes, peakRssMb: run.peakRssMb, cpuSeconds: run.cpuSeconds };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const posts = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(posts) || posts < 1) throw new Error(`usage: npx tsx bench/wordpress-import.ts [POSTS], got ${process.argv[2]}`);
  const figures = await measureWordPressImport(loadRealArticles(join(ROOT, 'bench/data/shared')), posts, join(ROOT, 'bench/data'), (line) => process.stderr.write(`${line}\n`));
  console.log(JSON.stringify({ posts, ...figures }));
}
