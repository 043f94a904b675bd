/**
 * @module The story editor's Translations box: the linked stories, "Link a translation" and "Unlink". Its controls sit
 * in the editor's sidebar but belong (by their `form` attribute) to two small forms outside the story form: forms do not nest.
 */
import type { StaffUser } from '../../../core/staff/staff-user.js';
import { isOwnArticle } from '../../../core/workflow/article-reads.js';
import { checkTranslationAction, statusLabel } from '../../../core/workflow/article-actions.js';
import type { ArticleState, TranslationMember } from '../../../core/articles/article-workflow-store.js';
import { html, type SafeHtml } from '../html/html.js';

export interface TranslationsBoxInput {
  state: ArticleState;
  user: StaffUser;
  csrf: string;
  translations: TranslationMember[];
  translationError?: string;
  /** What was pasted, shown again with the error. */
  translationAddress?: string;
}

const LINK_FORM = 'translation-link';
const UNLINK_FORM = 'translation-unlink';

function may(input: TranslationsBoxInput, action: 'link' | 'unlink'): boolean {
  return checkTranslationAction(action, input.user.role, isOwnArticle(input.state, input.user)).ok;
}

function member(m: TranslationMember): SafeHtml {
  return html`<li><span class="nr-translation-edition" lang="${m.edition.language}">${m.edition.name}</span>:
    <a href="/newsroom/stories/${m.id}/edit" dir="auto" lang="${m.edition.language}">${m.headline || 'Untitled draft'}</a>
    <span class="status-badge" data-status="${m.status}">${statusLabel(m.status)}</span></li>`;
}

export function translationsBox(input: TranslationsBoxInput): SafeHtml {
  const error = input.translationError;
  return html`<section class="nr-translations" aria-labelledby="translations-h">
  <h2 id="translations-h">Translations</h2>
  ${input.translations.length ? html`<ul class="nr-translation-list">${input.translations.map(member)}</ul>` : html`<p class="empty-state">No translation linked.</p>`}
  ${may(input, 'link') ? html`<div class="field">
    <label class="field-label" for="translation-address">Link a translation</label>
    <input id="translation-address" form="${LINK_FORM}" name="address" type="text" value="${input.translationAddress ?? ''}" maxlength="2000" required dir="auto" aria-describedby="translation-hint${error ? ' translation-error' : ''}"${error ? html` aria-invalid="true"` : ''}>
    <p class="field-hint" id="translation-hint">Paste the other story's address (/ar/article/…, or its newsroom edit page) or its slug.</p>
    ${error ? html`<p class="field-error" id="translation-error" role="alert">${error}</p>` : ''}
    <button class="btn" type="submit" form="${LINK_FORM}">Link</button>
  </div>` : ''}
  ${input.translations.length && may(input, 'unlink') ? html`<button class="btn btn-quiet" type="submit" form="${UNLINK_FORM}">Unlink this story from its translations</button>` : ''}
</section>`;
}

/** The two forms the box's controls submit; placed after the story form. */
export function translationForms(input: TranslationsBoxInput): SafeHtml {
  const base = `/newsroom/stories/${input.state.id}/translations`;
  return html`<form id="${LINK_FORM}" method="post" action="${base}" hidden><input type="hidden" name="_csrf" value="${input.csrf}"></form>
<form id="${UNLINK_FORM}" method="post" action="${base}/unlink" hidden><input type="hidden" name="_csrf" value="${input.csrf}"></form>`;
}
