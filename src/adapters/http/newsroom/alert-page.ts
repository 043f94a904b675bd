/** @module The "Send alert" page: the notification as it will look, the audience with counts, earlier rounds, and the confirmation step. */
import type { AlertAudience } from '../../../core/alerts/alert.js';
import type { AlertPreview } from '../../../core/alerts/alert-service.js';
import type { AudienceCounts } from '../../../core/alerts/push-subscription-store.js';
import { html, type SafeHtml } from '../html/html.js';
import { staffDateTime, type StaffClock } from './staff-time.js';

const AUDIENCE_LABEL: Record<AlertAudience, string> = {
  followers: 'Followers of this story’s topics',
  everyone: 'Everyone who allowed breaking news',
};

const reach = (c: AudienceCounts) => `${c.push} browser${c.push === 1 ? '' : 's'}, ${c.email} by e-mail`;

function notificationPreview(p: AlertPreview, siteName: string): SafeHtml {
  const n = p.notification;
  return html`<figure class="nr-alert-preview">
  <figcaption>As it will show on a reader’s screen:</figcaption>
  <div class="nr-alert-card" lang="${n.lang}" dir="${n.dir}">
    <p class="nr-alert-site" dir="auto">${siteName}</p>
    <p class="nr-alert-title"><strong>${n.title}</strong></p>
    <p class="nr-alert-body">${n.body}</p>
  </div>
  <p class="field-hint">Opens <code>${n.url}</code>. The words are the headline and the first highlight, cut to fit a lock screen.</p>
</figure>`;
}

function roundsTable(p: AlertPreview, clock: StaffClock): SafeHtml {
  if (p.rounds.length === 0) return html`<p>No alert has been sent for this story.</p>`;
  return html`<table class="nr-table"><caption>Alerts already sent for this story</caption>
<thead><tr><th scope="col">Round</th><th scope="col">Sent</th><th scope="col">Audience</th><th scope="col">Queued</th><th scope="col">Delivered</th><th scope="col">Failed</th><th scope="col">Waiting</th></tr></thead>
<tbody>${p.rounds.map((r) => html`<tr><td data-label="Round">${r.round}</td><td><time datetime="${r.createdAt.toISOString()}">${staffDateTime(r.createdAt, clock)}</time></td><td>${AUDIENCE_LABEL[r.audience]}</td><td data-label="Queued">${r.recipients ?? r.counts.queued}</td><td data-label="Delivered">${r.counts.sent}</td><td data-label="Failed">${r.counts.failed}</td><td data-label="Waiting">${r.counts.waiting}</td></tr>`)}</tbody>
</table>`;
}

export interface AlertPageInput {
  preview: AlertPreview;
  csrf: string;
  siteName: string;
  clock: StaffClock;
  audience?: AlertAudience;
  /** The confirmation step: the choice made, asking "send now?". */
  confirming?: boolean;
  sendAgain?: boolean;
  problem?: string | null;
}

export function renderAlertPage(input: AlertPageInput): SafeHtml {
  const { preview: p } = input;
  const id = p.story.id;
  const audience = input.audience ?? 'followers';
  const again = p.rounds.length > 0;
  const problem = input.problem ? html`<p class="flash" data-kind="error" role="alert">${input.problem}</p>` : '';
  const back = html`<p><a href="/newsroom/stories/${id}/edit">Back to the story</a></p>`;
  if (p.story.status !== 'published') {
    return html`<h1>Send an alert</h1>${problem}<p class="flash" data-kind="error" role="alert">Only a published story can be sent as an alert.</p>${back}`;
  }
  const againBox = again ? html`<div class="field"><label><input type="checkbox" name="send_again" value="1"${input.sendAgain ? ' checked' : ''}> Send again: this story has had ${p.rounds.length === 1 ? 'an alert' : `${p.rounds.length} alerts`}; this would be round ${p.rounds.length + 1}</label></div>` : '';
  const form = input.confirming
    ? html`<form method="post" action="/newsroom/stories/${id}/alert" class="nr-form">
  <input type="hidden" name="_csrf" value="${input.csrf}"><input type="hidden" name="audience" value="${audience}"><input type="hidden" name="confirm" value="yes">
  ${input.sendAgain ? html`<input type="hidden" name="send_again" value="1">` : ''}
  <p><strong>Send this alert now to ${AUDIENCE_LABEL[audience].toLowerCase()} (${reach(p.audiences[audience])})?</strong> It cannot be called back.</p>
  <div class="button-row"><button class="btn btn-primary" type="submit">Send now</button> <a class="btn" href="/newsroom/stories/${id}/alert">Change</a></div>
</form>`
    : html`<form method="post" action="/newsroom/stories/${id}/alert" class="nr-form">
  <input type="hidden" name="_csrf" value="${input.csrf}">
  <fieldset><legend>Send to</legend>
  ${(['followers', 'everyone'] as const).map((a) => html`<div class="field"><label><input type="radio" name="audience" value="${a}"${a === audience ? ' checked' : ''}> ${AUDIENCE_LABEL[a]} <span class="field-hint">(${reach(p.audiences[a])})</span></label></div>`)}
  </fieldset>
  ${againBox}
  <div class="button-row"><button class="btn btn-primary" type="submit">Continue</button></div>
</form>`;
  return html`<h1>Send an alert</h1>${problem}${notificationPreview(p, input.siteName)}${form}${roundsTable(p, input.clock)}${back}`;
}
