/** @module Article: the story as the newsroom writes it and readers see it (docs/glossary.md; the article anatomy of the demo capture). */
import type { EditionRef } from '../editions/edition.js';
export const ARTICLE_STATUSES = ['draft', 'in_review', 'scheduled', 'published', 'unpublished'] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export type TopicKind = 'person' | 'place' | 'organisation' | 'subject';

/** A stretch of text with inline formatting, as the newsroom editor writes it. `href` is checked by safeUrl at render. */
export interface TextRun {
  text: string;
  bold?: boolean;
  italic?: boolean;
  href?: string;
}

/** A photo placed in the body (from the media library). */
export interface BodyImage {
  type: 'image';
  mediaId: string | null;
  url: string;
  caption: string;
  credit: string | null;
  alt: string;
  width: number | null;
  height: number | null;
}

/**
 * One block of an article body. `text` is always the plain text (search, feeds, diffs); `runs`, when
 * present, carries the same text with inline formatting. `html` blocks are sanitised at render.
 * An embed is shown as a plain link: nothing is fetched from the embedded site.
 */
export type BodyBlock =
  | { type: 'paragraph'; text: string; runs?: TextRun[] }
  | { type: 'heading'; text: string; level: 2 | 3 }
  | { type: 'quote'; text: string; cite: string | null; runs?: TextRun[] }
  | { type: 'list'; ordered: boolean; items: string[] }
  | { type: 'html'; html: string }
  | BodyImage
  | { type: 'embed'; url: string; title: string | null };

/** The lead photo. `url` is null when only the caption survived (as in a text capture). */
export interface LeadImage {
  url: string | null;
  caption: string;
  credit: string | null;
  alt: string;
  width: number | null;
  height: number | null;
}

export type ArticleSource = { kind: 'staff' } | { kind: 'agency'; agency: string; wireId: string | null };

export interface TopicRef {
  slug: string;
  name: string;
  kind: TopicKind;
  /** false: a suggestion below the reader line (story-topics.ts) an editor has not accepted; readers never see it. Absent: accepted. */
  accepted?: false;
}

export interface NamedRef {
  slug: string;
  name: string;
}

/** An article with everything a reader page needs. */
export interface Article {
  id: string;
  slug: string;
  headline: string;
  highlights: string[];
  dateline: string | null;
  body: BodyBlock[];
  lead: LeadImage | null;
  section: NamedRef;
  topics: TopicRef[];
  authors: NamedRef[];
  source: ArticleSource;
  status: ArticleStatus;
  firstPublishedAt: Date | null;
  updatedAt: Date | null;
  updateNote: string | null;
  minorEdit: boolean;
  shortCode: string | null;
  /** The last write to the story of any kind, a minor edit included (which keeps `updatedAt`): its page's Last-Modified. */
  modifiedAt?: Date;
  /** The media library photo behind the lead image (responsive variants), when there is one. */
  leadMediaId?: string | null;
  /** Dated correction notes, oldest first. */
  corrections?: { note: string; createdAt: Date }[];
  /** The edition the story belongs to (its language, direction and URL prefix). */
  edition: EditionRef;
  /** The same story in other editions (published translations linked in the newsroom). */
  translations?: Translation[];
}

/** A published translation of a story in another edition. */
export interface Translation {
  edition: EditionRef;
  slug: string;
  headline: string;
}

/** What lists (home, section, topic, search, feeds) show of an article. */
export interface ArticleSummary {
  id: string;
  slug: string;
  headline: string;
  highlights: string[];
  dateline: string | null;
  lead: LeadImage | null;
  /** The library photo behind `lead`, whose variants make list thumbnails responsive (none for imported captions). */
  leadMediaId?: string | null;
  section: NamedRef;
  firstPublishedAt: Date;
  updatedAt: Date;
  edition: EditionRef;
}

/** The Update badge: the story changed publicly after it was first published. */
export function isUpdated(article: Pick<Article, 'firstPublishedAt' | 'updatedAt'>): boolean {
  const { firstPublishedAt, updatedAt } = article;
  return firstPublishedAt !== null && updatedAt !== null && updatedAt.getTime() > firstPublishedAt.getTime();
}

/** The plain text of a body, one block per line; for search, summaries and feeds. */
export function bodyText(body: readonly BodyBlock[]): string {
  return body
    .map((block) => {
      switch (block.type) {
        case 'list':
          return block.items.join('\n');
        case 'html':
          return block.html.replace(/<[^>]*>/g, ' ');
        case 'image':
          return block.caption;
        case 'embed':
          return block.title ?? block.url;
        default:
          return block.text;
      }
    })
    .join('\n');
}

/** A one or two sentence summary: the first highlight, else the lede. */
export function summaryOf(article: Pick<Article, 'highlights' | 'body'>): string {
  if (article.highlights[0]) return article.highlights[0];
  const first = article.body.find((block) => block.type === 'paragraph');
  return first && first.type === 'paragraph' ? first.text : '';
}

/** The canonical path of an article page, under its edition's prefix (`/ar/article/…`). Slugs are percent-encoded UTF-8. */
export function articlePath(article: Pick<Article, 'slug'> & { edition?: Pick<EditionRef, 'pathPrefix'> }): string {
  return `${article.edition?.pathPrefix ?? ''}/article/${encodeURIComponent(article.slug)}`;
}
