/** @module Wire desk pages: the queue (one row per story, newest first, filters, live rows) and one item's preview with its cluster and the desk's actions. */
import type { StoredWireItem, WireQueueEntry } from '../../../core/wire/wire-store.js';
import type { WireClusterRow } from '../../../core/wire/wire-desk-clusters.js';
import type { SuggestedTopic } from '../../../core/topics/topic-suggester.js';
import type { WireDeskAction } from '../../../core/wire/wire-desk-rules.js';
import { html, safeUrl, type SafeHtml } from '../html/html.js';
import { articleBody } from '../site/components/body-blocks.js';
import { staffTime, type StaffClock } from './staff-time.js';

export interface QueueFilters {
  agency: string;
  status: string;
  cluster: string;
  /** Hours back from now ('' for any time). */
  since: string;
}

const STATUS_LABEL: Record<string, string> = { new: 'New', used: 'Used', spiked: 'Spiked' };
const STATUS_BADGE: Record<string, string> = { new: 'in_review', used: 'published', spiked: 'unpublished' };

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** One agency's copy inside a cluster row: its agency, headline, time and, for copies other than the lead, what it adds. */
function copyLine(copy: WireQueueEntry, lead: WireQueueEntry, clock: StaffClock): SafeHtml {
  return html`<li><a href="/newsroom/wire/${copy.id}"><strong><bdi>${copy.agency ?? 'Unknown agency'}</bdi></strong>: <bdi>${copy.headline}</bdi></a>${copy.version > 1 ? html` <span class="field-hint">v${copy.version}</span>` : ''}
    <span class="field-hint">${staffTime(copy.receivedAt, clock)} · ${STATUS_LABEL[copy.status] ?? copy.status}</span>${copy.id === lead.id
    ? html` <span class="field-hint">(leading copy)</span>`
    : html` · <a href="/newsroom/wire/${lead.id}/compare/${copy.id}">what it adds</a>`}</li>`;
}

/**
 * One story on the desk: the leading copy's headline, how many agencies and versions, the newest time; the copies
 * open in a <details> (no script needed). `data-wire-stamp` changes whenever a copy joins, so the live script replaces the row.
 */
export function clusterRow(row: WireClusterRow, clock: StaffClock): SafeHtml {
  const { lead } = row;
  return html`<tr data-wire-id="${lead.id}" data-wire-cluster="${row.clusterId}" data-wire-stamp="${row.newest.id} ${row.versions}">
  <td>${staffTime(row.newestAt, clock)}</td>
  <td>${row.agencies.length ? row.agencies.map((a, i) => html`${i > 0 ? ', ' : ''}<bdi>${a}</bdi>`) : 'Unknown agency'}</td>
  <td><a href="/newsroom/wire/${lead.id}" dir="auto">${lead.headline}</a>${lead.version > 1 ? html` <span class="field-hint">v${lead.version}</span>` : ''}
    ${row.versions > 1 ? html`<details class="wire-copies"><summary>${plural(row.agencies.length, 'agency', 'agencies')} · ${plural(row.versions, 'version', 'versions')}</summary>
    <ul>${row.copies.map((c) => copyLine(c, lead, clock))}</ul>
    <p><a href="/newsroom/wire?cluster=${row.clusterId}&amp;status=" title="Every copy of this story, whatever its status">Only this story</a></p></details>` : ''}</td>
  <td dir="auto">${lead.dateline ?? ''}</td>
  <td><span class="status-badge" data-status="${STATUS_BADGE[lead.status] ?? 'draft'}">${STATUS_LABEL[lead.status] ?? lead.status}</span></td>
</tr>`;
}

