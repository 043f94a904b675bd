/**
 * @module Who may read which story in the newsroom, as one table beside the workflow's (article-actions.ts): for each
 * read, each role, and a story of their own or of someone else, the statuses in which the story is theirs to see.
 * Contributors and reporters read their own stories in any status and everyone's published ones; editors and admins
 * read every story. A story a staff member may not read answers exactly as one that does not exist.
 */
import { ARTICLE_STATUSES, type ArticleStatus } from '../articles/article.js';
import type { ArticleVisibility } from '../articles/article-workflow-store.js';
import type { Role, StaffUser } from '../staff/staff-user.js';

/**
 * Every way the newsroom shows a story's content (or its headline):
 * - `edit`: the story editor (and the form coming back with problems); `preview`: the story as readers would see it;
 * - `revisions`: its list of revisions; `diff`: the changes between two of them;
 * - `list`: the desk, the story list and its headline search;
 * - `translation`: a linked story named in another story's Translations box;
 * - `wire-item`: the story a wire item became, linked from the item's page.
 * Not reads of a story: the media library (photos belong to no story; every staff member picks from all of them, and
 * their variants are public files) and wire copy itself (the agency's text, the same for the whole desk).
 */
export const ARTICLE_READS = ['edit', 'preview', 'revisions', 'diff', 'list', 'translation', 'wire-item'] as const;
export type ArticleRead = (typeof ARTICLE_READS)[number];

/** The statuses in which a role may read its own stories and anyone's. */
export interface ReadScope {
  own: readonly ArticleStatus[];
  any: readonly ArticleStatus[];
}

const EVERY_STATUS: readonly ArticleStatus[] = ARTICLE_STATUSES;
/** Contributors and reporters: their own work in any status, and what readers can already see. */
const WRITER: ReadScope = { own: EVERY_STATUS, any: ['published'] };
/** Editors and admins: every story, whoever wrote it. */
const DESK: ReadScope = { own: EVERY_STATUS, any: EVERY_STATUS };
const BY_ROLE: Record<Role, ReadScope> = { contributor: WRITER, reporter: WRITER, editor: DESK, admin: DESK };

/** The read rules: one row per read, one scope per role. The only place the rule lives. */
export const READ_RULES: Record<ArticleRead, Record<Role, ReadScope>> = {
  edit: BY_ROLE,
  preview: BY_ROLE,
  revisions: BY_ROLE,
  diff: BY_ROLE,
  list: BY_ROLE,
  translation: BY_ROLE,
  'wire-item': BY_ROLE,
};

/** The staff member who created a story owns it (the workflow table's "own" as well). */
export function isOwnArticle(article: { createdBy: string | null }, staff: Pick<StaffUser, 'id'>): boolean {
  return article.createdBy === staff.id;
}

/** May this staff member read this story this way? */
export function canReadArticle(read: ArticleRead, staff: Pick<StaffUser, 'id' | 'role'>, article: { status: ArticleStatus; createdBy: string | null }): boolean {
  const scope = READ_RULES[read][staff.role];
  return scope.any.includes(article.status) || (isOwnArticle(article, staff) && scope.own.includes(article.status));
}

/** The same rule as a list query applies it; `null` when the staff member may read every story (no filter at all). */
export function articleVisibility(read: ArticleRead, staff: Pick<StaffUser, 'id' | 'role'>): ArticleVisibility | null {
  const scope = READ_RULES[read][staff.role];
  if (EVERY_STATUS.every((s) => scope.any.includes(s))) return null;
  return { staffId: staff.id, ownStatuses: scope.own, anyStatuses: scope.any };
}
