/** @module Imports text captures of published pages as published stories, once each (by content key). */
import type { BodyBlock } from '../articles/article.js';
import type { ArticleStore, NewArticle } from '../articles/article-store.js';
import type { IdGenerator, RandomBytes } from '../shared/ids.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { uniqueShortCode } from '../short-links/short-code.js';
import type { TopicSuggester } from '../topics/topic-suggester.js';
import { suggestStoryTopics, topicRefsOf } from '../topics/story-topics.js';
import { detectAgency } from './agency.js';
import type { CaptureParseResult, CapturedStory, CaptureProblem } from './captured-story.js';
import { resolveCapturedTime } from './captured-time.js';
import { startOfDayInZone } from '../shared/zoned-time.js';
import { cleanLine, cleanMultiline } from '../shared/clean-text.js';
import type { EventBus } from '../events/event-bus.js';
import { articleTags } from '../workflow/article-tags.js';

export interface ImportSummary {
  imported: number;
  duplicates: number;
  failed: number;
  errors: CaptureProblem[];
  /** Slugs of the stories stored by this run, in file order. */
  slugs: string[];
}

export interface ImportOptions {
  capturedAt: Date;
  sectionName: string;
  /** The edition the stories (and a new section) belong to; the first edition when absent. */
  edition?: string;
  onProgress?: (done: number, total: number) => void;
}

export interface ImportDeps {
  articles: ArticleStore;
  suggester: TopicSuggester;
  ids: IdGenerator;
  randomBytes: RandomBytes;
  /** A stable hex digest of a string (SHA-256 in production). */
  hash: (text: string) => string;
  timeZone: string;
  clock: { now(): Date };
  /**
   * Each stored story is announced here as `story.published`, as the newsroom announces a publish, so cached pages
   * showing it drop (in every process, with Redis). Without it (the demo seed before serving) nothing is announced.
   */
  events?: Pick<EventBus, 'publish'>;
  /** True for a write that failed for the server's own reason (no room on disk, the database away): the import stops and throws it. */
  isStorageFault?: (error: unknown) => boolean;
}

/** The key that makes re-imports idempotent: what the story says, not when it was captured. */
export function contentKeyOf(story: CapturedStory, hash: (text: string) => string): string {
  return `capture:${hash([story.headline, story.dateline ?? '', ...story.paragraphs].join('\n'))}`;
}

function publicTimes(story: CapturedStory, capturedAt: Date, timeZone: string): { first: Date; updated: Date } {
  const resolved = resolveCapturedTime(story.updated, capturedAt, timeZone);
  if (startOfDayInZone(resolved, timeZone).getTime() > startOfDayInZone(capturedAt, timeZone).getTime()) {
    throw new Error(`its update date is after the capture time ${capturedAt.toISOString()}`);
  }
  // A date-only time ("17 January 2025") reads as noon, which can lie after a morning capture: cap it there.
  const updated = resolved.getTime() > capturedAt.getTime() ? capturedAt : resolved;
  if (!story.updateBadge) return { first: updated, updated };
  // The badge proves an earlier first publication the capture does not date: use the start of that day.
  const dayStart = startOfDayInZone(updated, timeZone);
  const first = dayStart.getTime() < updated.getTime() ? dayStart : new Date(updated.getTime() - 24 * 3600_000);
  return { first, updated };
}

/** The story's text as it may enter: NFC, no control characters (see clean-text.ts). */
function cleanCapturedStory(story: CapturedStory): CapturedStory {
  return {
    ...story,
    headline: cleanLine(story.headline),
    caption: story.caption ? { text: cleanLine(story.caption.text), credit: story.caption.credit === null ? null : cleanLine(story.caption.credit) } : null,
    highlights: story.highlights.map(cleanLine),
    dateline: story.dateline === null ? null : cleanLine(story.dateline),
    paragraphs: story.paragraphs.map(cleanMultiline),
  };
}

export function createImportService(deps: ImportDeps) {
  async function toNewArticle(story: CapturedStory, options: ImportOptions, contentKey: string): Promise<NewArticle> {
    const body: BodyBlock[] = story.paragraphs.map((text) => ({ type: 'paragraph', text }));
    const bodyPlain = story.paragraphs.join('\n');
    const agency = detectAgency(bodyPlain);
    const topics = topicRefsOf(suggestStoryTopics(deps.suggester, { headline: story.headline, highlights: story.highlights, body: bodyPlain }));
    const times = publicTimes(story, options.capturedAt, deps.timeZone);
    return {
      id: deps.ids.newId(),
      slug: await uniqueSlug(slugify(story.headline), deps.articles.isSlugTaken),
      headline: story.headline,
      highlights: story.highlights,
      dateline: story.dateline,
      body,
      lead: story.caption ? { url: null, caption: story.caption.text, credit: story.caption.credit, alt: '', width: null, height: null } : null,
      section: { slug: slugify(options.sectionName, 'news'), name: options.sectionName },
      topics,
      authors: [],
      source: agency ? { kind: 'agency', agency, wireId: null } : { kind: 'staff' },
      status: 'published',
      firstPublishedAt: times.first,
      updatedAt: times.updated,
      updateNote: null,
      contentKey,
      shortCode: await uniqueShortCode(deps.randomBytes, deps.articles.isShortCodeTaken),
      createdAt: deps.clock.now(),
      revisionId: deps.ids.newId(),
      actor: 'import',
      ...(options.edition ? { edition: options.edition } : {}),
    };
  }

  /** One story in its own transaction: imported (with its slug), a duplicate, or why it failed. */
  async function importStory(captured: CapturedStory, options: ImportOptions): Promise<{ slug: string } | 'duplicate' | { failure: string }> {
    const story = cleanCapturedStory(captured);
    const contentKey = contentKeyOf(story, deps.hash);
    let article: NewArticle;
    try {
      if (await deps.articles.findByContentKey(contentKey)) return 'duplicate';
      article = await toNewArticle(story, options, contentKey);
      await deps.articles.insert(article);
    } catch (error) {
      if (deps.isStorageFault?.(error)) throw error;
      // Another import may have stored the same story meanwhile: that is a duplicate, not a failure.
      if (await deps.articles.findByContentKey(contentKey).catch(() => null)) return 'duplicate';
      return { failure: `story "${story.headline}" was not stored: ${(error as Error).message}` };
    }
    // Announced once committed, as the newsroom announces a publish.
    await deps.events?.publish({ type: 'story.published', articleId: article.id, slug: article.slug, tags: articleTags(article.slug, article) });
    return { slug: article.slug };
  }

  /** Stores each readable story in its own transaction; a failure never stops the batch. */
  async function importParsed(parsed: CaptureParseResult, options: ImportOptions): Promise<ImportSummary> {
    const summary: ImportSummary = { imported: 0, duplicates: 0, failed: parsed.errors.length, errors: [...parsed.errors], slugs: [] };
    for (const [index, story] of parsed.stories.entries()) {
      const outcome = await importStory(story, options);
      if (outcome === 'duplicate') {
        summary.duplicates++;
      } else if ('slug' in outcome) {
        summary.imported++;
        summary.slugs.push(outcome.slug);
      } else {
        summary.failed++;
        summary.errors.push({ line: story.line, message: outcome.failure });
      }
      options.onProgress?.(index + 1, parsed.stories.length);
    }
    summary.errors.sort((a, b) => a.line - b.line);
    return summary;
  }

  return { importParsed };
}

export type ImportService = ReturnType<typeof createImportService>;