export function queuePage(rows: WireClusterRow[], filters: QueueFilters, agencies: string[], clock: StaffClock, next: string | null, isAdmin: boolean): SafeHtml {
  const statuses = [['new', 'New'], ['', 'Any status'], ['used', 'Used'], ['spiked', 'Spiked']];
  return html`<h1>Wire</h1>
${isAdmin ? html`<p><a href="/newsroom/wire/sources">Sources</a></p>` : ''}
<form class="nr-filters" method="get" action="/newsroom/wire" aria-label="Filter the wire">
  <label for="w-agency">Agency</label><select id="w-agency" name="agency"><option value="">All agencies</option>${agencies.map((a) => html`<option value="${a}"${a === filters.agency ? ' selected' : ''}>${a}</option>`)}</select>
  <label for="w-status">Status</label><select id="w-status" name="status">${statuses.map(([v, l]) => html`<option value="${v}"${v === filters.status ? ' selected' : ''}>${l}</option>`)}</select>
  <label for="w-since">Received</label><select id="w-since" name="since">${[['', 'Any time'], ['1', 'Last hour'], ['6', 'Last 6 hours'], ['24', 'Last 24 hours'], ['72', 'Last 3 days']].map(([v, l]) => html`<option value="${v}"${v === filters.since ? ' selected' : ''}>${l}</option>`)}</select>
  ${filters.cluster ? html`<input type="hidden" name="cluster" value="${filters.cluster}"><span>One story's cluster · <a href="/newsroom/wire">show all</a></span>` : ''}
  <button class="btn" type="submit">Filter</button>
</form>
<p class="field-hint" role="status" aria-live="polite" data-wire-announce></p>
<table class="nr-table wire-queue" data-wire-live="/newsroom/wire/rows?${new URLSearchParams({ ...(filters.agency ? { agency: filters.agency } : {}), ...(filters.status ? { status: filters.status } : {}), ...(filters.cluster ? { cluster: filters.cluster } : {}), ...(filters.since ? { since: filters.since } : {}) }).toString()}">
  <caption class="visually-hidden">Wire stories, one row per story with every agency's copy, newest first</caption>
  <thead><tr><th scope="col">Newest</th><th scope="col">Agencies</th><th scope="col">Headline</th><th scope="col">Dateline</th><th scope="col">Status</th></tr></thead>
  <tbody>${rows.map((r) => clusterRow(r, clock))}</tbody>
</table>
${rows.length === 0 ? html`<p class="empty-state wire-empty">No wire items here yet. New items appear as they arrive.</p>` : ''}
${next ? html`<p><a rel="next" href="${next}">Older stories</a></p>` : ''}`;
}

export function itemPage(input: {
  stored: StoredWireItem; cluster: WireQueueEntry[]; topics: SuggestedTopic[]; csrf: string; clock: StaffClock; usedSlug: string | null;
  /** What the viewer may do with the item now (wire-desk-rules.ts): only those forms are shown. */
  actions: readonly WireDeskAction[];
}): SafeHtml {
  const { stored, csrf } = input;
  const may = (action: WireDeskAction) => input.actions.includes(action);
  const item = stored.item;
  const others = input.cluster.filter((c) => c.id !== stored.id);
  return html`<div class="nr-layout">
<article class="nr-editor-main wire-item" aria-labelledby="wire-h">
  <p class="field-hint">${item.agency ?? 'Unknown agency'} · ${item.agencyId} · version ${item.version} · ${item.format} · received ${staffTime(stored.receivedAt, input.clock)}</p>
  <h1 id="wire-h" dir="auto">${item.headline}</h1>
  ${item.byline ? html`<p>By <bdi>${item.byline}</bdi></p>` : ''}
  ${item.summary ? html`<p dir="auto"><strong>${item.summary}</strong></p>` : ''}
  <div class="story-body" dir="auto">${articleBody(item.body, item.dateline)}</div>
  ${item.creditline ? html`<p class="field-hint">Credit: ${item.creditline}</p>` : ''}
  ${item.subjects.length ? html`<p class="field-hint">Subjects: ${item.subjects.map((s) => s.name).join(', ')}</p>` : ''}
  ${input.topics.length ? html`<p class="field-hint">Suggested topics: ${input.topics.map((t) => t.name).join(', ')}</p>` : ''}
  ${item.photos.length ? html`<h2>Photos offered</h2><ul class="revision-list wire-photos">${item.photos.map((p, i) => html`<li>
    <a href="${safeUrl(p.href)}" rel="noopener nofollow" dir="auto">${p.caption ?? p.href}</a>${p.credit ? html` <bdi class="field-hint">${p.credit}</bdi>` : ''}${p.width && p.height ? html` <span class="field-hint">${p.width}×${p.height}</span>` : ''}
    ${may('take-photo') ? html`<form class="inline-form" method="post" action="/newsroom/wire/${stored.id}/photos/${i}"><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-quiet" type="submit">Add to the media library</button></form>` : ''}
  </li>`)}</ul>` : ''}
  ${item.link ? html`<p><a href="${safeUrl(item.link)}" rel="noopener nofollow">Original</a></p>` : ''}
</article>
<aside class="nr-sidebar" aria-label="Desk actions">
  <p>Status: <strong>${STATUS_LABEL[stored.status] ?? stored.status}</strong>${input.usedSlug ? html` — became <a href="/newsroom/stories/${stored.usedArticleId ?? ''}/edit">this story</a>` : ''}</p>
  ${may('use') ? html`<form method="post" action="/newsroom/wire/${stored.id}/use"><input type="hidden" name="_csrf" value="${csrf}">
    <button class="btn btn-primary" type="submit">Use: new draft</button></form>` : ''}
  ${may('add-to-story') ? html`<form class="nr-form" method="post" action="/newsroom/wire/${stored.id}/add-to-story"><input type="hidden" name="_csrf" value="${csrf}">
    <div class="field"><label class="field-label" for="w-story">Add as an update to story (address or id)</label>
      <input id="w-story" name="story" type="text" required placeholder="/article/slug or story id" dir="auto"></div>
    <button class="btn" type="submit">Add to story</button></form>` : ''}
  ${may('spike') ? html`<form method="post" action="/newsroom/wire/${stored.id}/spike"><input type="hidden" name="_csrf" value="${csrf}"><button class="btn btn-danger" type="submit">Spike</button></form>` : ''}
  ${may('restore') ? html`<form method="post" action="/newsroom/wire/${stored.id}/restore"><input type="hidden" name="_csrf" value="${csrf}"><button class="btn" type="submit">Back to the queue</button></form>` : ''}
  <h2>Same story (${others.length})</h2>
  ${others.length ? html`<ul class="revision-list">${others.map((o) => html`<li><a href="/newsroom/wire/${o.id}"><bdi>${o.agency ?? 'Unknown agency'}</bdi>: <bdi>${o.headline}</bdi></a> · <a href="/newsroom/wire/${stored.id}/compare/${o.id}">what it adds</a></li>`)}</ul>` : html`<p class="empty-state">No other agency has this story yet.</p>`}
  <p><a href="/newsroom/wire">Back to the wire</a></p>
</aside>
</div>`;
}
