/** @module Turns a newsroom action on a story into the one conditional change the store applies (pure: time comes in). */
import type { ArticleStatus } from '../articles/article.js';
import { ACTION_RULES, type ArticleAction } from './article-actions.js';
import type { NewRevision, RevisionKind, ArticleChange, ArticleState } from '../articles/article-workflow-store.js';
import type { ArticleFields } from '../articles/article-fields.js';

export interface ActionInput {
  action: ArticleAction;
  fields: ArticleFields;
  note: string | null;
  scheduledAt: Date | null;
  /** A background save from the editor (recorded as `autosave`, not `saved`). */
  autosave: boolean;
  expectedVersion: number | null;
  /** For `restore`: which revision. */
  revisionNumber?: number;
}

const KIND: Record<ArticleAction, RevisionKind> = {
  save: 'saved', submit: 'submitted', return: 'returned', publish: 'published', schedule: 'scheduled',
  unschedule: 'unscheduled', update: 'updated', minor: 'minor', correct: 'corrected', unpublish: 'unpublished',
  republish: 'republished', restore: 'restored',
};

export function planChange(state: ArticleState, input: ActionInput, ctx: { now: Date; actorId: string; revisionId: string; correctionId: string }): ArticleChange {
  const { action, now } = { action: input.action, now: ctx.now };
  const rule = ACTION_RULES[action];
  const status: ArticleStatus = rule.to ?? state.status;
  let kind: RevisionKind = input.autosave && action === 'save' ? 'autosave' : KIND[action];
  let firstPublishedAt = state.firstPublishedAt;
  let updatedAt = state.updatedAt;
  let updateNote = state.updateNote;
  let minorEdit = false;
  let scheduledAt = state.scheduledAt;
  let note: string | null = null;

  switch (action) {
    case 'publish':
      firstPublishedAt = now;
      updatedAt = now;
      updateNote = null;
      scheduledAt = null;
      break;
    case 'schedule':
      scheduledAt = input.scheduledAt;
      note = input.scheduledAt ? `For ${input.scheduledAt.toISOString()}` : null;
      break;
    case 'unschedule':
      scheduledAt = null;
      break;
    case 'update':
      updatedAt = now;
      updateNote = input.note;
      note = input.note;
      break;
    case 'correct':
      updatedAt = now;
      note = input.note;
      break;
    case 'minor':
      minorEdit = true;
      break;
    case 'unpublish':
      // The reason stays in the revision history, for the desk; readers see only that the story is withdrawn.
      note = input.note;
      break;
    case 'republish':
      updatedAt = now;
      break;
    case 'restore':
      note = `Restored revision ${input.revisionNumber ?? '?'}`;
      // A published story changes in public when restored: that is an update readers are told about.
      if (state.status === 'published') {
        kind = 'updated';
        updatedAt = now;
        updateNote = input.note ?? 'An earlier version of this story was restored.';
        // Readers see this note in "What changed": no internal revision numbers.
        note = updateNote;
      }
      break;
    default:
      break;
  }

  const revision: NewRevision = { id: ctx.revisionId, kind, actor: ctx.actorId, note, createdAt: now };
  return {
    id: state.id,
    expectedVersion: input.expectedVersion,
    fromStatuses: [state.status],
    status,
    fields: input.fields,
    firstPublishedAt,
    updatedAt,
    updateNote,
    minorEdit,
    scheduledAt,
    modifiedBy: ctx.actorId,
    revision,
    ...(action === 'correct' && input.note ? { correction: { id: ctx.correctionId, note: input.note, createdAt: now } } : {}),
  };
}

/** Does this action need a complete, publishable story? */
export function needsPublishableFields(action: ArticleAction, status: ArticleStatus): boolean {
  if (['publish', 'schedule', 'update', 'minor', 'correct', 'republish'].includes(action)) return true;
  return action === 'restore' && status === 'published';
}

/** Problems with the action's own inputs (notes, times), before the fields are looked at. */
export function actionInputIssues(action: ArticleAction, input: Pick<ActionInput, 'note' | 'scheduledAt'>, now: Date): { path: string; message: string }[] {
  if (action === 'update' && !input.note?.trim()) return [{ path: 'note', message: 'An update needs a note telling readers what changed.' }];
  if (action === 'correct' && !input.note?.trim()) return [{ path: 'note', message: 'A correction needs a note saying what was wrong.' }];
  if (action === 'unpublish' && !input.note?.trim()) return [{ path: 'note', message: 'Unpublishing needs a reason, kept in the revision history.' }];
  if (action === 'schedule') {
    if (!input.scheduledAt) return [{ path: 'scheduled_at', message: 'Choose when the story should be published.' }];
    if (input.scheduledAt.getTime() <= now.getTime()) return [{ path: 'scheduled_at', message: 'The scheduled time must be in the future.' }];
  }
  return [];
}
