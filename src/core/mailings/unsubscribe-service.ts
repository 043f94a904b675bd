/**
 * @module Unsubscribing from a signed link: who the link names and, on a POST (a click on the page's button, or a mail
 * provider's RFC 8058 one-click), that list turned off and recorded with the mailing it came from. The link is the
 * authority: no sign-in.
 */
import type { Clock } from '../shared/clock.js';
import type { IdGenerator } from '../shared/ids.js';
import type { MailingList, MailingReader, MailingStore } from './mailing-store.js';

/** What a verified link says (the adapter checks its signature). */
export interface UnsubscribeLink {
  readerId: string;
  list: MailingList | 'all';
  mailing?: string;
}

const EVERY_LIST: readonly MailingList[] = ['digest', 'newsletters', 'alerts'];

export interface UnsubscribeServiceDeps {
  store: Pick<MailingStore, 'findReader' | 'unsubscribe'>;
  ids: IdGenerator;
  clock: Clock;
}

export function createUnsubscribeService(deps: UnsubscribeServiceDeps) {
  /** The reader the link names; null when the account no longer exists. */
  async function readerOf(link: UnsubscribeLink): Promise<MailingReader | null> {
    return deps.store.findReader(link.readerId);
  }

  /** Turns the link's list off; false when the account no longer exists. Safe to repeat. */
  async function unsubscribe(link: UnsubscribeLink): Promise<boolean> {
    return deps.store.unsubscribe({
      id: deps.ids.newId(), readerId: link.readerId, lists: link.list === 'all' ? EVERY_LIST : [link.list],
      mailing: link.mailing ?? null, at: deps.clock.now(),
    });
  }

  return { readerOf, unsubscribe };
}

export type UnsubscribeService = ReturnType<typeof createUnsubscribeService>;
