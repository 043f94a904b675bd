/** @module ArticleStore: the one port through which the core reads and writes articles (readers' and the newsroom's methods). */
import type { Article, ArticleStatus, ArticleSource, ArticleSummary, BodyBlock, LeadImage, TopicKind } from './article.js';
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
  topics: { slug: string; name: string; kind: TopicKind }[];
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

/** The article aggregate's one port: readers' queries and imports here, the newsroom's workflow in ArticleWorkflowStore. */
export interface ArticleStore extends ArticleWorkflowStore {
  /** Inserts the article, its topics, authors, short link and first revision, and indexes it, in one transaction. */
  insert(article: NewArticle): Promise<void>;
  /** Inserts a batch in one transaction: all of it or, on any error, none of it. */
  insertMany(articles: NewArticle[]): Promise<void>;
  findPublishedBySlug(slug: string): Promise<Article | null>;
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
  /** Months (YYYY-MM, by first publication, so a story never moves) with published stories, newest first, and the latest update in each. */
  listPublishedMonths(edition?: string): Promise<{ month: string; lastModified: Date }[]>;
  /** Stories first published in that month (YYYY-MM), with their translations' paths for hreflang. */
  listPublishedInMonth(month: string, edition?: string): Promise<{ slug: string; updatedAt: Date; translationGroup?: string | null }[]>;
  /** Published stories of these translation groups (sitemap hreflang alternates). */
  listTranslations(groups: string[]): Promise<{ group: string; slug: string; edition: EditionRef }[]>;
  countPublished(edition?: string): Promise<number>;
  findSlugByShortCode(code: string): Promise<string | null>;
  /** Where a short link leads: the published story's slug and edition. */
  findShortLinkTarget(code: string): Promise<{ slug: string; edition: EditionRef } | null>;
  /** Summaries of published articles with these ids, in the order given. */
  findSummariesByIds(ids: string[]): Promise<ArticleSummary[]>;
}
