/** @module Times in newsroom lists ("28 Nov, 19:31" in the site's zone), with one formatter per zone: building one costs far more than using it. */
import { html, type SafeHtml } from '../html/html.js';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function staffTime(at: Date, timeZone: string): SafeHtml {
  return html`<time datetime="${at.toISOString()}">${formatterFor(timeZone).format(at)}</time>`;
}
