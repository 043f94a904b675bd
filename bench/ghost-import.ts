/**
 * @module Import throughput and peak memory of a Ghost JSON export built from the bench corpus, through the real command
 * (`dateline import --from ghost FILE --json`, a process of its own from dist/, run by bench/wordpress-import.ts's
 * runner): the two streaming passes over the file, the body conversion and the batched store, without topic suggestion.
 * `npx tsx bench/ghost-import.ts [POSTS]` runs it alone (100,000 posts unless given; run `npm run build` first).
 */
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { slugify } from '../src/core/shared/slug.js';
import { openStorage } from '../src/main/storage.js';
import { loadRealArticles, type RealArticle } from './corpus.js';
import { runWordPressImportCommand, type WordPressImportFigures } from './wordpress-import.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const WRITERS = 40;
const DB_SUFFIXES = ['', '-wal', '-shm', '-reads', '-readers'];

const escapeHtml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
/** Ghost's ids are MongoDB ObjectIds: 24 hexadecimal digits. */
const objectId = (kind: number, i: number): string => `${kind.toString(16).padStart(8, '0')}${i.toString(16).padStart(16, '0')}`;

/** The Lexical document Ghost 5's editor stores: one paragraph node of extended text per paragraph. */
function lexical(paragraphs: string[]): string {
  const children = paragraphs.map((text) => ({
    children: [{ detail: 0, format: 0, mode: 'normal', style: '', text, type: 'extended-text', version: 1 }],
    direction: 'ltr', format: '', indent: 0, type: 'paragraph', version: 1,
  }));
  return JSON.stringify({ root: { children, direction: 'ltr', format: '', indent: 0, type: 'root', version: 1 } });
}

/** A post's tags: the corpus story's category first (Ghost's primary tag), then up to three of its tags. */
function tagsOf(story: RealArticle): string[] {
  return [...new Set([story.category ?? 'News', ...story.tags.slice(0, 3)].map((t) => slugify(t, 'news')))];
}

/** One `posts` row as Ghost 5 exports it: Lexical, the HTML Ghost rendered from it, plaintext, ISO times. */
function ghostPost(story: RealArticle, i: number): string {
  const at = new Date(Date.UTC(2015, 0, 1) + i * 37 * 60_000).toISOString();
  return JSON.stringify({
    id: objectId(1, i), uuid: `00000000-0000-4000-8000-${i.toString(16).padStart(12, '0')}`, title: `${story.headline} ${i}`, slug: `${slugify(story.headline)}-${i}`,
    mobiledoc: null, lexical: lexical(story.paragraphs), html: story.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join(''), comment_id: objectId(1, i),
    plaintext: story.paragraphs.join('\n\n'), feature_image: null, featured: 0, type: 'post', status: 'published', locale: null, visibility: 'public',
    email_recipient_filter: 'all', created_at: at, updated_at: at, published_at: at, custom_excerpt: null, codeinjection_head: null, codeinjection_foot: null,
    custom_template: null, canonical_url: null, newsletter_id: null, show_title_and_feature_image: 1,
  });
}

/**
 * Writes `count` corpus stories as one Ghost export, a chunk at a time, with its tables in the order Ghost writes them
 * (`posts` first, its relations after, as Ghost's exporter lists the database's tables).
 */
