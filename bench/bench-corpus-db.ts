/** Builds (or reuses) the SQLite database of N corpus stories under bench/data, and samples paths and queries from it. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openStorage, type Storage } from '../src/main/storage.js';
import { seedArabicEdition } from '../src/main/demo-arabic.js';
import { loadRealArticles, makeCorpusStory, seededRandom, topicPool, type RealArticle } from './corpus.js';

const BATCH = 2000;

export interface CorpusDb {
  /** A working copy for this run, so stories published by the benchmark never leak into the cached corpus. */
  path: string;
  real: RealArticle[];
  bulkItemsPerSecond: number | null;
}

/**
 * A short digest of the migrations' source: a cached corpus built under other migrations (say, an unreleased
 * one edited since) is never reused with a schema it does not have.
 */
function schemaKey(root: string): string {
  const dir = join(root, 'src/adapters/db/migrations');
  const hash = createHash('sha256');
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts')).sort()) hash.update(file).update(readFileSync(join(dir, file)));
  return hash.digest('hex').slice(0, 10);
}

export async function prepareCorpusDb(root: string, sharedDir: string, stories: number, log: (line: string) => void): Promise<CorpusDb> {
  const dir = join(root, 'bench/data');
  mkdirSync(dir, { recursive: true });
  const cached = join(dir, `corpus-${stories}-${schemaKey(root)}.db`);
  const real = loadRealArticles(sharedDir);
  let bulkItemsPerSecond: number | null = null;
  let storage = existsSync(cached) ? await openStorage(`sqlite:${cached}`) : null;
  if (storage && (await storage.articles.countPublished()) !== stories) {
    await storage.close();
    storage = null;
  }
  if (!storage) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(cached + suffix, { force: true });
    storage = await openStorage(`sqlite:${cached}`);
    const topics = topicPool(real, stories);
    const random = seededRandom(20250117);
    const codes = new Set<string>();
    const newest = new Date();
    const started = performance.now();
    for (let from = 0; from < stories; from += BATCH) {
      const batch = Array.from({ length: Math.min(BATCH, stories - from) }, (_, k) => makeCorpusStory(from + k, real, topics, newest, random, codes));
      await storage.articles.insertMany(batch);
      if ((from / BATCH) % 25 === 0) log(`  corpus: ${from + batch.length} / ${stories} stories`);
    }
    bulkItemsPerSecond = stories / ((performance.now() - started) / 1000);
    log(`  corpus: ${stories} stories from ${real.length} real articles at ${Math.round(bulkItemsPerSecond)} stories/s (bulk path)`);
  }
  await storage.close();
  const path = join(dir, 'run.db');
  // The working copy starts from the corpus alone: no most-read counts and no readers (PATH-reads, PATH-readers) of an earlier run.
  for (const file of ['', '-reads', '-readers']) for (const suffix of ['', '-wal', '-shm']) rmSync(path + file + suffix, { force: true });
  copyFileSync(cached, path);
  // The demo Arabic edition beside the corpus, so Arabic and English articles are measured in the same run.
  const working = await openStorage(`sqlite:${path}`);
  try {
    await seedArabicEdition(working, new Date());
  } finally {
    await working.close();
  }
  return { path, real, bulkItemsPerSecond };
}

export interface Samples {
  articles: string[];
  /** Articles of the Arabic edition (/ar/article/…). */
  arabicArticles: string[];
  /** One story in both editions (a linked translation pair): the fairest Arabic-beside-English comparison. */
  translationPair: { english: string; arabic: string } | null;
  sections: string[];
  topics: string[];
  searches: string[];
}

/** Random article paths, every section, a spread of topics, and real words and phrases for search. */
export async function samplePaths(storage: Storage, real: RealArticle[], count: number): Promise<Samples> {
  const random = seededRandom(42);
  const total = await storage.articles.countPublished();
  const articles: string[] = [];
  for (let i = 0; i < count; i++) {
    // Corpus ids are bench-0 … bench-(N-1) (see corpus.ts), so a random one is a primary-key lookup.
    const row = await storage.db.selectFrom('articles').select('slug').where('id', '=', `bench-${Math.floor(random() * total)}`).executeTakeFirst();
    if (row) articles.push(`/article/${encodeURIComponent(row.slug)}`);
  }
  const arabicRows = await storage.db.selectFrom('articles').select('slug').where('edition_id', '=', 'ar').where('status', '=', 'published').orderBy('id').execute();
  const arabicArticles = arabicRows.map((r) => `/ar/article/${encodeURIComponent(r.slug)}`);
  const pairRows = await storage.db.selectFrom('articles').select(['slug', 'edition_id', 'translation_group'])
    .where('translation_group', 'is not', null).where('status', '=', 'published').orderBy('translation_group').orderBy('edition_id').limit(2).execute();
  const [arPair, enPair] = pairRows;
  const translationPair = arPair?.edition_id === 'ar' && enPair?.edition_id === 'en' && arPair.translation_group === enPair.translation_group
    ? { english: `/article/${encodeURIComponent(enPair.slug)}`, arabic: `/ar/article/${encodeURIComponent(arPair.slug)}` }
    : null;
  const sections = (await storage.sections.list('en')).map((s) => `/section/${encodeURIComponent(s.slug)}`);
  const topicRows = await storage.db.selectFrom('topics').select('slug').orderBy('slug').execute();
  const topics = Array.from({ length: Math.min(count, topicRows.length) }, () => `/topic/${encodeURIComponent(topicRows[Math.floor(random() * topicRows.length)]!.slug)}`);
  const searches = Array.from({ length: count }, () => {
    const words = real[Math.floor(random() * real.length)]!.headline.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 3);
    const start = Math.floor(random() * Math.max(1, words.length - 1));
    const phrase = random() < 0.3 && words.length > 1 ? `"${words.slice(start, start + 2).join(' ')}"` : (words[start] ?? 'market');
    return `/search?q=${encodeURIComponent(phrase)}`;
  });
  return { articles, arabicArticles, translationPair, sections, topics, searches };
}
