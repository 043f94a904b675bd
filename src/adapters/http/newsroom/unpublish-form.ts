/**
 * @module Unpublishing asks first: a form with the reason (required, kept in the revision history), shown as a
 * `<dialog>` in the editor when its script runs and as a page of its own without it.
 */
import type { ArticleState } from '../../../core/articles/article-workflow-store.js';
import { html, type SafeHtml } from '../html/html.js';

export interface UnpublishFormInput {
  state: Pick<ArticleState, 'id' | 'version' | 'fields'>;
  csrf: string;
  /** What was typed, when the form comes back with a problem. */
  reason?: string;
  problem?: string | null;
  /** The form's ids are unique on the editor page and on the page of its own alike. */
  idPrefix: string;
}

export function unpublishForm(input: UnpublishFormInput): SafeHtml {
  const { state, idPrefix: p } = input;
  const problem = input.problem ? html`<p class="field-error" id="${p}-reason-error" role="alert">${input.problem}</p>` : '';
  const describedBy = `${p}-reason-hint${input.problem ? ` ${p}-reason-error` : ''}`;
  return html`<form class="nr-form unpublish-form" method="post" action="/newsroom/stories/${state.id}/unpublish">
  <input type="hidden" name="_csrf" value="${input.csrf}">
  <input type="hidden" name="version" value="${state.version}">
  <p class="unpublish-headline"><bdi>${state.fields.headline || 'Untitled draft'}</bdi></p>
  <p>Readers will get “This story has been withdrawn” (410 Gone) at its address and short link, and it leaves every list, feed and sitemap. You can republish it later.</p>
  <div class="field"><label class="field-label" for="${p}-reason">Reason for unpublishing</label>
    <textarea id="${p}-reason" name="reason" rows="3" required maxlength="1000" dir="auto" aria-describedby="${describedBy}"${input.problem ? html` aria-invalid="true"` : ''}>${input.reason ?? ''}</textarea>
    <p class="field-hint" id="${p}-reason-hint">Kept in the story’s revision history for the desk; readers do not see it.</p>${problem}</div>
  <div class="button-row">
    <button class="btn btn-danger" type="submit">Unpublish</button>
    <a class="btn" href="/newsroom/stories/${state.id}/edit" data-close-dialog>Cancel</a>
  </div>
</form>`;
}

/** In the editor: the link to the page, which the editor script turns into this dialog. */
export function unpublishDialog(input: Omit<UnpublishFormInput, 'idPrefix'>): SafeHtml {
  return html`<dialog id="unpublish-dialog" class="nr-dialog" aria-labelledby="unpublish-dialog-title">
  <h2 id="unpublish-dialog-title">Unpublish this story?</h2>
  ${unpublishForm({ ...input, idPrefix: 'dialog-unpublish' })}
</dialog>`;
}

export function unpublishButton(id: string): SafeHtml {
  return html`<a class="btn btn-danger" href="/newsroom/stories/${id}/unpublish" data-unpublish-dialog="unpublish-dialog">Unpublish…</a>`;
}
