/** @module The newsroom's newsletter pages: the list with counts, the compose form with its story picker and preview, and the send confirmation. */
import type { ArticleListItem } from '../../../core/articles/article-workflow-store.js';
import type { ArticleSummary } from '../../../core/articles/article.js';
import type { Edition } from '../../../core/editions/edition.js';
import { MAX_NEWSLETTER_INTRO, MAX_NEWSLETTER_SUBJECT, type Newsletter } from '../../../core/mailings/newsletter.js';
import type { NewsletterCounts } from '../../../core/mailings/newsletter-service.js';
import { datetimeLocalValue } from '../../../core/shared/zoned-time.js';
import { html, type SafeHtml } from '../html/html.js';
import { staffDateTime, zoneLabel, type StaffClock } from './staff-time.js';

const STATUS: Record<Newsletter['status'], string> = { draft: 'Draft', scheduled: 'Scheduled', sending: 'Sending', sent: 'Sent' };

function countsCells(c: NewsletterCounts): SafeHtml {
  return html`<td>${c.queued}</td><td>${c.sent}</td><td>${c.failed}</td><td>${c.unsubscribed}</td>`;
}

export function newsletterListMain(items: { newsletter: Newsletter; counts: NewsletterCounts }[], editions: readonly Edition[], csrf: string, clock: StaffClock): SafeHtml {
  const editionName = (id: string) => editions.find((e) => e.id === id)?.name ?? id;
  return html`<h1>Newsletters</h1>
<form class="nr-form" method="post" action="/newsroom/newsletters"><input type="hidden" name="_csrf" value="${csrf}">
  <div class="field"><label class="field-label" for="n-edition">Edition</label><select id="n-edition" name="edition">${editions.map((e) => html`<option value="${e.id}" lang="${e.language}">${e.name}</option>`)}</select></div>
  <div class="button-row"><button class="btn btn-primary" type="submit">New newsletter</button></div>
</form>
${items.length === 0 ? html`<p>No newsletter yet.</p>` : html`<table class="nr-table nr-newsletter-list"><thead><tr><th scope="col">Subject</th><th scope="col">Edition</th><th scope="col">Status</th><th scope="col">When</th><th scope="col">Queued</th><th scope="col">Sent</th><th scope="col">Failed</th><th scope="col">Unsubscribed</th></tr></thead>
<tbody>${items.map(({ newsletter: n, counts }) => html`<tr><td><a href="/newsroom/newsletters/${n.id}" dir="auto">${n.subject || '(no subject)'}</a></td><td>${editionName(n.editionId)}</td><td>${STATUS[n.status]}</td><td>${n.sentAt ? staffDateTime(n.sentAt, clock) : n.scheduledAt ? staffDateTime(n.scheduledAt, clock) : ''}</td>${countsCells(counts)}</tr>`)}</tbody></table>`}`;
}

export interface ComposeView {
  newsletter: Newsletter;
  edition: Edition;
  stories: ArticleSummary[];
  topicSlug: string;
  query: string;
  results: ArticleListItem[];
  counts: NewsletterCounts;
  csrf: string;
  now: Date;
}

function chosenStories(view: ComposeView): SafeHtml {
  if (view.stories.length === 0) return html`<p class="field-hint">No story yet: find published stories by headline above, then add them.</p>`;
  return html`<ol class="nr-newsletter-stories">${view.stories.map((s, i) => html`<li><input type="hidden" name="story" value="${s.id}"><span dir="auto" lang="${view.edition.language}">${s.headline}</span>
  ${i > 0 ? html`<button class="btn btn-quiet" type="submit" name="op" value="up:${s.id}">Move up<span class="visually-hidden"> ${s.headline}</span></button>` : ''}
  <button class="btn btn-quiet" type="submit" name="op" value="remove:${s.id}">Remove<span class="visually-hidden"> ${s.headline}</span></button></li>`)}</ol>`;
}

function searchResults(view: ComposeView): SafeHtml {
  if (!view.query) return html``;
  const chosen = new Set(view.stories.map((s) => s.id));
  const found = view.results.filter((r) => !chosen.has(r.id));
  if (found.length === 0) {
    return view.results.length > 0
      ? html`<p class="field-hint">Every published story matching “<bdi>${view.query}</bdi>” is already in this newsletter.</p>`
      : html`<p class="field-hint">No published story of this edition matches “<bdi>${view.query}</bdi>”.</p>`;
  }
  return html`<ul class="nr-newsletter-results">${found.map((r) => html`<li><span dir="auto">${r.headline}</span> <button class="btn btn-quiet" type="submit" name="op" value="add:${r.id}">Add<span class="visually-hidden"> ${r.headline}</span></button></li>`)}</ul>`;
}

