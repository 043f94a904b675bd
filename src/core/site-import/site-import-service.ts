/** @module Imports another platform's export (WordPress, Ghost) in batches: each batch one transaction, re-runs update changed posts, old addresses kept. */
import type { NamedRef } from '../articles/article.js';
import type { NewArticle } from '../articles/article-store.js';
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../shared/clock.js';
import type { IdGenerator, RandomBytes } from '../shared/ids.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { uniqueShortCode } from '../short-links/short-code.js';
import { articleTags } from '../workflow/article-tags.js';
import type { SiteImportUnit } from './site-import-store.js';
import { fieldsOf, newArticleOf, postChange } from './site-post-article.js';
import type { OldUrl, SiteExportRecord, SiteImportProblem, SitePost, SiteStaticPage, SkippedKind } from './site-post.js';
import { FIRST_EDITION_ID } from '../editions/edition.js';

export interface SiteImportSummary {
  imported: number;
  updated: number;
  /** Posts imported before and unchanged since (the existing import's word for them). */
  duplicates: number;
  failed: number;
  /** Old addresses of this export that now redirect (posts' own and their sections', topics' and authors' archives). */
  redirects: number;
  /** The old site's About, Contact, Corrections and Privacy pages written as the edition's static pages. */
  pages: number;
  /** Stories queued for topic suggestions (people, places, organisations), which the background job adds after the import. */
  topicsQueued: number;
  skipped: Record<SkippedKind, number>;
  errors: SiteImportProblem[];
  dryRun: boolean;
}

export interface SiteImportOptions {
  /** Posts without a section of their own go here. */
  defaultSection: NamedRef;
  /** The edition new stories (and their sections) belong to; the first when absent. */
  edition?: string;
  /** Does everything in transactions that are rolled back: the summary says what would happen. */
  dryRun?: boolean;
  batchSize?: number;
  /**
   * Queues every stored or changed story for the topic suggestion job (core/topics/topic-suggestion-job.ts): the
   * archive stores at bulk speed and gains suggested topics in the background. Off: only the export's own tags.
   */
  suggestTopics?: boolean;
  onProgress?: (posts: number) => void;
}

export interface SiteImportDeps {
  /** Runs `work` in one transaction (rolled back when `rollback`); the unit's stores write on it. */
  transaction<T>(work: (unit: SiteImportUnit) => Promise<T>, options: { rollback: boolean }): Promise<T>;
  ids: IdGenerator;
  randomBytes: RandomBytes;
  clock: Clock;
  /** Stored and updated published stories are announced as the newsroom announces them, so cached pages drop. */
  events?: Pick<EventBus, 'publish'>;
  /** A write that failed for the server's own reason (disk full, database away) stops the import. */
  isStorageFault?: (error: unknown) => boolean;
}

type Outcome = 'imported' | 'updated' | 'unchanged';
type LeadRecord = Extract<SiteExportRecord, { kind: 'lead' }>;
interface Announcement { type: 'story.published' | 'story.updated'; articleId: string; slug: string; tags: string[] }
interface BatchResult { outcomes: Outcome[]; urls: number; topicsQueued: number; announce: Announcement[] }

export const DEFAULT_BATCH_SIZE = 500;

