/** @module Keeps every "Updated …" time ticking in the browser, with the same rule, words and digits the server uses. */
import { formatUpdateTime, type TimeEdition } from '../../../../core/articles/update-time.js';

/** The page's edition as `<html>` states it: data-locale is the Intl locale with its digits (`ar-SA-u-nu-arab`). */
export function editionOf(doc: Document): TimeEdition {
  const root = doc.documentElement;
  const locale = root.dataset['locale'] ?? 'en-GB';
  const digits = /-u-(?:[a-z0-9]+-)*?nu-([a-z]+)/i.exec(locale)?.[1];
  return { locale, numberingSystem: digits === 'arab' ? 'arab' : 'latn', timeZone: root.dataset['timeZone'] ?? 'UTC' };
}

export function refreshTimes(root: ParentNode, edition: TimeEdition, now: Date): void {
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
