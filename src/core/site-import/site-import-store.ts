/** @module SiteImportStore: the port behind a site import's bookkeeping — which export item made which story, and the old addresses. */
import type { LeadImage } from '../articles/article.js';
import type { ArticleStore } from '../articles/article-store.js';
import type { TopicSuggestionQueue } from '../topics/topic-suggestion-queue.js';
import type { SitePageStore } from '../site-pages/site-page-store.js';
import type { OldUrl, OldUrlTargetKind } from './site-post.js';

/** An export item already imported: its story and the digest it had then. */
export interface ImportedItem {
  articleId: string;
  digest: string;
}

export interface SiteImportStore {
  /** The imported items among `sourceKeys`, by key. */
  findItems(sourceKeys: readonly string[]): Promise<Map<string, ImportedItem>>;
  /** Records (or moves to a new digest) the items of a batch. */
  saveItems(items: readonly ({ sourceKey: string; importedAt: Date } & ImportedItem)[]): Promise<void>;
  /** Sets stories' featured images (the lead image and its library photo); returns the ids whose image changed. */
  setLeads(leads: readonly { articleId: string; lead: LeadImage; leadMediaId: string | null }[]): Promise<string[]>;
  /** Adds old addresses; one already known keeps its first target. Returns how many were new. */
  addOldUrls(urls: readonly OldUrl[], createdAt: Date): Promise<number>;
}

/** Where an old address leads now; null when it names nothing (never imported, or its target is gone). */
export interface OldUrlTarget {
  kind: OldUrlTargetKind;
  slug: string;
  /** The edition whose prefix the new address takes. */
  edition: string;
}

/** The read side the HTTP not-found path asks. */
export interface OldUrlLookup {
  /** Tries each path in turn (the request's forms: as written, then its query form); the first known wins. */
  find(paths: readonly string[]): Promise<OldUrlTarget | null>;
}

/** The stores one batch writes, bound to the batch's transaction. */
export interface SiteImportUnit {
  articles: ArticleStore;
  items: SiteImportStore;
  /** The editions' static pages (an old site's About, Contact, Corrections and Privacy pages). */
  pages: SitePageStore;
  /** Stories waiting for topic suggestions: queued with the batch that stored them. */
  topics: Pick<TopicSuggestionQueue, 'enqueue'>;
}
