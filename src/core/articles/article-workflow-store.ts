/** @module ArticleWorkflowStore: the newsroom's half of the ArticleStore port — articles in every status, conditional changes, revisions, translation groups. */
import type { ArticleStatus } from './article.js';
import type { Page } from './article-store.js';
import type { Edition } from '../editions/edition.js';
import type { ArticleFields } from './article-fields.js';

/** What a revision records. `created`/`saved` are drafts' saves; `conflict` keeps the losing side of a concurrent edit. */
export type RevisionKind =
  | 'created' | 'saved' | 'autosave' | 'submitted' | 'returned' | 'published' | 'scheduled' | 'unscheduled'
  | 'updated' | 'minor' | 'corrected' | 'unpublished' | 'republished' | 'restored' | 'conflict';

/** Revisions whose content readers saw become public versions ("What changed"); minor edits are left out. */
export const PUBLIC_REVISION_KINDS: readonly RevisionKind[] = ['published', 'updated', 'corrected', 'republished'];

export interface ArticleState {
  id: string;
  slug: string;
  status: ArticleStatus;
  version: number;
  fields: ArticleFields;
  createdBy: string | null;
  firstPublishedAt: Date | null;
  updatedAt: Date | null;
  updateNote: string | null;
  scheduledAt: Date | null;
  createdAt: Date;
  modifiedAt: Date;
  shortCode: string | null;
  /** The edition of its section (articles.edition_id): the store keeps the two in step on every change. */
  edition: string;
  /** Stories sharing a group translate each other; null when the story has no linked translation. */
  translationGroup: string | null;
}

/** One story of a translation group, as the editor's Translations box and the link rules see it. */
export interface TranslationMember {
  id: string;
  slug: string;
  headline: string;
  status: ArticleStatus;
  createdBy: string | null;
  translationGroup: string | null;
  edition: Pick<Edition, 'id' | 'name' | 'language' | 'direction' | 'pathPrefix'>;
}

/** Puts stories into one group: `ids` and every member of `mergeGroups` end up in `group`. */
export interface TranslationJoin {
  group: string;
  ids: string[];
  mergeGroups: string[];
}

export interface RevisionSummary {
  id: string;
  number: number;
  kind: RevisionKind;
  actor: string | null;
  actorName: string | null;
  createdAt: Date;
  note: string | null;
  version: number | null;
}

export interface Revision extends RevisionSummary {
  fields: ArticleFields;
}

export interface Correction {
  id: string;
  note: string;
  createdAt: Date;
}

export interface NewRevision {
  id: string;
  kind: RevisionKind;
  actor: string | null;
  note: string | null;
  createdAt: Date;
}

/** One conditional change: it applies only if the story still has `expectedVersion` (when given) and one of `fromStatuses`. */
export interface ArticleChange {
  id: string;
  expectedVersion: number | null;
  fromStatuses: readonly ArticleStatus[];
  status: ArticleStatus;
  /** A new slug (only before first publication: readers never saw the old one). */
  slug?: string;
  fields: ArticleFields;
  firstPublishedAt: Date | null;
  updatedAt: Date | null;
  updateNote: string | null;
  minorEdit: boolean;
  scheduledAt: Date | null;
  /** Only for scheduled publishing: the scheduled time must have passed. */
  dueBy?: Date;
  modifiedBy: string | null;
  revision: NewRevision;
  correction?: Correction;
}

export type ChangeOutcome =
  | { ok: true; version: number }
  | { ok: false; current: { version: number; status: ArticleStatus } | null };

export interface NewsroomListQuery {
  limit: number;
  cursor?: string | null;
  statuses?: ArticleStatus[];
  createdBy?: string;
  sectionSlug?: string;
  /** Words of the headline (case-insensitive substring). */
  text?: string;
  /** Only the stories this staff member may read; every story when absent. */
  visibleTo?: ArticleVisibility;
}

/**
 * The stories one staff member may read, as a list query applies it: their own (created by `staffId`) in
 * `ownStatuses`, and anyone's in `anyStatuses`. Derived from the read rules (core/workflow/article-reads.ts), never written by hand.
 */
export interface ArticleVisibility {
  staffId: string;
  ownStatuses: readonly ArticleStatus[];
  anyStatuses: readonly ArticleStatus[];
}

export interface ArticleListItem {
  id: string;
  slug: string;
  headline: string;
  status: ArticleStatus;
  section: string;
  createdBy: string | null;
  createdByName: string | null;
  modifiedAt: Date;
  scheduledAt: Date | null;
  updatedAt: Date | null;
  edition: string;
}

/** The newsroom's methods of the one article port (ArticleStore extends it). */
export interface ArticleWorkflowStore {
  findState(id: string): Promise<ArticleState | null>;
  /** The id of the story with this slug, whatever its status. */
  findIdBySlug(slug: string): Promise<string | null>;
  /** Applies the change, its links, search entry and revision in one transaction — or nothing. */
  applyChange(change: ArticleChange): Promise<ChangeOutcome>;
  /** Records a revision without changing the story (the losing side of a conflict). */
  addRevision(articleId: string, revision: NewRevision, fields: ArticleFields): Promise<void>;
  list(query: NewsroomListQuery): Promise<Page<ArticleListItem>>;
  listRevisions(articleId: string): Promise<RevisionSummary[]>;
  findRevision(articleId: string, number: number): Promise<Revision | null>;
  /** Public versions (PUBLIC_REVISION_KINDS), oldest first. */
  listPublicRevisions(articleId: string): Promise<Revision[]>;
  listCorrections(articleId: string): Promise<Correction[]>;
  /** Scheduled stories whose time is at or before `now`, oldest first. */
  listDueScheduled(now: Date, limit: number): Promise<{ id: string; version: number }[]>;
  /** The story as a translation group sees it (any status); null when there is no such story. */
  findTranslationMember(id: string): Promise<TranslationMember | null>;
  /** Every story of a group (any status), in edition order. */
  listTranslationGroup(group: string): Promise<TranslationMember[]>;
  /** Links stories as translations of each other, in one transaction. */
  joinTranslationGroup(join: TranslationJoin): Promise<void>;
  /** Takes the story out of its group; a group left with one story is dissolved. One transaction. */
  leaveTranslationGroup(id: string): Promise<void>;
}
