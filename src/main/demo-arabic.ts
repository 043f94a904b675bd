/**
 * @module Seeds the demo Arabic edition (/ar/): Arabic Wikinews stories in Arabic sections, and English–Arabic story
 * pairs published in both editions as linked translations (demo/arabic/README.md gives their licences).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import type { NewArticle } from '../core/articles/article-store.js';
import type { BodyBlock } from '../core/articles/article.js';
import { cleanLine, cleanMultiline } from '../core/shared/clean-text.js';
import { slugify } from '../core/shared/slug.js';
import { uniqueShortCode } from '../core/short-links/short-code.js';
import type { Storage } from './storage.js';

const DEMO_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../demo/arabic');
export const ARABIC_WIKINEWS = join(DEMO_DIR, 'wikinews-ar.ndjson');
export const STORY_PAIRS = join(DEMO_DIR, 'ntrex-en-ar-pairs.ndjson');

export const DEMO_ARABIC_EDITION = {
  id: 'ar', language: 'ar', direction: 'rtl', name: 'العربية', locale: 'ar-SA', numberingSystem: 'latn', timeZone: 'Asia/Riyadh',
} as const;

/** Wikinews categories as the Arabic edition's sections. */
const SECTION_NAMES: Record<string, string> = {
  politics: 'سياسة', economy: 'اقتصاد', sports: 'رياضة', science: 'علوم', health: 'صحة', culture: 'ثقافة', arts: 'فنون',
};
const PAIRS_SECTION_AR = 'العالم';
const PAIRS_SECTION_EN = 'World';
/** How many English–Arabic pairs the demo publishes in both editions. */
const DEMO_PAIRS = 12;
/** Stories are spaced this far apart, newest first, so the demo shows ticking relative times and dates alike. */
const SPACING_MS = 47 * 60 * 1000;

const wikinewsLine = z.object({ id: z.string(), headline: z.string(), body: z.string(), category: z.string() });
const pairLine = z.object({ id: z.string(), en: z.object({ headline: z.string(), body: z.string() }), ar: z.object({ headline: z.string(), body: z.string() }) });

function readLines<T>(path: string, schema: z.ZodType<T>): T[] {
  return readFileSync(path, 'utf8').split('\n').filter((l) => l.trim()).map((l) => schema.parse(JSON.parse(l)));
}

function paragraphs(text: string): string[] {
  return cleanMultiline(text).split('\n').map((p) => p.trim()).filter(Boolean);
}

/** The first sentence of a story, as its one highlight (the capture's stories have highlights written by editors). */
function firstSentence(text: string): string {
  const match = /^(.{20,300}?[.!?؟])(\s|$)/u.exec(text);
  return match?.[1] ?? text.slice(0, 200);
}

interface DemoStory {
  headline: string;
  paragraphs: string[];
  section: string;
  edition: string;
  agency: string;
  translationGroup: string | null;
}

async function toNewArticle(storage: Storage, story: DemoStory, at: Date, taken: Set<string>): Promise<NewArticle> {
  let slug = slugify(story.headline);
  for (let n = 2; taken.has(slug) || (await storage.articles.isSlugTaken(slug)); n++) slug = `${slugify(story.headline)}-${n}`;
  taken.add(slug);
  const body: BodyBlock[] = story.paragraphs.map((text) => ({ type: 'paragraph', text }));
  return {
    id: randomUUID(), slug, headline: cleanLine(story.headline), highlights: story.paragraphs[0] ? [firstSentence(story.paragraphs[0])] : [],
    dateline: null, body, lead: null, section: { slug: slugify(story.section, 'news'), name: story.section }, topics: [], authors: [],
    source: { kind: 'agency', agency: story.agency, wireId: null }, status: 'published', firstPublishedAt: at, updatedAt: at, updateNote: null,
    contentKey: null, shortCode: await uniqueShortCode((n) => randomBytes(n), storage.articles.isShortCodeTaken), createdAt: at,
    revisionId: randomUUID(), actor: 'import', edition: story.edition, translationGroup: story.translationGroup,
  };
}

/** Adds the Arabic edition and its stories; does nothing when an `ar` edition already has stories. */
export async function seedArabicEdition(storage: Storage, now: Date): Promise<{ arabic: number; pairs: number } | null> {
  await storage.editions.add(DEMO_ARABIC_EDITION);
  if ((await storage.articles.countPublished(DEMO_ARABIC_EDITION.id)) > 0) return null;
  const pairs = readLines(STORY_PAIRS, pairLine).slice(0, DEMO_PAIRS);
  const wikinews = readLines(ARABIC_WIKINEWS, wikinewsLine);
  const stories: DemoStory[] = [];
  pairs.forEach((pair) => {
    const group = randomUUID();
    stories.push({ headline: pair.ar.headline, paragraphs: paragraphs(pair.ar.body), section: PAIRS_SECTION_AR, edition: DEMO_ARABIC_EDITION.id, agency: 'NTREX-128', translationGroup: group });
    stories.push({ headline: pair.en.headline, paragraphs: paragraphs(pair.en.body), section: PAIRS_SECTION_EN, edition: 'en', agency: 'NTREX-128', translationGroup: group });
  });
  for (const item of wikinews) {
    stories.push({ headline: item.headline, paragraphs: paragraphs(item.body), section: SECTION_NAMES[item.category] ?? 'أخبار', edition: DEMO_ARABIC_EDITION.id, agency: 'Wikinews', translationGroup: null });
  }
  const taken = new Set<string>();
  const articles: NewArticle[] = [];
  // A pair's two stories share a time; the stream interleaves pairs and Wikinews so the Arabic home mixes both.
  let step = 0;
  for (const [i, story] of stories.entries()) {
    if (i === 0 || story.translationGroup === null || story.translationGroup !== stories[i - 1]?.translationGroup) step++;
    articles.push(await toNewArticle(storage, story, new Date(now.getTime() - step * SPACING_MS), taken));
  }
  await storage.articles.insertMany(articles);
  return { arabic: pairs.length + wikinews.length, pairs: pairs.length };
}
