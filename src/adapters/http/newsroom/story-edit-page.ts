/** @module The story editor page: every field, the TipTap body (see the DOM contract in client/newsroom-editor.ts), and the workflow buttons this user may press. */
import { articlePath } from '../../../core/articles/article.js';
import type { Edition } from '../../../core/editions/edition.js';
import type { StaffUser } from '../../../core/staff/staff-user.js';
import { ACTION_RULES, availableActions, statusLabel, type ArticleAction } from '../../../core/workflow/article-actions.js';
import { isOwnArticle } from '../../../core/workflow/article-reads.js';
import type { ArticleState, TranslationMember } from '../../../core/articles/article-workflow-store.js';
import type { FieldIssue } from '../../../core/articles/article-fields.js';
import { html, type SafeHtml } from '../html/html.js';
import { sectionOptions, type EditionSection } from './section-picker.js';
import { translationForms, translationsBox } from './story-translations-box.js';
import { datetimeLocalValue } from '../../../core/shared/zoned-time.js';
import { canSendAlerts } from '../../../core/alerts/alert.js';
import { unpublishButton, unpublishDialog } from './unpublish-form.js';
import { zoneLabel } from './staff-time.js';

export interface EditPageInput {
  state: ArticleState;
  user: StaffUser;
  csrf: string;
  /** Every edition's sections: picking one picks the story's edition. */
  sections: EditionSection[];
  /** The story's edition (its direction sets the body editor's) and every edition (the section groups). */
  edition: Edition;
  editions: readonly Edition[];
  /** The other stories of its translation group, and the problem with a link just tried, if any. */
  translations: TranslationMember[];
  translationError?: string;
  translationAddress?: string;
  issues: FieldIssue[];
  timeZone: string;
  leadPreviewUrl: string | null;
  /** Values typed into note and schedule when a form comes back with problems. */
  note?: string;
  scheduledAtLocal?: string;
}

function errorFor(issues: FieldIssue[], path: string): SafeHtml | '' {
  const issue = issues.find((i) => i.path === path || i.path.startsWith(`${path}.`));
  return issue ? html`<p class="field-error" id="${path.replace(/\W/g, '-')}-error">${issue.message}</p>` : '';
}

function described(issues: FieldIssue[], path: string): SafeHtml | '' {
  return issues.some((i) => i.path === path || i.path.startsWith(`${path}.`)) ? html` aria-invalid="true" aria-describedby="${path.replace(/\W/g, '-')}-error"` : '';
}

const BUTTON_CLASS: Partial<Record<ArticleAction, string>> = { publish: 'btn btn-primary', update: 'btn btn-primary', republish: 'btn btn-primary', unpublish: 'btn btn-danger' };

/** Unpublish is not a submit button: it asks first, for a reason (unpublish-form.ts). */
function actionButtons(actions: ArticleAction[], id: string): SafeHtml {
  return html`${actions.map((a) => (a === 'unpublish' ? unpublishButton(id) : html`<button class="${BUTTON_CLASS[a] ?? 'btn'}" type="submit" name="action" value="${a}">${ACTION_RULES[a].label}</button>`))}`;
}

