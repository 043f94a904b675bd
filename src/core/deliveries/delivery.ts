/** @module Deliveries: one message (an e-mail or a Web Push) to one recipient, kept in an outbox until it is sent. */

export type DeliveryChannel = 'email' | 'push';
export type DeliveryKind = 'sign-in' | 'digest' | 'newsletter' | 'alert';
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';

/** A delivery to queue. The idempotency key makes queuing it twice (a re-run, a second process) a no-op. */
export interface NewDelivery {
  channel: DeliveryChannel;
  kind: DeliveryKind;
  /** What it belongs to, for counts: 'newsletter:ID', 'digest:DATE', 'alert:ID', 'sign-in'. */
  mailing: string;
  /** An e-mail address, or a push subscription's id. */
  recipient: string;
  readerId: string | null;
  /** What the message is rendered from when it is sent (small: ids, not rendered HTML). */
  payload: Record<string, unknown>;
}

export interface Delivery extends NewDelivery {
  id: string;
  status: DeliveryStatus;
  /**
   * Attempts including this one: the claim counts it, so a process that dies mid-send still used an attempt (its
   * delivery backs off like a failed one and is failed for good once the schedule is spent, never retaken forever).
   */
  attempts: number;
}

/** The one key of a delivery: a mailing sends each recipient at most one message of a kind. */
export function idempotencyKeyOf(d: Pick<NewDelivery, 'channel' | 'kind' | 'mailing' | 'recipient'>): string {
  return `${d.channel}|${d.kind}|${d.mailing}|${d.recipient}`;
}

/** What a sender reports for one delivery. `permanent`: retrying cannot help (a refused address, a gone subscription). */
export type SendOutcome =
  | { ok: true }
  | { ok: false; permanent: boolean; error: string }
  /** Nothing to send any more (the reader unsubscribed or the story was withdrawn since it was queued). */
  | { ok: 'skipped'; reason: string };

/** Waits between attempts: 1 min, 5 min, 30 min, 2 h, 6 h; then the delivery is recorded as failed. */
export const RETRY_DELAYS_MS: readonly number[] = [60_000, 300_000, 1_800_000, 7_200_000, 21_600_000];

/** Attempts a delivery gets: the first, then one after each wait of the schedule. */
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;

/** When to try again after `attempts` failed attempts (counting the one that just failed, as `Delivery.attempts` does), or null: give up. */
export function nextAttemptAfter(attempts: number, failedAt: Date): Date | null {
  const delay = RETRY_DELAYS_MS[attempts - 1];
  return delay === undefined ? null : new Date(failedAt.getTime() + delay);
}
