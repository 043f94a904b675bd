/** @module Times in newsroom lists ("28 Nov, 19:31" in the site's zone and locale), through the core's zoned formatters. */
import { zonedFormatter } from '../../../core/shared/zoned-time.js';
import { html, type SafeHtml } from '../html/html.js';

/** Where and how the newsroom reads times: the site's zone and its configured locale (LOCALE). */
export interface StaffClock {
  timeZone: string;
  locale: string;
}

const STAFF_TIME: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' };

export function staffTime(at: Date, clock: StaffClock): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${zonedFormatter(clock.locale, clock.timeZone, STAFF_TIME).format(at)}</time>`;
}

/** A full date and time ("6 Dec 2026, 05:49"), as revision lists and wire sources show it. */
export function staffDateTime(at: Date, clock: StaffClock, style: 'short' | 'medium' = 'medium'): string {
  return zonedFormatter(clock.locale, clock.timeZone, { dateStyle: style, timeStyle: style === 'short' ? 'medium' : 'short' }).format(at);
}

/** A zone as staff read it beside a time they type: its IANA name and its offset then ("Asia/Riyadh, GMT+03:00"). */
export function zoneLabel(timeZone: string, at: Date): string {
  const offset = zonedFormatter('en-GB', timeZone, { timeZoneName: 'longOffset' }).formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
  // UTC needs no offset beside it.
  return offset && !/^GMT(\+00:00)?$/.test(offset) ? `${timeZone}, ${offset}` : timeZone;
}
