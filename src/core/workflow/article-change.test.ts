/** Unpublishing asks for a reason and keeps it on the revision; the other notes' rules stay as they were. */
import { describe, expect, it } from 'vitest';
import { emptyArticleFields } from '../articles/article-fields.js';
import type { ArticleState } from '../articles/article-workflow-store.js';
import { actionInputIssues, planChange } from './article-change.js';

const T0 = new Date('2026-12-06T08:00:00Z');
const state: ArticleState = {
  id: 'a1', slug: 'port-strike', status: 'published', version: 3, fields: emptyArticleFields({ slug: 'world', name: 'World' }, null),
  createdBy: 's1', firstPublishedAt: T0, updatedAt: T0, updateNote: null, scheduledAt: null, createdAt: T0, modifiedAt: T0,
  shortCode: 'abc12', edition: 'en', translationGroup: null,
};
const input = (note: string | null) => ({ action: 'unpublish' as const, fields: state.fields, note, scheduledAt: null, autosave: false, expectedVersion: 3 });

describe('unpublishing', () => {
  it('needs a reason: none, or only spaces, is a problem with the note', () => {
    for (const note of [null, '', '   \n ']) {
      expect(actionInputIssues('unpublish', { note, scheduledAt: null }, T0)).toEqual([{ path: 'note', message: expect.stringContaining('reason') }]);
    }
    expect(actionInputIssues('unpublish', { note: 'Legal hold — طلب قانوني 法律', scheduledAt: null }, T0)).toEqual([]);
  });

  it('keeps the reason as the revision note and leaves the public times and update note alone', () => {
    const change = planChange(state, input('Legal hold — طلب قانوني 🛑'), { now: new Date(T0.getTime() + 60_000), actorId: 's2', revisionId: 'r9', correctionId: 'c9' });
    expect(change.status).toBe('unpublished');
    expect(change.revision).toMatchObject({ kind: 'unpublished', note: 'Legal hold — طلب قانوني 🛑', actor: 's2' });
    expect(change.updatedAt).toEqual(T0);
    expect(change.updateNote).toBeNull();
  });

  it('asks nothing of other actions that never had a note', () => {
    expect(actionInputIssues('republish', { note: null, scheduledAt: null }, T0)).toEqual([]);
    expect(actionInputIssues('minor', { note: null, scheduledAt: null }, T0)).toEqual([]);
  });
});
