/** @module Newsroom story lists: the desk (my drafts, in review, scheduled, recently published) and the filtered list. */
import type { NamedRef } from '../../../core/articles/article.js';
import { statusLabel } from '../../../core/workflow/story-actions.js';
import type { StoryListItem } from '../../../core/workflow/newsroom-store.js';
import { html, type SafeHtml } from '../html/html.js';
import { staffTime } from './staff-time.js';

export interface ListFilters {
  status: string;
  section: string;
  mine: boolean;
  q: string;
}

export function storyTable(items: StoryListItem[], timeZone: string, caption: string): SafeHtml {
  if (items.length === 0) return html`<p class="empty-state">Nothing here.</p>`;
  return html`<table class="nr-table">
  <caption class="visually-hidden">${caption}</caption>
  <thead><tr><th scope="col">Headline</th><th scope="col">Status</th><th scope="col">Section</th><th scope="col">By</th><th scope="col">Changed</th></tr></thead>
  <tbody>${items.map((s) => html`<tr>
    <td><a href="/newsroom/stories/${s.id}/edit">${s.headline || 'Untitled draft'}</a></td>
    <td><span class="status-badge" data-status="${s.status}">${statusLabel(s.status)}</span>${s.scheduledAt ? html` ${staffTime(s.scheduledAt, timeZone)}` : ''}</td>
    <td>${s.section}</td>
    <td>${s.createdByName ?? 'Import'}</td>
    <td>${staffTime(s.modifiedAt, timeZone)}</td>
  </tr>`)}</tbody>
</table>`;
}

export function filterBar(filters: ListFilters, sections: NamedRef[]): SafeHtml {
  const statuses = [['', 'Any status'], ['draft', 'Draft'], ['in_review', 'In review'], ['scheduled', 'Scheduled'], ['published', 'Published'], ['unpublished', 'Unpublished']];
  return html`<form class="nr-filters" method="get" action="/newsroom/stories" role="search" aria-label="Find stories">
  <label for="f-q">Headline</label><input id="f-q" type="search" name="q" value="${filters.q}" maxlength="200">
  <label for="f-status">Status</label><select id="f-status" name="status">${statuses.map(([v, l]) => html`<option value="${v}"${v === filters.status ? ' selected' : ''}>${l}</option>`)}</select>
  <label for="f-section">Section</label><select id="f-section" name="section"><option value="">Any section</option>${sections.map((s) => html`<option value="${s.slug}"${s.slug === filters.section ? ' selected' : ''}>${s.name}</option>`)}</select>
  <label><input type="checkbox" name="mine" value="1"${filters.mine ? ' checked' : ''}> Mine only</label>
  <button class="btn" type="submit">Filter</button>
</form>`;
}

export function deskPage(blocks: { title: string; items: StoryListItem[]; more: string }[], filters: SafeHtml, timeZone: string): SafeHtml {
  return html`<h1>Desk</h1>
${filters}
<div class="nr-desk">${blocks.map((b) => html`<section aria-labelledby="${b.title.replace(/\W/g, '-')}">
  <h2 id="${b.title.replace(/\W/g, '-')}">${b.title}</h2>
  ${storyTable(b.items, timeZone, b.title)}
  <p><a href="${b.more}">All ${b.title.toLowerCase()}</a></p>
</section>`)}</div>`;
}