function mainFields(input: EditPageInput): SafeHtml {
  const { state, issues } = input;
  const f = state.fields;
  return html`<div class="field">
    <label class="field-label" for="headline">Headline</label>
    <input id="headline" name="headline" type="text" maxlength="200" value="${f.headline}" required dir="auto"${described(issues, 'headline')}>
    ${errorFor(issues, 'headline')}
  </div>
  <div class="field">
    <label class="field-label" for="highlights">Highlights</label>
    <textarea id="highlights" name="highlights" rows="4" dir="auto" aria-describedby="highlights-hint"${described(issues, 'highlights')}>${f.highlights.join('\n')}</textarea>
    <p class="field-hint" id="highlights-hint">One to four key points, one per line.</p>
    ${errorFor(issues, 'highlights')}
  </div>
  <div class="field-row">
    <div class="field"><label class="field-label" for="dateline">Dateline</label>
      <input id="dateline" name="dateline" type="text" maxlength="60" value="${f.dateline ?? ''}" placeholder="SEOUL" dir="auto"></div>
    <div class="field"><label class="field-label" for="section">Section</label>
      <select id="section" name="section" aria-describedby="section-hint">${sectionOptions(input.sections, input.editions, f.section.slug)}</select>
      <p class="field-hint" id="section-hint">The section's edition is the story's (now ${input.edition.name}).</p></div>
  </div>
  <div class="field">
    <label class="field-label" for="topics">Topics</label>
    <input id="topics" name="topics" type="text" list="topic-options" data-suggest-url="/newsroom/topics" value="${f.topics.filter((t) => t.accepted !== false).map((t) => t.name).join(', ')}" aria-describedby="topics-hint" autocomplete="off" dir="auto">
    <datalist id="topic-options"></datalist>
    <p class="field-hint" id="topics-hint">People, places, organisations and subjects, separated by commas. New names become new topics.</p>
  </div>
  <div class="field">
    <label class="field-label" for="suggested_topics">Suggested topics</label>
    <input id="suggested_topics" name="suggested_topics" type="text" value="${f.topics.filter((t) => t.accepted === false).map((t) => t.name).join(', ')}" aria-describedby="suggested-topics-hint" autocomplete="off" dir="auto">
    <p class="field-hint" id="suggested-topics-hint">Found in the text but not sure enough to show readers: move a name into Topics to accept it, delete it to drop it.</p>
  </div>
  <div class="field-row">
    <div class="field"><label class="field-label" for="authors">Byline</label>
      <input id="authors" name="authors" type="text" value="${f.authors.map((a) => a.name).join(', ')}" dir="auto" aria-describedby="authors-hint"${described(issues, 'authors')}>
      <p class="field-hint" id="authors-hint">Several authors separated by commas.</p>${errorFor(issues, 'authors')}</div>
    <div class="field"><label class="field-label" for="source_kind">Source</label>
      <select id="source_kind" name="source_kind"><option value="staff"${f.source.kind === 'staff' ? ' selected' : ''}>Staff</option><option value="agency"${f.source.kind === 'agency' ? ' selected' : ''}>Agency</option></select></div>
    <div class="field"><label class="field-label" for="source_agency">Agency / credit</label>
      <input id="source_agency" name="source_agency" type="text" value="${f.source.kind === 'agency' ? f.source.agency : ''}" placeholder="AFP" dir="auto"></div>
    <div class="field"><label class="field-label" for="source_wire_id">Wire id</label>
      <input id="source_wire_id" name="source_wire_id" type="text" value="${f.source.kind === 'agency' ? (f.source.wireId ?? '') : ''}"></div>
  </div>
  <fieldset class="field lead-photo-field" data-lead-photo>
    <legend class="field-label">Lead photo</legend>
    <input type="hidden" name="lead_media_id" value="${f.leadMediaId ?? ''}">
    <img class="lead-photo-preview" alt=""${input.leadPreviewUrl ? html` src="${input.leadPreviewUrl}"` : html` hidden`}>
    <button class="btn" type="button" data-pick-lead-photo>Choose or upload a photo</button>
    <div class="field"><label class="field-label" for="lead_caption">Caption</label><input id="lead_caption" name="lead_caption" type="text" value="${f.lead?.caption ?? ''}" dir="auto"></div>
    <div class="field-row">
      <div class="field"><label class="field-label" for="lead_credit">Credit</label><input id="lead_credit" name="lead_credit" type="text" value="${f.lead?.credit ?? ''}" dir="auto"></div>
      <div class="field"><label class="field-label" for="lead_alt">Alt text</label><input id="lead_alt" name="lead_alt" type="text" value="${f.lead?.alt ?? ''}" dir="auto"${described(issues, 'lead')}>${errorFor(issues, 'lead')}</div>
    </div>
  </fieldset>
  <div class="field">
    <span id="body-label" class="field-label">Body</span>
    <div class="editor-toolbar" role="toolbar" aria-label="Formatting" aria-controls="body-editor"></div>
    <div id="body-editor" class="editor-surface" aria-labelledby="body-label" dir="${input.edition.direction}" lang="${input.edition.language}" data-direction="${input.edition.direction}"></div>
    <textarea name="body" id="body-json" hidden>${JSON.stringify(f.body)}</textarea>
    <noscript><p class="field-hint">The body editor needs JavaScript.</p></noscript>
    ${errorFor(issues, 'body')}
  </div>`;
}