export function newsletterComposeMain(view: ComposeView): SafeHtml {
  const { newsletter: n, edition, csrf } = view;
  const base = `/newsroom/newsletters/${n.id}`;
  const zone = zoneLabel(edition.timeZone, view.now);
  return html`<h1>Newsletter <span class="nr-role">(${edition.name} · ${STATUS[n.status]})</span></h1>
<p><a href="/newsroom/newsletters">All newsletters</a></p>
<form class="nr-form" method="get" action="${base}" role="search" aria-label="Find published stories">
  <div class="field"><label class="field-label" for="n-q">Find published stories by headline</label><input id="n-q" type="search" name="q" value="${view.query}" maxlength="200" dir="auto"></div>
  <div class="button-row"><button class="btn" type="submit">Find</button></div>
</form>
<form class="nr-form" method="post" action="${base}"><input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="q" value="${view.query}">
  <div class="field"><label class="field-label" for="n-subject">Subject</label><input id="n-subject" name="subject" value="${n.subject}" maxlength="${MAX_NEWSLETTER_SUBJECT}" dir="auto" lang="${edition.language}"></div>
  <div class="field"><label class="field-label" for="n-intro">Intro</label><textarea id="n-intro" name="intro" rows="8" maxlength="${MAX_NEWSLETTER_INTRO}" dir="auto" lang="${edition.language}" aria-describedby="n-intro-hint">${n.intro}</textarea>
    <p class="field-hint" id="n-intro-hint">Plain text; a blank line between paragraphs.</p></div>
  <fieldset class="field"><legend class="field-label">Audience</legend>
    <label><input type="radio" name="audience" value="opted-in"${n.audience === 'opted-in' ? html` checked` : ''}> Every reader of this edition who subscribed to newsletters</label>
    <label><input type="radio" name="audience" value="topic"${n.audience === 'topic' ? html` checked` : ''}> Subscribers who follow the topic</label>
    <label for="n-topic" class="visually-hidden">Topic</label><input id="n-topic" name="topic" value="${view.topicSlug}" maxlength="200" dir="auto" placeholder="topic-slug">
  </fieldset>
  <fieldset class="field"><legend class="field-label">Stories</legend>${chosenStories(view)}${searchResults(view)}</fieldset>
  <div class="button-row"><button class="btn btn-primary" type="submit" name="op" value="save">Save draft</button></div>
</form>
<h2>Preview</h2>
<p><a href="${base}/preview">Open the preview on its own</a></p>
<iframe class="nr-newsletter-preview" src="${base}/preview" title="Preview of the newsletter as readers receive it" sandbox width="100%" height="600"></iframe>
<h2>Send</h2>
<form class="nr-form" method="post" action="${base}/schedule"><input type="hidden" name="_csrf" value="${csrf}">
  <div class="field"><label class="field-label" for="n-at">Send at (${zone})</label><input id="n-at" type="datetime-local" name="scheduled_at" value="${datetimeLocalValue(n.scheduledAt, edition.timeZone)}"></div>
  <div class="button-row"><button class="btn" type="submit" name="op" value="schedule">Schedule</button>${n.status === 'scheduled' ? html`<button class="btn btn-quiet" type="submit" name="op" value="unschedule">Back to draft</button>` : ''}</div>
</form>
<p><a class="btn btn-primary" href="${base}/send">Send now…</a></p>`;
}

export function newsletterSentMain(n: Newsletter, edition: Edition, counts: NewsletterCounts, clock: StaffClock): SafeHtml {
  return html`<h1 dir="auto">${n.subject}</h1>
<p><a href="/newsroom/newsletters">All newsletters</a> · <a href="/newsroom/newsletters/${n.id}/preview">What readers received</a></p>
<p>${edition.name} · ${STATUS[n.status]}${n.sentAt ? html` · ${staffDateTime(n.sentAt, clock)}` : ''} · ${n.recipients ?? 0} ${n.recipients === 1 ? 'reader' : 'readers'}</p>
<table class="nr-table nr-newsletter-counts"><thead><tr><th scope="col">Queued</th><th scope="col">Sent</th><th scope="col">Failed</th><th scope="col">Unsubscribed</th><th scope="col">Waiting</th></tr></thead>
<tbody><tr>${countsCells(counts)}<td>${counts.waiting}</td></tr></tbody></table>`;
}

export function newsletterSendConfirmMain(n: Newsletter, edition: Edition, topicName: string | null, csrf: string): SafeHtml {
  const audience = n.audience === 'topic' ? `subscribers of the ${edition.name} edition who follow “${topicName ?? '?'}”` : `every subscriber of the ${edition.name} edition`;
  return html`<h1>Send this newsletter now?</h1>
<p>“<bdi>${n.subject}</bdi>” goes to ${audience}, with ${n.storyIds.length} ${n.storyIds.length === 1 ? 'story' : 'stories'}. It cannot be recalled.</p>
<form class="nr-form" method="post" action="/newsroom/newsletters/${n.id}/send"><input type="hidden" name="_csrf" value="${csrf}">
  <div class="button-row"><button class="btn btn-primary" type="submit" name="confirm" value="yes">Send now</button> <a class="btn btn-quiet" href="/newsroom/newsletters/${n.id}">Cancel</a></div>
</form>`;
}
