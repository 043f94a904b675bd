/** @module Site posts: one story of another platform's export (WordPress, Ghost) as the site import reads it, before it is a Dateline story. */
import type { ArticleStatus, BodyBlock, LeadImage, NamedRef } from '../articles/article.js';
import type { SitePageKind } from '../site-pages/site-page.js';

/** What an old address names on the new site: a story (by id), a section, topic or author page (by slug), or an edition's static page (`EDITION:KIND`). */
export type OldUrlTargetKind = 'article' | 'section' | 'topic' | 'author' | 'page';

/** An old address: a path as the old site wrote it (`/2024/01/15/slug/`) or its query form (`/?p=123`). */
export interface OldUrl {
  path: string;
  kind: OldUrlTargetKind;
  /** The story's id for an article; the slug of the section, topic or author; `EDITION:KIND` of a static page. */
  target: string;
}

/** The old site's pages that are one of an edition's static pages (About, Contact, Corrections policy, Privacy), by their slugs. */
export const STATIC_PAGE_SLUGS: Readonly<Record<string, SitePageKind>> = {
  about: 'about', 'about-us': 'about', 'who-we-are': 'about',
  contact: 'contact', 'contact-us': 'contact',
  corrections: 'corrections-policy', 'corrections-policy': 'corrections-policy', 'corrections-and-clarifications': 'corrections-policy',
  privacy: 'privacy', 'privacy-policy': 'privacy',
};

/** A published page of the old site that becomes an edition's static page (when no person has written that page here). */
export interface SiteStaticPage {
  sourceKey: string;
  sourceId: string;
  line: number;
  kind: SitePageKind;
  title: string;
  body: BodyBlock[];
  /** The page's old paths (permalink, `?page_id=ID`). */
  oldPaths: string[];
}

/** The workflow states an export's post statuses map to (see statusOfWordPressPost). */
export type SitePostStatus = Extract<ArticleStatus, 'published' | 'draft' | 'in_review' | 'scheduled'>;

export interface SitePost {
  /** Unique across imports: `wordpress:HOST:POST_ID`, `ghost:POST_ID`; kept as the story's content key. */
  sourceKey: string;
  /** The export's own id of the post, as problems name it. */
  sourceId: string;
  /** Where the post starts in the file (1-based; 0 when the format has no lines). */
  line: number;
  title: string;
  /** The post's own slug (decoded); empty when it has none (drafts). */
  slug: string;
  status: SitePostStatus;
  publishedAt: Date | null;
  modifiedAt: Date | null;
  authors: NamedRef[];
  /** The post's section (WordPress: first category; Ghost: primary tag); the import's default when null. */
  section: NamedRef | null;
  topics: NamedRef[];
  /** The excerpt: the story's highlight. */
  excerpt: string;
  body: BodyBlock[];
  lead: LeadImage | null;
  /** The media library photo behind `lead`, when the import brought the photo in (`--media`). */
  leadMediaId?: string | null;
  /** Old paths of the post itself (its target is filled in once the story has an id). */
  oldPaths: string[];
  /** A digest of the item as read: a re-run updates the story only when it changed. */
  digest: string;
}

/** A post that could not be read: named by its id (when it has one) and line, the rest of the file imports. */
export interface SiteImportProblem {
  line: number;
  id: string | null;
  message: string;
}

/** What the export reader hands the import: posts, archive addresses of terms, problems, and what it left out. */
export type SiteExportRecord =
  | { kind: 'post'; post: SitePost }
  | { kind: 'page'; page: SiteStaticPage }
  /**
   * A featured image the export names after its post (WordPress writes an upload after the post it was made for):
   * set on the post's story once the file has named it, so posts store as they stream instead of after a first pass.
   */
  | { kind: 'lead'; sourceKey: string; title: string; lead: LeadImage; leadMediaId?: string | null }
  | { kind: 'term-url'; url: OldUrl }
  | { kind: 'problem'; problem: SiteImportProblem }
  | { kind: 'skipped'; what: SkippedKind; count: number };

/** Parts of an export the import does not turn into stories, counted in the summary. */
/** `media`: photos left at their old address (not found under `--media DIR`, refused or unreadable when fetched). */
export type SkippedKind = 'comments' | 'pages' | 'attachments' | 'trashed' | 'other' | 'media';

/** A path as old-address lookups compare it: decoded, NFC, without its trailing slash (`/` stays `/`). */
export function normaliseOldPath(path: string): string {
  let decoded = path;
  try {
    decoded = decodeURIComponent(path);
  } catch {
    // A path that does not decode is compared as written.
  }
  const trimmed = decoded.normalize('NFC').replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed.startsWith('/') || trimmed.startsWith('?') ? trimmed : `/${trimmed}`;
}