export function renderStoryEditor(input: EditPageInput): SafeHtml {
  const { state, user } = input;
  const actions = availableActions(user.role, state.status, isOwnArticle(state, user));
  const autosaves = actions.includes('save');
  const published = state.status === 'published';
  return html`<h1 class="visually-hidden">Edit story</h1>
<form id="story-form" class="nr-form nr-layout" method="post" action="/newsroom/stories/${state.id}"${autosaves ? html` data-autosave-url="/newsroom/stories/${state.id}/autosave"` : ''} data-media-url="/newsroom/media" data-story-id="${state.id}">
  <input type="hidden" name="_csrf" value="${input.csrf}">
  <input type="hidden" name="version" value="${state.version}">
  <div class="nr-editor-main">
    ${input.issues.length ? html`<div class="flash" data-kind="error" role="alert"><p>This story was not saved:</p><ul>${input.issues.map((i) => html`<li>${i.message}</li>`)}</ul></div>` : ''}
    ${mainFields(input)}
  </div>
  <aside class="nr-sidebar" aria-label="Workflow">
    <p>Status: <span class="status-badge" data-status="${state.status}">${statusLabel(state.status)}</span></p>
    <p>Edition: <bdi lang="${input.edition.language}">${input.edition.name}</bdi></p>
    ${state.scheduledAt ? html`<p>Scheduled for <time datetime="${state.scheduledAt.toISOString()}">${datetimeLocalValue(state.scheduledAt, input.timeZone).replace('T', ' ')}</time> (${zoneLabel(input.timeZone, state.scheduledAt)})</p>` : ''}
    <p class="save-status" role="status" aria-live="polite"></p>
    <div class="conflict-banner" role="alert" hidden></div>
    ${actions.includes('schedule') ? html`<div class="field"><label class="field-label" for="scheduled_at">Publish at (${zoneLabel(input.timeZone, state.scheduledAt ?? state.modifiedAt)})</label>
      <input id="scheduled_at" name="scheduled_at" type="datetime-local" value="${input.scheduledAtLocal ?? datetimeLocalValue(state.scheduledAt, input.timeZone)}" aria-describedby="scheduled_at-hint${input.issues.some((i) => i.path === 'scheduled_at') ? ' scheduled_at-error' : ''}"${input.issues.some((i) => i.path === 'scheduled_at') ? html` aria-invalid="true"` : ''}>
      <p class="field-hint" id="scheduled_at-hint">In the time zone of the <bdi lang="${input.edition.language}">${input.edition.name}</bdi> edition, as its readers will see it.</p>${errorFor(input.issues, 'scheduled_at')}</div>` : ''}
    ${published && (actions.includes('update') || actions.includes('correct')) ? html`<div class="field"><label class="field-label" for="note">Update or correction note</label>
      <textarea id="note" name="note" rows="3" dir="auto" aria-describedby="note-hint"${described(input.issues, 'note')}>${input.note ?? ''}</textarea>
      <p class="field-hint" id="note-hint">Shown to readers with an update or a correction. Not needed for a minor edit.</p>${errorFor(input.issues, 'note')}</div>` : ''}
    <div class="button-row">${actionButtons(actions, state.id)}</div>
    ${published ? html`<p class="field-hint">Autosave is off for published stories: changes reach readers only with “Publish update”, “Minor edit” or “Publish correction”.</p>` : ''}
    <p><a href="/newsroom/stories/${state.id}/preview" target="_blank">Preview</a> · <a href="/newsroom/stories/${state.id}/revisions">Revisions</a>${published ? html` · <a href="${articlePath({ slug: state.slug, edition: input.edition })}">View live</a>` : ''}${published && canSendAlerts(user) ? html` · <a href="/newsroom/stories/${state.id}/alert">Send alert</a>` : ''}</p>
    ${translationsBox(input)}
  </aside>
</form>
${translationForms(input)}
${actions.includes('unpublish') ? unpublishDialog({ state, csrf: input.csrf }) : ''}`;
}
