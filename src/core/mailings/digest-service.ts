/**
 * @module Queues the digests due now: for each edition, the readers whose local hour it is, page by page (keyset), each
 * with the new stories in what they follow; one delivery per reader and local day (the outbox's idempotency key makes a
 * second run, or a second process, queue nothing new). Nothing new for a reader: no delivery, and digest_through still
 * moves to now, so the next round does not look again and no story is ever counted twice.
 */
import type { Clock } from '../shared/clock.js';
import type { DeliveryStore } from '../deliveries/delivery-store.js';
import type { NewDelivery } from '../deliveries/delivery.js';
import type { Edition } from '../editions/edition.js';
import {
  DIGEST_LOOKBACK_MS, digestMailing, digestSince, digestSlot, isDigestDue, selectDigestStories,
  type DigestCandidate, type DigestPayload, type DigestReader,
} from './digest.js';
import type { MailingStore } from './mailing-store.js';

export interface DigestServiceDeps {
  store: Pick<MailingStore, 'listDueDigestReaders' | 'followsOf' | 'markDigested' | 'listDigestCandidates'>;
  deliveries: Pick<DeliveryStore, 'enqueue'>;
  editions: () => readonly Edition[];
  clock: Clock;
  /** Readers per page. */
  batchSize?: number;
  /** Candidate stories read per edition and round (newest first). */
  candidateLimit?: number;
}

export interface DigestRoundReport {
  /** Readers whose digest was due. */
  due: number;
  /** Deliveries added to the outbox (a re-run adds none). */
  queued: number;
  /** Due readers with nothing new. */
  empty: number;
}

export function createDigestService(deps: DigestServiceDeps) {
  const batchSize = deps.batchSize ?? 1000;
  const candidateLimit = deps.candidateLimit ?? 5000;

  function deliveriesFor(readers: readonly DigestReader[], follows: Awaited<ReturnType<MailingStore['followsOf']>>,
    candidates: readonly DigestCandidate[], mailing: string, payloadBase: Omit<DigestPayload, 'storyIds'>, now: Date): NewDelivery[] {
    const out: NewDelivery[] = [];
    for (const reader of readers) {
      const set = follows.get(reader.id);
      if (!set) continue;
      const storyIds = selectDigestStories(set, candidates, digestSince(reader, now), now);
      if (storyIds.length === 0) continue;
      const payload: DigestPayload = { ...payloadBase, storyIds };
      out.push({ channel: 'email', kind: 'digest', mailing, recipient: reader.email, readerId: reader.id, payload: { ...payload } });
    }
    return out;
  }

  async function queueEdition(edition: Edition, now: Date, report: DigestRoundReport): Promise<void> {
    const slot = digestSlot(now, edition.timeZone);
    const mailing = digestMailing(edition.id, slot.localDate);
    let candidates: DigestCandidate[] | null = null;
    let after = '';
    for (;;) {
      const page = await deps.store.listDueDigestReaders({
        editionId: edition.id, hour: slot.hour, weekday: slot.weekday, before: slot.dayStart, after, limit: batchSize,
      });
      if (page.length === 0) return;
      const due = page.filter((r) => isDigestDue(r, slot));
      // The stories are read once per edition and round, only when someone is due.
      candidates ??= await deps.store.listDigestCandidates(edition.id, new Date(now.getTime() - DIGEST_LOOKBACK_MS), now, candidateLimit);
      const follows = await deps.store.followsOf(due.map((r) => r.id));
      const queue = deliveriesFor(due, follows, candidates, mailing, { edition: edition.id, date: slot.localDate }, now);
      report.due += due.length;
      report.empty += due.length - queue.length;
      report.queued += queue.length ? await deps.deliveries.enqueue(queue, now) : 0;
      // After the enqueue: a crash between the two leaves readers due, and the next round's enqueue is a no-op for them.
      await deps.store.markDigested(due.map((r) => r.id), now);
      if (page.length < batchSize) return;
      after = page[page.length - 1]!.id;
    }
  }

  /** Queues every digest due at the clock's time (or `at`); safe to run every minute and in several processes. */
  async function queueDueDigests(at?: Date): Promise<DigestRoundReport> {
    const now = at ?? deps.clock.now();
    const report: DigestRoundReport = { due: 0, queued: 0, empty: 0 };
    for (const edition of deps.editions()) await queueEdition(edition, now, report);
    return report;
  }

  return { queueDueDigests };
}

export type DigestService = ReturnType<typeof createDigestService>;
