/** @module The outbox's worker: claims due deliveries of one channel, hands each to the channel's sender, records the outcome. */
import type { Clock } from '../shared/clock.js';
import { MAX_ATTEMPTS, nextAttemptAfter, type Delivery, type DeliveryChannel, type SendOutcome } from './delivery.js';
import type { DeliveryStore } from './delivery-store.js';

/** Sends one delivery (renders it first); never throws for a delivery's own failure, reports it as an outcome. */
export type DeliverySender = (delivery: Delivery) => Promise<SendOutcome>;

export interface DeliveryWorkerDeps {
  store: DeliveryStore;
  senders: Partial<Record<DeliveryChannel, DeliverySender>>;
  clock: Clock;
  /** This process's name in claims (unique per process). */
  worker: string;
  /** Deliveries taken per claim. */
  batchSize?: number;
  /** How long a claim holds; a process that dies mid-batch leaves its deliveries to others after it. Default 300 s. */
  leaseMs?: number;
  /**
   * The longest one send can take (the sender's own timeouts): a send is begun only while at least this much of the
   * claim is left, so it ends before the claim lapses and no other process can retake and send it too. The rest of
   * the batch is given back at once. Default half the lease (150 s of the default; SMTP's timeouts add up to ~120 s).
   */
  maxSendMs?: number;
  /** Sends in flight at once per channel. */
  concurrency?: number;
}

export interface RoundReport {
  sent: number;
  failed: number;
  retrying: number;
  skipped: number;
  /** Claims lost to another process (a lapsed lease taken over): counted, not sent twice by this one. */
  lost: number;
  /** Claimed but given back unsent: too little of the claim was left to begin another send. */
  released: number;
}

export function emptyRoundReport(): RoundReport {
  return { sent: 0, failed: 0, retrying: 0, skipped: 0, lost: 0, released: 0 };
}

/** Deliveries a round dealt with (any outcome): a round that took a full batch leaves more to claim. */
export function handledIn(r: RoundReport): number {
  return r.sent + r.failed + r.retrying + r.skipped + r.lost + r.released;
}

/** Kinds whose payload holds a secret (a sign-in link): emptied once the message is out. */
const SECRET_PAYLOAD_KINDS = new Set(['sign-in']);

export function createDeliveryWorker(deps: DeliveryWorkerDeps) {
  const batchSize = deps.batchSize ?? 200;
  const leaseMs = deps.leaseMs ?? 300_000;
  const maxSendMs = deps.maxSendMs ?? Math.floor(leaseMs / 2);
  const concurrency = deps.concurrency ?? 8;
  if (!(maxSendMs >= 0 && maxSendMs < leaseMs)) throw new RangeError(`maxSendMs (${maxSendMs}) must be below leaseMs (${leaseMs})`);

  async function deliverOne(delivery: Delivery, send: DeliverySender, report: RoundReport): Promise<void> {
    let outcome: SendOutcome;
    if (delivery.attempts > MAX_ATTEMPTS) {
      // Its claims lapsed again and again (its process died mid-send each time): no more tries.
      outcome = { ok: false, permanent: true, error: `gave up after ${delivery.attempts - 1} attempts` };
    } else {
      try {
        outcome = await send(delivery);
      } catch (error) {
        outcome = { ok: false, permanent: false, error: error instanceof Error ? error.message : String(error) };
      }
    }
    const at = deps.clock.now();
    let kept: boolean;
    if (outcome.ok === true) {
      kept = await deps.store.markSent(delivery.id, deps.worker, at, SECRET_PAYLOAD_KINDS.has(delivery.kind));
      if (kept) report.sent++;
    } else if (outcome.ok === 'skipped') {
      kept = await deps.store.markSkipped(delivery.id, deps.worker, at, outcome.reason);
      if (kept) report.skipped++;
    } else {
      const retryAt = outcome.permanent ? null : nextAttemptAfter(delivery.attempts, at);
      kept = await deps.store.markFailed(delivery.id, deps.worker, outcome.error.slice(0, 500), retryAt);
      if (kept && retryAt) report.retrying++;
      else if (kept) report.failed++;
    }
    if (!kept) report.lost++;
  }

  /** One claim of the channel's due deliveries, sent `concurrency` at a time; returns what happened. */
  async function runRound(channel: DeliveryChannel): Promise<RoundReport> {
    const report = emptyRoundReport();
    const send = deps.senders[channel];
    if (!send) return report;
    const now = deps.clock.now();
    const batch = await deps.store.claim(channel, deps.worker, now, new Date(now.getTime() + leaseMs), batchSize);
    // The last moment a send may begin and still end before the claim lapses.
    const lastStart = now.getTime() + leaseMs - maxSendMs;
    let next = 0;
    const lanes = Array.from({ length: Math.min(concurrency, batch.length) }, async () => {
      while (next < batch.length) {
        if (deps.clock.now().getTime() > lastStart) {
          // Too late for another send: the untouched rest goes back to the queue now, not when the claim lapses.
          const rest = batch.slice(next).map((d) => d.id);
          next = batch.length;
          report.released += await deps.store.release(rest, deps.worker);
          return;
        }
        const delivery = batch[next++]!;
        await deliverOne(delivery, send, report);
      }
    });
    await Promise.all(lanes);
    return report;
  }

  /** Rounds until a claim comes back short of a full batch (the queue is drained for now). */
  async function drain(channel: DeliveryChannel): Promise<RoundReport> {
    const total = emptyRoundReport();
    for (;;) {
      const r = await runRound(channel);
      for (const k of Object.keys(total) as (keyof RoundReport)[]) total[k] += r[k];
      if (handledIn(r) < batchSize) return total;
    }
  }

  return { runRound, drain };
}

export type DeliveryWorker = ReturnType<typeof createDeliveryWorker>;
