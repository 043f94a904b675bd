/**
 * @module Arabic search latency: the labelled query set (test/fixtures/arabic/search-queries.json) through
 * the production SearchIndex of the Arabic edition, in process on a fresh SQLite file. The corpus is
 * SaudiNewsNet from corpora/arabic/ of the --shared folder when it is there (CC BY-NC-SA: read at run time, never
 * copied into the repository), else the 70 Wikinews stories of the test fixtures, repeated.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewArticle } from '../src/core/articles/article-store.js';
import type { SearchScope } from '../src/core/search/search-index.js';
import { parseSearchQuery, type SearchQuery } from '../src/core/search/search-query.js';
import { openStorage } from '../src/main/storage.js';
import type { Figure } from './report.js';

interface CorpusStory { headline: string; body: string }

const ARABIC: SearchScope = { editionId: 'ar', language: 'ar' };
const BATCH = 1000;

/** The q-quantile of ascending `sorted` (nearest rank). */
function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

function readStories(path: string): CorpusStory[] {
  return readFileSync(path, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as CorpusStory);
}

/** `count` stories: SaudiNewsNet when the shared folder has it, else the test fixture's Wikinews stories, repeated as new stories. */
function corpusStories(root: string, sharedDir: string, count: number): { name: string; stories: CorpusStory[] } {
  const saudi = join(sharedDir, 'corpora/arabic/saudinewsnet-2015.ndjson');
  const [name, base] = existsSync(saudi)
    ? ['SaudiNewsNet 2015', readStories(saudi)]
    : ['Wikinews fixture, repeated (SaudiNewsNet not found in the shared folder)', readStories(join(root, 'demo/arabic/wikinews-ar.ndjson'))];
  return { name, stories: Array.from({ length: count }, (_, i) => base[i % base.length] as CorpusStory) };
}

/** One- and two-word queries from every n-th headline of the corpus (deterministic: the same each run). */
function headlineQueries(stories: CorpusStory[], count: number): SearchQuery[] {
  const step = Math.max(1, Math.floor(stories.length / count));
  return Array.from({ length: count }, (_, i) => {
    const words = (stories[(i * step) % stories.length]?.headline ?? '').split(/\s+/).filter((w) => w.length > 2);
    const text = words.slice(i % 3, (i % 3) + 1 + (i % 2)).join(' ');
    const parsed = parseSearchQuery(text);
    return parsed.ok ? [parsed.value] : [];
  }).flat();
}

/** Runs every query `rounds` times after one untimed round, one at a time; returns the times in ms, ascending. */
async function timeQueries(search: (query: SearchQuery) => Promise<unknown>, queries: SearchQuery[], rounds: number): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round <= rounds; round++) {
    for (const query of queries) {
      const started = performance.now();
      await search(query);
      if (round > 0) times.push(performance.now() - started);
    }
  }
  return times.sort((a, b) => a - b);
}

function latency(name: string, times: number[], detail: string): Figure {
  const p95 = percentile(times, 0.95);
  return { name, value: p95, unit: 'ms p95', p50: percentile(times, 0.5), p95, p99: percentile(times, 0.99), detail };
}

function articleOf(story: CorpusStory, i: number, now: number): NewArticle {
  const at = new Date(now - i * 60_000);
  return {
    id: randomUUID(), slug: `ar-bench-${i}`, headline: story.headline, highlights: [], dateline: '',
    body: story.body.split('\n').filter(Boolean).map((text) => ({ type: 'paragraph', text })), lead: null,
    section: { slug: 'ar-news', name: 'أخبار' }, topics: [], authors: [], source: { kind: 'staff' }, status: 'published',
    firstPublishedAt: at, updatedAt: at, updateNote: null, contentKey: null, shortCode: `arb${i.toString(36)}`,
    createdAt: at, revisionId: randomUUID(), actor: 'bench', edition: ARABIC.editionId,
  };
}

function labelledQueries(root: string): SearchQuery[] {
  const { queries } = JSON.parse(readFileSync(join(root, 'test/fixtures/arabic/search-queries.json'), 'utf8')) as { queries: { query: string }[] };
  return queries.flatMap(({ query }) => {
    const parsed = parseSearchQuery(query);
    return parsed.ok ? [parsed.value] : [];
  });
}

/**
 * Indexes the corpus through ArticleStore.insertMany (timed: the Arabic folding and stemming is part of
 * it), then times the labelled queries (written for the Wikinews stories: on SaudiNewsNet most find
 * few stories) and as many queries made of words from the corpus's own headlines (most find some).
 */
export async function measureArabicSearch(options: { root: string; sharedDir: string; quick: boolean; log: (line: string) => void }): Promise<Figure[]> {
  const { name, stories } = corpusStories(options.root, options.sharedDir, options.quick ? 3_000 : 30_000);
  const labelled = labelledQueries(options.root);
  const fromHeadlines = headlineQueries(stories, labelled.length);
  const rounds = options.quick ? 5 : 20;
  options.log(`  measuring Arabic search: ${stories.length.toLocaleString('en-US')} stories from ${name}, ${labelled.length} + ${fromHeadlines.length} queries × ${rounds}`);
  const dir = mkdtempSync(join(tmpdir(), 'dateline-arabic-bench-'));
  const storage = await openStorage(`sqlite:${join(dir, 'arabic.db')}`);
  try {
    await storage.db.insertInto('editions').values({ id: ARABIC.editionId, language: ARABIC.language, direction: 'rtl', name: 'العربية', locale: 'ar-SA', time_zone: 'Asia/Riyadh', position: 1 })
      .onConflict((oc) => oc.column('id').doNothing()).execute();
    const now = Date.now();
    const started = performance.now();
    for (let i = 0; i < stories.length; i += BATCH) {
      await storage.articles.insertMany(stories.slice(i, i + BATCH).map((story, j) => articleOf(story, i + j, now)));
    }
    const indexSeconds = (performance.now() - started) / 1000;
    const search = (query: SearchQuery) => storage.search.search(query, { limit: 10, offset: 0 }, ARABIC);
    const detail = `${stories.length.toLocaleString('en-US')} stories, ${name}`;
    return [
      latency(`Arabic search: labelled queries (SQLite, in process, ${labelled.length} × ${rounds})`, await timeQueries(search, labelled, rounds), detail),
      latency(`Arabic search: words from headlines (SQLite, in process, ${fromHeadlines.length} × ${rounds})`, await timeQueries(search, fromHeadlines, rounds), detail),
      { name: 'Arabic indexing (insertMany with folding and stemming)', value: stories.length / indexSeconds, unit: 'stories/s', detail },
    ];
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
