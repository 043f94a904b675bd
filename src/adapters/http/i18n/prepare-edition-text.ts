/** @module Readies an edition's words before its first reader: every message compiled, the browser's words serialised, the time formatters built. */
import { formatUpdateTime } from '../../../core/articles/update-time.js';
import type { Edition } from '../../../core/editions/edition.js';
import { clientMessageData } from './client-message-data.js';
import { CATALOGUES, compiledMessage, type MessageKey } from './message-catalogue.js';
import { translatorFor } from './translate.js';

/**
 * Costs a few milliseconds per edition, once per process (Intl's locale data, ICU parsing); called at start
 * and when the editions change, it keeps that cost off the first page a reader asks for.
 */
export function prepareEditionText(edition: Edition): void {
  const t = translatorFor(edition);
  for (const key of Object.keys(CATALOGUES[t.language] ?? {}) as MessageKey[]) compiledMessage(t.language, t.locale, key);
  clientMessageData(t);
  t.list([]);
  const now = new Date(0);
  for (const seconds of [1, 61, 3600]) formatUpdateTime(new Date(now.getTime() - seconds * 1000), now, edition);
}
