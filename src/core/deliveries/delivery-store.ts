/** @module The DeliveryStore port: the outbox's queue, claims and counts. */
import type { Delivery, DeliveryChannel, DeliveryKind, NewDelivery } from './delivery.js';

export interface DeliveryCounts {
  queued: number;
  sent: number;
  failed: number;
  skipped: number;
  /** Still pending or being sent. */
  waiting: number;
}

export interface DeliveryStore {
  /** Queues the deliveries whose idempotency key is new; returns how many were added. */
  enqueue(deliveries: readonly NewDelivery[], at: Date): Promise<number>;
  /**
   * Takes up to `limit` deliveries due at `now` (pending, or claimed by a process whose claim lapsed) for `worker`
   * until `leaseUntil`. Two processes never take the same delivery while a claim holds. Sign-in links (they expire in
   * minutes) come first, then the longest due. Each claim counts an attempt: `attempts` comes back including this one.
   */
  claim(channel: DeliveryChannel, worker: string, now: Date, leaseUntil: Date, limit: number): Promise<Delivery[]>;
  /**
   * Gives claimed deliveries back untouched (the claim ran short of time before they were sent): pending again, due as
   * before, the attempt the claim counted taken back. Only rows `worker` still holds; returns how many.
   */
  release(ids: readonly string[], worker: string): Promise<number>;
  /** Records the outcome of a claimed delivery; only the worker that holds the claim can (false: the claim was lost). */
  markSent(id: string, worker: string, at: Date, clearPayload: boolean): Promise<boolean>;
  markSkipped(id: string, worker: string, at: Date, reason: string): Promise<boolean>;
  /** A failed attempt: retried at `retryAt`, or recorded as failed for good when it is null. */
  markFailed(id: string, worker: string, error: string, retryAt: Date | null): Promise<boolean>;
  countsOf(mailing: string): Promise<DeliveryCounts>;
  /** Forgets finished (sent, skipped, failed) deliveries of `kinds` created before `before`; returns how many. */
  prune(kinds: readonly DeliveryKind[], before: Date): Promise<number>;
}