export function writeCorpusGhostExport(real: RealArticle[], count: number, path: string): void {
  const usable = real.filter((s) => s.paragraphs.length > 0);
  const story = (i: number): RealArticle => usable[i % usable.length]!;
  const fd = openSync(path, 'w');
  // Rows in chunks of 1,000, comma-separated across chunks.
  const table = (name: string, rows: (i: number) => string[], last = false): void => {
    writeSync(fd, `"${name}":[`);
    for (let from = 0, first = true; from < count; from += 1_000) {
      const chunk: string[] = [];
      for (let i = from; i < Math.min(count, from + 1_000); i++) chunk.push(...rows(i));
      if (chunk.length === 0) continue;
      writeSync(fd, `${first ? '' : ','}${chunk.join(',')}`);
      first = false;
    }
    writeSync(fd, `]${last ? '' : ','}`);
  };
  try {
    writeSync(fd, `{"db":[{"meta":{"exported_on":${Date.UTC(2026, 11, 6)},"version":"5.75.0"},"data":{`);
    table('posts', (i) => [ghostPost(story(i), i)]);
    table('posts_authors', (i) => [JSON.stringify({ id: objectId(2, i), post_id: objectId(1, i), author_id: objectId(3, i % WRITERS), sort_order: 0 })]);
    table('posts_meta', () => []);
    const tagIds = new Map<string, string>();
    table('posts_tags', (i) => tagsOf(story(i)).map((slug, order) => {
      if (!tagIds.has(slug)) tagIds.set(slug, objectId(4, tagIds.size));
      return JSON.stringify({ id: objectId(5, i * 4 + order), post_id: objectId(1, i), tag_id: tagIds.get(slug), sort_order: order });
    }));
    writeSync(fd, `"tags":${JSON.stringify([...tagIds].map(([slug, id]) => ({ id, name: slug.replaceAll('-', ' '), slug, visibility: 'public' })))},`);
    // Old author slugs (`writer7`) are not the new ones (`writer-7`, from the name): every author archive redirects.
    writeSync(fd, `"users":${JSON.stringify(Array.from({ length: WRITERS }, (_, k) => ({ id: objectId(3, k), name: `Writer ${k}`, slug: `writer${k}`, status: 'active' })))}`);
    writeSync(fd, '}}]}\n');
  } finally {
    closeSync(fd);
  }
}

/** Imports `count` posts into a fresh, migrated SQLite file with the real command (topic suggestion left for later, as archives are imported). */
export async function measureGhostImport(real: RealArticle[], count: number, dir: string, log: (line: string) => void): Promise<WordPressImportFigures> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `ghost-${count}.json`);
  const db = join(dir, 'ghost-import.db');
  writeCorpusGhostExport(real, count, file);
  for (const suffix of DB_SUFFIXES) rmSync(db + suffix, { force: true });
  try {
    await (await openStorage(`sqlite:${db}`)).close();
    const megabytes = statSync(file).size / 1_048_576;
    log(`  ghost import: ${count.toLocaleString('en-US')} posts (${Math.round(megabytes)} MB) through dateline import`);
    const run = await runWordPressImportCommand(file, `sqlite:${db}`, 'ghost');
    if (run.summary.imported !== count) throw new Error(`imported ${run.summary.imported} of ${count}: ${JSON.stringify(run.summary.errors.slice(0, 3))}`);
    log(`  ghost import: ${(count / run.seconds).toFixed(0)} stories/s (${run.seconds.toFixed(1)} s, ${run.cpuSeconds.toFixed(1)} s of CPU), import process peak ${run.peakRssMb.toFixed(0)} MB for a ${Math.round(megabytes)} MB file`);
    return { postsPerSecond: count / run.seconds, seconds: run.seconds, megabytes, peakRssMb: run.peakRssMb, cpuSeconds: run.cpuSeconds };
  } finally {
    for (const suffix of DB_SUFFIXES) rmSync(db + suffix, { force: true });
    rmSync(file, { force: true });
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const posts = Number(process.argv[2] ?? 100_000);
  if (!Number.isInteger(posts) || posts < 1) throw new Error(`usage: npx tsx bench/ghost-import.ts [POSTS], got ${process.argv[2]}`);
  const figures = await measureGhostImport(loadRealArticles(join(ROOT, 'bench/data/shared')), posts, join(ROOT, 'bench/data'), (line) => process.stderr.write(`${line}\n`));
  console.log(JSON.stringify({ posts, ...figures }));
}
