/** @module Keeps every "Updated …" time ticking in the browser, with the same rule the server uses. */
import { formatUpdateTime, type Edition } from '../../../../core/articles/update-time.js';

export function editionOf(doc: Document): Edition {
  const root = doc.documentElement;
  return { locale: root.dataset['locale'] ?? 'en-GB', timeZone: root.dataset['timeZone'] ?? 'UTC' };
}

export function refreshTimes(root: ParentNode, edition: Edition, now: Date): void {
  root.querySelectorAll<HTMLTimeElement>('time[data-ticking]').forEach((el) => {
    const at = new Date(el.dateTime);
    if (Number.isNaN(at.getTime())) return;
    const text = formatUpdateTime(at, now, edition);
    if (el.textContent !== text) el.textContent = text;
  });
}

export function startTicking(doc: Document): void {
  const edition = editionOf(doc);
  const tick = () => refreshTimes(doc, edition, new Date());
  tick();
  window.setInterval(tick, 1000);
}
