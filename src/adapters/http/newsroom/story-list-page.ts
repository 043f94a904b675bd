/** @module Newsroom story lists: the desk (my drafts, in review, scheduled, recently published) and the filtered list. */
import type { Edition } from '../../../core/editions/edition.js';
import { statusLabel } from '../../../core/workflow/article-actions.js';
import type { ArticleListItem } from '../../../core/articles/article-workflow-store.js';
import { html, type SafeHtml } from '../html/html.js';
import { sectionOptions, type EditionSection } from './section-picker.js';
import { staffTime, type StaffClock } from './staff-time.js';

export interface ListFilters {
  status: string;
  section: string;
  mine: boolean;
  q: string;
}

/** What a list needs of the site's editions: their names and languages (a column once there is more than one). */
export type ListEditions = readonly Pick<Edition, 'id' | 'name' | 'language'>[];

export function storyTable(items: ArticleListItem[], clock: StaffClock, caption: string, editions: ListEditions = []): SafeHtml {
  if (items.length === 0) return html`<p class="empty-state">Nothing here.</p>`;
  const byId = new Map(editions.map((e) => [e.id, e]));
  const showEdition = editions.length > 1;
  // Headlines in any script sit in an English table: each is isolated and takes its own direction.
  return html`<table class="nr-table">
  <caption class="visually-hidden">${caption}</caption>
  <thead><tr><th scope="col">Headline</th>${showEdition ? html`<th scope="col">Edition</th>` : ''}<th scope="col">Status</th><th scope="col">Section</th><th scope="col">By</th><th scope="col">Changed</th></tr></thead>
  <tbody>${items.map((s) => {
    const edition = byId.get(s.edition);
    return html`<tr>
    <td><a href="/newsroom/stories/${s.id}/edit" dir="auto"${edition ? html` lang="${edition.language}"` : ''}>${s.headline || 'Untitled draft'}</a></td>
    ${showEdition ? html`<td><bdi>${edition?.name ?? s.edition}</bdi></td>` : ''}
    <td><span class="status-badge" data-status="${s.status}">${statusLabel(s.status)}</span>${s.scheduledAt ? html` ${staffTime(s.scheduledAt, clock)}` : ''}</td>
    <td><bdi>${s.section}</bdi></td>
    <td><bdi>${s.createdByName ?? 'Import'}</bdi></td>
    <td>${staffTime(s.modifiedAt, clock)}</td>
  </tr>`;
  })}</tbody>
</table>`;
}

export function filterBar(filters: ListFilters, sections: readonly EditionSection[], editions: ListEditions = []): SafeHtml {
  const statuses = [['', 'Any status'], ['draft', 'Draft'], ['in_review', 'In review'], ['scheduled', 'Scheduled'], ['published', 'Published'], ['unpublished', 'Unpublished']];
  return html`<form class="nr-filters" method="get" action="/newsroom/stories" role="search" aria-label="Find stories">
  <label for="f-q">Headline</label><input id="f-q" type="search" name="q" value="${filters.q}" maxlength="200" dir="auto">
  <label for="f-status">Status</label><select id="f-status" name="status">${statuses.map(([v, l]) => html`<option value="${v}"${v === filters.status ? ' selected' : ''}>${l}</option>`)}</select>
  <label for="f-section">Section</label><select id="f-section" name="section"><option value="">Any section</option>${sectionOptions(sections, editions, filters.section)}</select>
  <label><input type="checkbox" name="mine" value="1"${filters.mine ? ' checked' : ''}> Mine only</label>
  <button class="btn" type="submit">Filter</button>
</form>`;
}

export function deskPage(blocks: { title: string; items: ArticleListItem[]; more: string }[], filters: SafeHtml, clock: StaffClock, editions: ListEditions = [], notices: SafeHtml | string = ''): SafeHtml {
  return html`<h1>Desk</h1>
${filters}${notices}
<div class="nr-desk">${blocks.map((b) => html`<section aria-labelledby="${b.title.replace(/\W/g, '-')}">
  <h2 id="${b.title.replace(/\W/g, '-')}">${b.title}</h2>
  ${storyTable(b.items, clock, b.title, editions)}
  <p><a href="${b.more}">All ${b.title.toLowerCase()}</a></p>
</section>`)}</div>`;
}
