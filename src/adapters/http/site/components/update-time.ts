/** @module The <time> element for "Updated …" in the edition's words, which the browser script keeps ticking. */
import { formatUpdateTime } from '../../../../core/articles/update-time.js';
import { html, type SafeHtml } from '../../html/html.js';
import type { Translate } from '../../i18n/translate.js';
import type { SiteContext } from '../site-context.js';

/** What happened at that time: the label before it ("Updated", "First published" …). */
export type TimeEvent = 'updated' | 'firstPublished' | 'publishedAgain' | 'corrected';

/** Stands for the <time> element while the label is formatted: a private-use character no message contains. */
const SLOT = '\uE000';

/**
 * The label's words before and after the time, per translator and event. A list page shows a time on
 * every card; formatting the ICU select each time would cost more than the rest of the card.
 */
const labels = new WeakMap<Translate, Map<TimeEvent, [string, string]>>();

function labelAround(t: Translate, event: TimeEvent): [string, string] {
  let byEvent = labels.get(t);
  if (!byEvent) labels.set(t, (byEvent = new Map()));
  let parts = byEvent.get(event);
  if (!parts) {
    const [before = '', after = ''] = t('time.event', { event, time: SLOT }).split(SLOT);
    parts = [before, after];
    byEvent.set(event, parts);
  }
  return parts;
}

export function updateTime(site: SiteContext, at: Date, event: TimeEvent = 'updated'): SafeHtml {
  const [before, after] = labelAround(site.t, event);
  return html`<span class="update-time">${before}<time datetime="${at.toISOString()}" data-ticking>${formatUpdateTime(at, site.now, site.edition)}</time>${after}</span>`;
}
