/**
 * The outbox worker over the real SQLite store with a clock the test moves (no wall clock): a claim running short of
 * time gives the rest back instead of sending what another process may retake, and a delivery whose claims kept
 * lapsing is failed without another send.
 */
import { afterEach, beforeEach, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../main/storage.js';
import type { Clock } from '../shared/clock.js';
import { MAX_ATTEMPTS, RETRY_DELAYS_MS, type Delivery, type NewDelivery } from './delivery.js';
import { createDeliveryWorker, type DeliverySender } from './delivery-worker.js';

const T0 = new Date('2026-12-06T07:00:00.000Z');
const LEASE = 300_000;
const MAX_SEND = 150_000;

function settableClock(start: Date) {
  let now = start.getTime();
  const clock: Clock & { advance(ms: number): void } = { now: () => new Date(now), advance: (ms) => void (now += ms) };
  return clock;
}

const reader = (i: number): NewDelivery => ({
  channel: 'email', kind: 'newsletter', mailing: 'newsletter:n1', recipient: `قارئ-${i}-読者-🗞@example.net`, readerId: null, payload: { i },
});

let storage: Storage;
beforeEach(async () => {
  storage = await openStorage('sqlite::memory:');
});
afterEach(async () => {
  await storage.close();
});

/** A sender that takes `sendMs` of the test's clock per message and counts what it sent per recipient. */
function slowSender(clock: ReturnType<typeof settableClock>, sendMs: number, during?: (d: Delivery) => Promise<void>) {
  const sent = new Map<string, number>();
  const send: DeliverySender = async (d) => {
    clock.advance(sendMs);
    await during?.(d);
    sent.set(d.recipient, (sent.get(d.recipient) ?? 0) + 1);
    return { ok: true };
  };
  return { send, sent };
}

it('stops taking from a batch when too little of the claim is left for a send, and gives the rest back at once', async () => {
  await storage.deliveries.enqueue(Array.from({ length: 5 }, (_, i) => reader(i)), T0);
  const clock = settableClock(T0);
  const { send, sent } = slowSender(clock, 100_000); // a slow SMTP server: 100 s a message
  const worker = createDeliveryWorker({ store: storage.deliveries, senders: { email: send }, clock, worker: 'w1', batchSize: 5, concurrency: 1, leaseMs: LEASE, maxSendMs: MAX_SEND });
  // 0 s and 100 s: begun with ≥ 150 s of the claim left; at 200 s only 100 s are left, so the other three go back.
  expect(await worker.runRound('email')).toEqual({ sent: 2, failed: 0, retrying: 0, skipped: 0, lost: 0, released: 3 });
  const back = await storage.readerDb.selectFrom('deliveries').select(['status', 'claimed_by', 'claimed_until', 'attempts']).where('status', '!=', 'sent').execute();
  expect(back).toEqual(Array.from({ length: 3 }, () => ({ status: 'pending', claimed_by: null, claimed_until: null, attempts: 0 })));
  // Another process takes them now, not after the first claim lapses.
  const other = createDeliveryWorker({ store: storage.deliveries, senders: { email: send }, clock, worker: 'w2', batchSize: 5, concurrency: 1, leaseMs: LEASE, maxSendMs: MAX_SEND });
  expect(await other.runRound('email')).toMatchObject({ sent: 2, released: 1 });
  expect(await other.drain('email')).toMatchObject({ sent: 1, released: 0 });
  expect([...sent.values()]).toEqual([1, 1, 1, 1, 1]);
  expect(await storage.deliveries.countsOf('newsletter:n1')).toEqual({ queued: 5, sent: 5, failed: 0, skipped: 0, waiting: 0 });
});

it('never sends a delivery twice when another process retakes a claim that lapsed while this one was still sending', async () => {
  await storage.deliveries.enqueue(Array.from({ length: 8 }, (_, i) => reader(i)), T0);
  const clock = settableClock(T0);
  const options = { store: storage.deliveries, clock, batchSize: 8, concurrency: 2, leaseMs: LEASE, maxSendMs: MAX_SEND };
  let otherRan = false;
  // The other process wakes whenever the first one's claim has lapsed, and sends whatever it can take.
  const { send, sent } = slowSender(clock, 120_000, async () => {
    if (otherRan || clock.now().getTime() <= T0.getTime() + LEASE) return;
    otherRan = true;
    await createDeliveryWorker({ ...options, senders: { email: sendByOther }, worker: 'other' }).drain('email');
  });
  const sendByOther: DeliverySender = async (d) => {
    sent.set(d.recipient, (sent.get(d.recipient) ?? 0) + 1);
    return { ok: true };
  };
  const first = await createDeliveryWorker({ ...options, senders: { email: send }, worker: 'first' }).runRound('email');
  // Two lanes on one clock: sends begin at 0 s and 120 s; at 240 s less than 150 s of the claim is left.
  expect(first).toMatchObject({ sent: 2, lost: 0, released: 6 });
  expect(otherRan).toBe(false);
  await createDeliveryWorker({ ...options, senders: { email: sendByOther }, worker: 'other' }).drain('email');
  expect(sent.size).toBe(8);
  expect([...sent.entries()].filter(([, n]) => n > 1)).toEqual([]);
  expect(await storage.deliveries.countsOf('newsletter:n1')).toMatchObject({ sent: 8, waiting: 0 });
});

it('fails a delivery claimed beyond its attempts (its claims kept lapsing) without sending it, and still sends the last allowed attempt', async () => {
  await storage.deliveries.enqueue([reader(1), reader(2)], T0);
  await storage.readerDb.updateTable('deliveries').set({ attempts: MAX_ATTEMPTS }).where('recipient', '=', reader(1).recipient).execute();
  await storage.readerDb.updateTable('deliveries').set({ attempts: MAX_ATTEMPTS - 1 }).where('recipient', '=', reader(2).recipient).execute();
  const clock = settableClock(T0);
  const { send, sent } = slowSender(clock, 1_000);
  const worker = createDeliveryWorker({ store: storage.deliveries, senders: { email: send }, clock, worker: 'w1', leaseMs: LEASE, maxSendMs: MAX_SEND });
  expect(await worker.drain('email')).toMatchObject({ sent: 1, failed: 1, retrying: 0 });
  expect([...sent.keys()]).toEqual([reader(2).recipient]);
  const failed = await storage.readerDb.selectFrom('deliveries').select(['status', 'attempts', 'last_error', 'payload']).where('recipient', '=', reader(1).recipient).executeTakeFirstOrThrow();
  expect(failed).toEqual({ status: 'failed', attempts: MAX_ATTEMPTS + 1, last_error: `gave up after ${MAX_ATTEMPTS} attempts`, payload: '{}' });
});

it('backs off from the attempt the claim counted: the first failure waits the first delay, the last is failed for good', async () => {
  await storage.deliveries.enqueue([reader(1)], T0);
  const clock = settableClock(T0);
  const failing: DeliverySender = async () => ({ ok: false, permanent: false, error: '451 4.3.0 مؤقتا · 暂时 · временно' });
  const worker = createDeliveryWorker({ store: storage.deliveries, senders: { email: failing }, clock, worker: 'w1', leaseMs: LEASE, maxSendMs: MAX_SEND });
  for (const delay of RETRY_DELAYS_MS) {
    expect(await worker.runRound('email')).toMatchObject({ retrying: 1 });
    const { next_attempt_at } = await storage.readerDb.selectFrom('deliveries').select('next_attempt_at').executeTakeFirstOrThrow();
    expect(new Date(next_attempt_at).getTime() - clock.now().getTime()).toBe(delay);
    clock.advance(delay);
  }
  expect(await worker.runRound('email')).toMatchObject({ retrying: 0, failed: 1 });
  expect(await storage.readerDb.selectFrom('deliveries').select(['status', 'attempts']).executeTakeFirstOrThrow()).toEqual({ status: 'failed', attempts: MAX_ATTEMPTS });
});

it('refuses a send budget that does not fit in the lease', () => {
  expect(() => createDeliveryWorker({ store: storage.deliveries, senders: {}, clock: settableClock(T0), worker: 'w', leaseMs: 60_000, maxSendMs: 60_000 })).toThrow(RangeError);
});
