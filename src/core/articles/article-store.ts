/** @module ArticleStore: the one port through which the core reads and writes articles (readers' and the newsroom's methods). */
import type { Article, ArticleStatus, ArticleSource, ArticleSummary, BodyBlock, LeadImage, TopicRef } from './article.js';
import type { EditionRef } from '../editions/edition.js';
import type { ArticleWorkflowStore } from './article-workflow-store.js';

/** A page of a list, newest first; `next` is the cursor of the following page or null. */
export interface Page<T> {
  items: T[];
  next: string | null;
}

export interface ListQuery {
  limit: number;
  /** Opaque keyset cursor from a previous page. */
  cursor?: string | null;
  sectionSlug?: string;
  topicSlug?: string;
  authorSlug?: string;
  /** Only this edition's stories (every edition's when absent). */
  edition?: string;
}

/** A new article as the import or the newsroom hands it to the store. */
export interface NewArticle {
  id: string;
  slug: string;
  headline: string;
  highlights: string[];
  dateline: string | null;
  body: BodyBlock[];
  lead: LeadImage | null;
  section: { slug: string; name: string };
  topics: TopicRef[];
  authors: { slug: string; name: string }[];
  source: ArticleSource;
  status: ArticleStatus;
  firstPublishedAt: Date | null;
  updatedAt: Date | null;
  updateNote: string | null;
  contentKey: string | null;
  shortCode: string;
  createdAt: Date;
  revisionId: string;
  actor: string | null;
  /** The staff user who created it (newsroom stories); null for imports and wire copy. */
  createdBy?: string | null;
  leadMediaId?: string | null;
  /** The edition it belongs to; the first edition when absent. */
  edition?: string;
  /** Stories sharing a translation group translate each other (imports of paired stories). */
  translationGroup?: string | null;
}

/** One month of an edition's published stories, as its sitemaps need it. */
export interface PublishedMonth {
  month: string;
  lastModified: Date;
  count: number;
  longestSlug: number;
  translated: number;
}

/** The article aggregate's one port: readers' queries and imports here, the newsroom's workflow in ArticleWorkflowStore. */
export interface ArticleStore extends ArticleWorkflowStore {
  /** Inserts the article, its topics, authors, short link and first revision, and indexes it, in one transaction. */
  insert(article: NewArticle): Promise<void>;
  /** Inserts a batch in one transaction: all of it or, on any error, none of it. */
  insertMany(articles: NewArticle[]): Promise<void>;
  findPublishedBySlug(slug: string): Promise<Article | null>;
  /** Whole published stories with these ids, in the order given, without corrections and translations (lists of whole stories: feeds). */
  findPublishedByIds(ids: string[]): Promise<Article[]>;
  /** Status of any article with this slug (to tell 404 from 410). */
  statusOfSlug(slug: string): Promise<ArticleStatus | null>;
  findByContentKey(contentKey: string): Promise<{ id: string; slug: string } | null>;
  isSlugTaken(slug: string): Promise<boolean>;
  isShortCodeTaken(code: string): Promise<boolean>;
  listPublished(query: ListQuery): Promise<Page<ArticleSummary>>;
  /** Ids of the newest published stories, overall or in a section: the cheap first step of composite pages. */
  listPublishedIds(query: { limit: number; sectionSlug?: string; edition?: string }): Promise<string[]>;
  /** The story after this one in its edition's stream (next older); for infinite scroll. */
  nextPublished(article: Pick<Article, 'id' | 'updatedAt'> & { edition?: Pick<EditionRef, 'id'> }): Promise<ArticleSummary | null>;
  /** Published stories of the same edition sharing topics with this one, most shared first. */
  related(articleId: string, limit: number): Promise<ArticleSummary[]>;
  /** Published stories first published at or after `since`, newest first (the news sitemap); one edition's when given. */
  listFirstPublishedSince(since: Date, limit: number, edition?: string): Promise<ArticleSummary[]>;
  /**
   * Months (YYYY-MM, by first publication, so a story never moves) with published stories, newest first: the latest
   * update in each, how many stories, the longest slug (in characters) and how many have translations (sitemap sizes).
   */
  listPublishedMonths(edition?: string): Promise<PublishedMonth[]>;
  /** Stories first published in that month (YYYY-MM), oldest first so a new story only ever adds to the end, with their translation group for hreflang. */
  listPublishedInMonth(month: string, edition?: string): Promise<{ slug: string; updatedAt: Date; translationGroup?: string | null }[]>;
  /** Published stories of these translation groups (sitemap hreflang alternates). */
  listTranslations(groups: string[]): Promise<{ group: string; slug: string; edition: EditionRef }[]>;
  countPublished(edition?: string): Promise<number>;
  findSlugByShortCode(code: string): Promise<string | null>;
  /** The story a short link names, whatever its status: readers are sent to a published one; an unpublished one is gone (410), as its page is. */
  findShortLinkTarget(code: string): Promise<{ slug: string; edition: EditionRef; status: ArticleStatus } | null>;
  /** Summaries of published articles with these ids, in the order given. */
  findSummariesByIds(ids: string[]): Promise<ArticleSummary[]>;
  /** A page of the edition's corrections of published stories, newest first; `before` is the `next` of the page before (null: the first). */
  listPublicCorrections(query: { edition: string; limit: number; before?: string | null }): Promise<{ items: PublicCorrection[]; next: string | null }>;
}

/** A correction as the public corrections page lists it, with the story it corrects. */
export interface PublicCorrection {
  note: string;
  createdAt: Date;
  article: { slug: string; headline: string };
}
