/** @module The desk's line on the topic suggestion job: how far an imported archive's topics are, at what pace, until when. */
import type { TopicJobStatus } from '../../../core/topics/topic-job-status.js';
import { html, type SafeHtml } from '../html/html.js';
import { staffTime, type StaffClock } from './staff-time.js';

function duration(seconds: number): string {
  if (seconds < 90) return 'about a minute';
  const minutes = Math.round(seconds / 60);
  if (minutes < 90) return `about ${minutes} minutes`;
  const hours = Math.round(minutes / 6) / 10;
  return `about ${hours} hours`;
}

export function topicJobPanel(status: TopicJobStatus | null, clock: StaffClock): SafeHtml | string {
  if (!status) return '';
  const count = new Intl.NumberFormat(clock.locale);
  const handled = status.done + status.failed;
  const pace = status.perSecond === null ? null
    : status.perSecond >= 1 ? `${count.format(Math.round(status.perSecond * 10) / 10)} stories a second`
    : `${count.format(Math.max(1, Math.round(status.perSecond * 60)))} ${Math.round(status.perSecond * 60) > 1 ? 'stories' : 'story'} a minute`;
  return html`<section class="nr-panel nr-topic-job" aria-labelledby="topic-job-title">
  <h2 id="topic-job-title">Topic suggestions for imported stories</h2>
  <p><progress max="100" value="${String(status.percent)}" aria-labelledby="topic-job-title">${String(status.percent)} %</progress>
  ${status.finished
    ? html`Done: ${count.format(status.done)} stories have suggested topics (finished ${staffTime(status.updatedAt, clock)}).`
    : html`${count.format(handled)} of ${count.format(handled + status.waiting)} stories (${String(status.percent)} %)${pace ? html`, ${pace}` : ''}${status.secondsLeft !== null ? html`; ${duration(status.secondsLeft)} left` : ''}.`}
  ${status.paused ? html` <strong>Paused:</strong> nothing stored since ${staffTime(status.updatedAt, clock)}. Serving processes work the queue when TOPIC_SUGGESTION_THREADS is above 0; or run <code>dateline topics</code>.` : ''}
  ${status.failed > 0 ? html` ${count.format(status.failed)} could not be read and keep only their own topics.` : ''}</p>
  <p>Names found with enough confidence are shown to readers; the rest wait in each story's topics as suggestions for an editor. Started ${staffTime(status.startedAt, clock)}.</p>
</section>`;
}
