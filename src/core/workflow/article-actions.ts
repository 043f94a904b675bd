/**
 * @module The story workflow (draft → in review → scheduled | published → updated / corrected → unpublished) as one table: for each newsroom action, the statuses it starts
 * from, the status it leads to, and the roles that may take it (on their own stories or on anyone's).
 */
import type { ArticleStatus } from '../articles/article.js';
import type { Role } from '../staff/staff-user.js';

export const ARTICLE_ACTIONS = [
  'save', 'submit', 'return', 'publish', 'schedule', 'unschedule',
  'update', 'minor', 'correct', 'unpublish', 'republish', 'restore',
] as const;
export type ArticleAction = (typeof ARTICLE_ACTIONS)[number];

export function isArticleAction(value: string): value is ArticleAction {
  return (ARTICLE_ACTIONS as readonly string[]).includes(value);
}

interface ActionRule {
  from: readonly ArticleStatus[];
  /** `null`: the status stays as it is. */
  to: ArticleStatus | null;
  /** Roles that may take the action on a story they created. */
  own: readonly Role[];
  /** Roles that may take the action on anyone's story. */
  any: readonly Role[];
  label: string;
}

const DESK: readonly Role[] = ['editor', 'admin'];
const WRITERS: readonly Role[] = ['reporter', 'editor', 'admin'];

export const ACTION_RULES: Record<ArticleAction, ActionRule> = {
  save: { from: ['draft', 'in_review', 'scheduled'], to: null, own: ['contributor', 'reporter', 'editor', 'admin'], any: DESK, label: 'Save' },
  submit: { from: ['draft'], to: 'in_review', own: WRITERS, any: DESK, label: 'Submit for review' },
  return: { from: ['in_review'], to: 'draft', own: WRITERS, any: DESK, label: 'Back to draft' },
  publish: { from: ['draft', 'in_review'], to: 'published', own: DESK, any: DESK, label: 'Publish' },
  schedule: { from: ['draft', 'in_review', 'scheduled'], to: 'scheduled', own: DESK, any: DESK, label: 'Schedule' },
  unschedule: { from: ['scheduled'], to: 'draft', own: DESK, any: DESK, label: 'Unschedule' },
  update: { from: ['published'], to: null, own: DESK, any: DESK, label: 'Publish update' },
  minor: { from: ['published'], to: null, own: DESK, any: DESK, label: 'Minor edit' },
  correct: { from: ['published'], to: null, own: DESK, any: DESK, label: 'Publish correction' },
  unpublish: { from: ['published'], to: 'unpublished', own: DESK, any: DESK, label: 'Unpublish' },
  republish: { from: ['unpublished'], to: 'published', own: DESK, any: DESK, label: 'Republish' },
  restore: { from: ['draft', 'in_review', 'scheduled', 'published'], to: null, own: DESK, any: DESK, label: 'Restore this revision' },
};

/**
 * Contributors only touch their own drafts; reporters their own drafts and stories in review.
 * (Saving is the one action whose rule also depends on the status.)
 */
const OWN_SAVE_STATUSES: Record<Role, readonly ArticleStatus[]> = {
  contributor: ['draft'],
  reporter: ['draft', 'in_review'],
  editor: ['draft', 'in_review', 'scheduled'],
  admin: ['draft', 'in_review', 'scheduled'],
};

export type ActionCheck = { ok: true } | { ok: false; code: 'WORKFLOW_TRANSITION_FORBIDDEN' | 'WORKFLOW_TRANSITION_INVALID'; message: string };

/** May this role take this action on a story in this status, created by them (`isOwn`) or not? */
export function checkArticleAction(action: ArticleAction, role: Role, status: ArticleStatus, isOwn: boolean): ActionCheck {
  const rule = ACTION_RULES[action];
  const allowedRole = rule.any.includes(role) || (isOwn && rule.own.includes(role));
  if (!allowedRole) {
    return { ok: false, code: 'WORKFLOW_TRANSITION_FORBIDDEN', message: `A ${role} cannot ${rule.label.toLowerCase()} ${isOwn ? 'this' : "someone else's"} story.` };
  }
  if (!rule.from.includes(status)) {
    return { ok: false, code: 'WORKFLOW_TRANSITION_INVALID', message: `“${rule.label}” is not possible for a story that is ${statusLabel(status).toLowerCase()}.` };
  }
  if (action === 'save' && !rule.any.includes(role) && !OWN_SAVE_STATUSES[role].includes(status)) {
    return { ok: false, code: 'WORKFLOW_TRANSITION_FORBIDDEN', message: `A ${role} cannot edit a story that is ${statusLabel(status).toLowerCase()}.` };
  }
  return { ok: true };
}

/** The actions this role could take now, in the order the editor shows them. */
export function availableActions(role: Role, status: ArticleStatus, isOwn: boolean): ArticleAction[] {
  return ARTICLE_ACTIONS.filter((a) => a !== 'restore' && checkArticleAction(a, role, status, isOwn).ok);
}

export function canCreateArticle(_role: Role): boolean {
  return true;
}

export function statusLabel(status: ArticleStatus): string {
  switch (status) {
    case 'draft': return 'Draft';
    case 'in_review': return 'In review';
    case 'scheduled': return 'Scheduled';
    case 'published': return 'Published';
    case 'unpublished': return 'Unpublished';
  }
}

/** Linking stories as translations of each other (the editor's Translations box). */
export const TRANSLATION_ACTIONS = ['link', 'unlink'] as const;
export type TranslationAction = (typeof TRANSLATION_ACTIONS)[number];

/** A translation link changes two editions' pages at once: the desk's call, on anyone's story; never a writer's. */
export const TRANSLATION_RULES: Record<TranslationAction, { own: readonly Role[]; any: readonly Role[]; label: string }> = {
  link: { own: DESK, any: DESK, label: 'link a translation to' },
  unlink: { own: DESK, any: DESK, label: 'unlink a translation from' },
};

/** May this role link (or unlink) translations of a story they created (`isOwn`) or of someone else's? */
export function checkTranslationAction(action: TranslationAction, role: Role, isOwn: boolean): { ok: true } | { ok: false; code: 'PERMISSION_DENIED'; message: string } {
  const rule = TRANSLATION_RULES[action];
  if (rule.any.includes(role) || (isOwn && rule.own.includes(role))) return { ok: true };
  return { ok: false, code: 'PERMISSION_DENIED', message: `A ${role} cannot ${rule.label} ${isOwn ? 'this' : "someone else's"} story; ask an editor.` };
}