export function createSiteImportService(deps: SiteImportDeps) {
  async function prepareNew(post: SitePost, unit: SiteImportUnit, taken: Set<string>, options: SiteImportOptions): Promise<NewArticle> {
    const base = slugify(post.slug || post.title);
    const slug = await uniqueSlug(base, async (s) => taken.has(s) || unit.articles.isSlugTaken(s));
    taken.add(slug);
    const shortCode = await uniqueShortCode(deps.randomBytes, async (c) => taken.has(`s:${c}`) || unit.articles.isShortCodeTaken(c));
    taken.add(`s:${shortCode}`);
    return newArticleOf(post, options.defaultSection, {
      id: deps.ids.newId(), slug, shortCode, revisionId: deps.ids.newId(), createdAt: deps.clock.now(), ...(options.edition ? { edition: options.edition } : {}),
    });
  }

  /** One batch on one transaction: new posts inserted together, known ones changed when their digest moved. */
  async function writeBatch(posts: SitePost[], unit: SiteImportUnit, options: SiteImportOptions): Promise<BatchResult> {
    const now = deps.clock.now();
    const known = await unit.items.findItems(posts.map((p) => p.sourceKey));
    const taken = new Set<string>();
    const fresh: { post: SitePost; article: NewArticle }[] = [];
    const changed: { post: SitePost; articleId: string }[] = [];
    const result: BatchResult = { outcomes: [], urls: 0, topicsQueued: 0, announce: [] };
    const seen = new Set<string>();
    for (const post of posts) {
      // Items and their stories commit in one transaction, so a story of this export always has its item.
      const item = known.get(post.sourceKey);
      // A post the file holds twice (the second copy in the same batch) is the same story.
      const again = seen.has(post.sourceKey);
      seen.add(post.sourceKey);
      if (again || (item && item.digest === post.digest)) {
        result.outcomes.push('unchanged');
      } else if (item) {
        changed.push({ post, articleId: item.articleId });
        result.outcomes.push('updated');
      } else {
        fresh.push({ post, article: await prepareNew(post, unit, taken, options) });
        result.outcomes.push('imported');
      }
    }
    await unit.articles.insertMany(fresh.map((f) => f.article));
    const scheduledNew = fresh.filter((f) => f.post.status === 'scheduled').map((f) => ({ post: f.post, articleId: f.article.id }));
    for (const { post, articleId } of [...scheduledNew, ...changed]) {
      const outcome = await unit.articles.applyChange(postChange(post, articleId, options.defaultSection, { id: deps.ids.newId(), createdAt: now }));
      if (!outcome.ok) throw new Error(`post ${post.sourceId} (line ${post.line}) could not be updated: its story is gone`);
    }
    const stories = [...fresh.map((f) => ({ post: f.post, articleId: f.article.id })), ...changed];
    await unit.items.saveItems(stories.map(({ post, articleId }) => ({ sourceKey: post.sourceKey, articleId, digest: post.digest, importedAt: now })));
    const storyOf = new Map(stories.map((s) => [s.post.sourceKey, s.articleId]));
    const urls: OldUrl[] = posts.flatMap((post) => {
      const articleId = storyOf.get(post.sourceKey) ?? known.get(post.sourceKey)?.articleId;
      return articleId ? post.oldPaths.map((path) => ({ path, kind: 'article' as const, target: articleId })) : [];
    });
    await unit.items.addOldUrls(urls, now);
    result.urls = urls.length;
    // Queued in the batch's transaction: a story stored is a story queued, even when the process is killed next.
    if (options.suggestTopics) result.topicsQueued = await unit.topics.enqueue(stories.map((s) => s.articleId), now);
    for (const { article } of fresh) {
      if (article.status === 'published') result.announce.push({ type: 'story.published', articleId: article.id, slug: article.slug, tags: articleTags(article.slug, article) });
    }
    for (const { post, articleId } of changed) {
      if (post.status !== 'published') continue;
      const state = await unit.articles.findState(articleId);
      if (state) result.announce.push({ type: 'story.updated', articleId, slug: state.slug, tags: articleTags(state.slug, fieldsOf(post, options.defaultSection)) });
    }
    return result;
  }

  function isFault(error: unknown): boolean {
    return deps.isStorageFault?.(error) ?? false;
  }

  /** A batch whose transaction failed is retried post by post, so one bad post is reported and the rest still import. */
  async function importBatch(posts: SitePost[], options: SiteImportOptions, summary: SiteImportSummary): Promise<void> {
    const rollback = options.dryRun ?? false;
    const results: BatchResult[] = [];
    try {
      results.push(await deps.transaction((unit) => writeBatch(posts, unit, options), { rollback }));
    } catch (error) {
      if (isFault(error) || posts.length === 1) {
        if (isFault(error)) throw error;
        const post = posts[0]!;
        summary.failed++;
        summary.errors.push({ line: post.line, id: post.sourceId, message: `post "${post.title}" was not stored: ${(error as Error).message}` });
        return;
      }
      for (const post of posts) await importBatch([post], options, summary);
      return;
    }
    for (const result of results) {
      for (const outcome of result.outcomes) {
        if (outcome === 'imported') summary.imported++;
        else if (outcome === 'updated') summary.updated++;
        else summary.duplicates++;
      }
      summary.redirects += result.urls;
      summary.topicsQueued += result.topicsQueued;
      if (!rollback) for (const event of result.announce) await deps.events?.publish(event);
    }
  }

  /** Featured images the file named after their posts, set on those posts' stories (a post that failed has none to set). */
  async function setLeads(leads: LeadRecord[], summary: SiteImportSummary): Promise<void> {
    const announce = await deps.transaction(async (unit) => {
      const known = await unit.items.findItems(leads.map((l) => l.sourceKey));
      const found = leads.flatMap((l) => {
        const item = known.get(l.sourceKey);
        return item ? [{ articleId: item.articleId, lead: l.lead, leadMediaId: l.leadMediaId ?? null }] : [];
      });
      const changed = await unit.items.setLeads(found);
      const events: Announcement[] = [];
      for (const articleId of changed) {
        const state = await unit.articles.findState(articleId);
        if (state?.status === 'published') events.push({ type: 'story.updated', articleId, slug: state.slug, tags: articleTags(state.slug, state.fields) });
      }
      return events;
    }, { rollback: summary.dryRun });
    if (!summary.dryRun) for (const event of announce) await deps.events?.publish(event);
  }

  /**
   * Static pages: written where no person has written the edition's page (absent, or seeded or imported before:
   * updatedBy null); a page the newsroom wrote is kept and the old one counted as left out. Its old addresses lead to
   * the edition's page either way.
   */
  async function importPages(pages: SiteStaticPage[], options: SiteImportOptions, summary: SiteImportSummary): Promise<void> {
    const edition = options.edition ?? FIRST_EDITION_ID;
    const now = deps.clock.now();
    const result = await deps.transaction(async (unit) => {
      let written = 0;
      let kept = 0;
      for (const page of pages) {
        const existing = await unit.pages.find(edition, page.kind);
        if (existing && existing.updatedBy !== null) {
          kept++;
        } else {
          await unit.pages.save({ edition, kind: page.kind, title: page.title, body: page.body, updatedAt: now, updatedBy: null });
          written++;
        }
      }
      const urls = pages.flatMap((page) => page.oldPaths.map((path): OldUrl => ({ path, kind: 'page', target: `${edition}:${page.kind}` })));
      await unit.items.addOldUrls(urls, now);
      return { written, kept, urls: urls.length };
    }, { rollback: summary.dryRun });
    summary.pages += result.written;
    summary.skipped.pages += result.kept;
    summary.redirects += result.urls;
  }

  /** Reads the export's records in order, storing posts in batches; term archives are kept for the sections, topics and authors the posts use. */
  async function importRecords(records: AsyncIterable<SiteExportRecord>, options: SiteImportOptions): Promise<SiteImportSummary> {
    const summary: SiteImportSummary = {
      imported: 0, updated: 0, duplicates: 0, failed: 0, redirects: 0, pages: 0, topicsQueued: 0, errors: [], dryRun: options.dryRun ?? false,
      skipped: { comments: 0, pages: 0, attachments: 0, trashed: 0, other: 0, media: 0 },
    };
    const size = options.batchSize ?? DEFAULT_BATCH_SIZE;
    const termUrls: OldUrl[] = [];
    const pages: SiteStaticPage[] = [];
    const leads: LeadRecord[] = [];
    const used = new Set<string>();
    let batch: SitePost[] = [];
    let done = 0;
    const flush = async (): Promise<void> => {
      if (batch.length === 0) return;
      await importBatch(batch, options, summary);
      done += batch.length;
      batch = [];
      options.onProgress?.(done);
    };
    for await (const record of records) {
      if (record.kind === 'post') {
        const { post } = record;
        used.add(`section:${(post.section ?? options.defaultSection).slug}`);
        for (const t of post.topics) used.add(`topic:${t.slug}`);
        for (const a of post.authors) used.add(`author:${a.slug}`);
        batch.push(post);
        if (batch.length >= size) await flush();
      } else if (record.kind === 'page') {
        pages.push(record.page);
      } else if (record.kind === 'lead') {
        // The posts are stored by now (or in the batch still open): flushed first, then their featured images.
        leads.push(record);
        if (leads.length >= size) {
          await flush();
          await setLeads(leads.splice(0), summary);
        }
      } else if (record.kind === 'term-url') {
        termUrls.push(record.url);
      } else if (record.kind === 'problem') {
        summary.failed++;
        summary.errors.push(record.problem);
      } else {
        summary.skipped[record.what] += record.count;
      }
    }
    await flush();
    if (leads.length > 0) await setLeads(leads, summary);
    if (pages.length > 0) await importPages(pages, options, summary);
    const kept = termUrls.filter((u) => used.has(`${u.kind}:${u.target}`));
    if (kept.length > 0) {
      await deps.transaction((unit) => unit.items.addOldUrls(kept, deps.clock.now()), { rollback: summary.dryRun });
      summary.redirects += kept.length;
    }
    summary.errors.sort((a, b) => a.line - b.line);
    return summary;
  }

  return { importRecords };
}

export type SiteImportService = ReturnType<typeof createSiteImportService>;
