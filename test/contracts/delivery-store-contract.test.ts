/** The DeliveryStore contract on every engine: idempotent queueing, claims of due rows only (sign-in links first), attempts counted by claims, lapsed claims, release, retries, counts, prune. */
import { expect, it } from 'vitest';
import { nextAttemptAfter, RETRY_DELAYS_MS, type NewDelivery } from '../../src/core/deliveries/delivery.js';
import { describeStorageContract } from './storage-contract.js';

const T0 = new Date('2026-12-06T07:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const LEASE = 120_000;

function mail(recipient: string, overrides: Partial<NewDelivery> = {}): NewDelivery {
  return { channel: 'email', kind: 'digest', mailing: 'digest:2026-12-06', recipient, readerId: null, payload: { stories: ['ا', '東', '🚀'] }, ...overrides };
}

describeStorageContract('DeliveryStore', ({ open }) => {
  it('queues a recipient of a mailing once, however often it is enqueued', async () => {
    const { deliveries } = await open();
    expect(await deliveries.enqueue([mail('a@example.net'), mail('b@example.net')], T0)).toBe(2);
    expect(await deliveries.enqueue([mail('a@example.net'), mail('c@example.net')], at(5))).toBe(1);
    // Another channel, kind or mailing is another delivery.
    expect(await deliveries.enqueue([mail('a@example.net', { channel: 'push' }), mail('a@example.net', { mailing: 'digest:2026-12-07' })], T0)).toBe(2);
    expect(await deliveries.countsOf('digest:2026-12-06')).toEqual({ queued: 4, sent: 0, failed: 0, skipped: 0, waiting: 4 });
    const many = Array.from({ length: 1200 }, (_, i) => mail(`r${i}@example.net`, { mailing: 'newsletter:n1', kind: 'newsletter' }));
    expect(await deliveries.enqueue(many, T0)).toBe(1200);
    expect(await deliveries.enqueue(many, T0)).toBe(0);
  });

  it('claims only due deliveries of the channel, each for one worker, with their payload', async () => {
    const { deliveries } = await open();
    await deliveries.enqueue([mail('now@example.net')], T0);
    await deliveries.enqueue([mail('later@example.net')], at(60_000));
    await deliveries.enqueue([mail('push-sub-1', { channel: 'push', kind: 'alert', mailing: 'alert:1' })], T0);
    const claimed = await deliveries.claim('email', 'w1', at(1000), at(1000 + LEASE), 10);
    expect(claimed.map((d) => d.recipient)).toEqual(['now@example.net']);
    expect(claimed[0]).toMatchObject({ channel: 'email', kind: 'digest', status: 'sending', attempts: 1, payload: { stories: ['ا', '東', '🚀'] } });
    expect(await deliveries.claim('email', 'w2', at(2000), at(2000 + LEASE), 10)).toEqual([]);
    expect((await deliveries.claim('email', 'w2', at(60_000), at(60_000 + LEASE), 10)).map((d) => d.recipient)).toEqual(['later@example.net']);
    expect(await deliveries.claim('email', 'w3', at(60_000), at(60_000 + LEASE), 10)).toEqual([]);
  });

  it('gives a lapsed claim to another worker; the first worker then can no longer mark it', async () => {
    const { deliveries } = await open();
    await deliveries.enqueue([mail('a@example.net')], T0);
    const [first] = await deliveries.claim('email', 'dead-worker', T0, at(LEASE), 10);
    expect(await deliveries.claim('email', 'w2', at(LEASE - 1), at(2 * LEASE), 10)).toEqual([]);
    const [again] = await deliveries.claim('email', 'w2', at(LEASE + 1), at(2 * LEASE), 10);
    expect(again?.id).toBe(first?.id);
    // The lapsed claim used an attempt (its process died mid-send): the retaken one is the second.
    expect([first?.attempts, again?.attempts]).toEqual([1, 2]);
    expect(await deliveries.markSent(first!.id, 'dead-worker', at(LEASE + 2), false)).toBe(false);
    expect(await deliveries.markFailed(first!.id, 'dead-worker', 'late', null)).toBe(false);
    expect(await deliveries.markSent(again!.id, 'w2', at(LEASE + 3), false)).toBe(true);
    expect(await deliveries.markSent(again!.id, 'w2', at(LEASE + 4), false)).toBe(false);
    expect(await deliveries.countsOf('digest:2026-12-06')).toMatchObject({ sent: 1, waiting: 0 });
  });

  it('retries on the back-off schedule, then records the failure for good', async () => {
    const { deliveries, readerDb } = await open();
    await deliveries.enqueue([mail('flaky@example.net')], T0);
    let now = T0;
    for (let attempt = 1; attempt <= RETRY_DELAYS_MS.length + 1; attempt++) {
      const [d] = await deliveries.claim('email', 'w1', now, new Date(now.getTime() + LEASE), 10);
      expect(d?.attempts).toBe(attempt);
      const retryAt = nextAttemptAfter(attempt, now);
      expect(await deliveries.markFailed(d!.id, 'w1', `451 try ${attempt}`, retryAt)).toBe(true);
      if (!retryAt) break;
      expect(retryAt.getTime() - now.getTime()).toBe(RETRY_DELAYS_MS[attempt - 1]);
      expect(await deliveries.claim('email', 'w1', new Date(retryAt.getTime() - 1), retryAt, 10)).toEqual([]);
      now = retryAt;
    }
    const row = await readerDb.selectFrom('deliveries').select(['status', 'attempts', 'last_error', 'payload']).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', attempts: RETRY_DELAYS_MS.length + 1, last_error: `451 try ${RETRY_DELAYS_MS.length + 1}`, payload: '{}' });
    expect(await deliveries.claim('email', 'w1', at(10 * 86_400_000), at(11 * 86_400_000), 10)).toEqual([]);
  });

  it('counts an attempt for every lapsed claim, so a delivery that keeps killing its process runs out of attempts', async () => {
    const { deliveries, readerDb } = await open();
    await deliveries.enqueue([mail('crash@example.net')], T0);
    let now = T0;
    const seen: number[] = [];
    for (let i = 0; i < 8; i++) {
      const [d] = await deliveries.claim('email', `w${i}`, now, new Date(now.getTime() + LEASE), 10);
      seen.push(d!.attempts);
      now = new Date(now.getTime() + LEASE + 1); // the process died: the claim lapses unmarked
    }
    expect(seen).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(await readerDb.selectFrom('deliveries').select('attempts').executeTakeFirstOrThrow()).toEqual({ attempts: 8 });
  });

  it('claims sign-in links before anything else due, however long a newsletter has waited', async () => {
    const { deliveries } = await open();
    const readers = Array.from({ length: 30 }, (_, i) => mail(`reader${i}@example.net`, { kind: 'newsletter', mailing: 'newsletter:n1' }));
    await deliveries.enqueue(readers, T0);
    await deliveries.enqueue([mail('digest@example.net')], at(1000));
    await deliveries.enqueue([mail('قارئ@example.net', { kind: 'sign-in', mailing: 'sign-in', payload: { link: 'تسجيل 登录 🔑' } })], at(60_000));
    await deliveries.enqueue([mail('later@example.net', { kind: 'sign-in', mailing: 'sign-in' })], at(120_000));
    const first = await deliveries.claim('email', 'w1', at(60_000), at(60_000 + LEASE), 5);
    expect(first.map((d) => d.kind)).toEqual(['sign-in', 'newsletter', 'newsletter', 'newsletter', 'newsletter']);
    expect(first[0]).toMatchObject({ recipient: 'قارئ@example.net', payload: { link: 'تسجيل 登录 🔑' } });
    // Among the rest, the longest due first; a sign-in link not yet due waits its turn.
    const rest = await deliveries.claim('email', 'w2', at(60_000), at(60_000 + LEASE), 100);
    expect(rest.map((d) => d.recipient).at(-1)).toBe('digest@example.net');
    expect(rest).toHaveLength(27);
    await deliveries.enqueue([mail('late@example.net', { kind: 'sign-in', mailing: 'sign-in:late' })], at(130_000));
    await deliveries.enqueue([mail('other@example.net', { kind: 'newsletter', mailing: 'newsletter:n2' })], at(125_000));
    const next = await deliveries.claim('email', 'w3', at(130_000), at(130_000 + LEASE), 2);
    expect(next.map((d) => d.recipient)).toEqual(['later@example.net', 'late@example.net']);
  });

  it('releases untouched claimed deliveries at once: pending again, due as before, attempt taken back, only by their holder', async () => {
    const { deliveries, readerDb } = await open();
    await deliveries.enqueue(['a', 'b', 'c', 'd'].map((r) => mail(`${r}@example.net`)), T0);
    const claimed = await deliveries.claim('email', 'w1', at(10), at(10 + LEASE), 10);
    expect(claimed).toHaveLength(4);
    expect(await deliveries.markSent(claimed[0]!.id, 'w1', at(20), false)).toBe(true);
    const ids = claimed.map((d) => d.id);
    expect(await deliveries.release(ids, 'someone-else')).toBe(0);
    expect(await deliveries.release(ids, 'w1')).toBe(3); // the sent one stays sent
    expect(await deliveries.release(ids, 'w1')).toBe(0);
    expect(await deliveries.release([], 'w1')).toBe(0);
    const rows = await readerDb.selectFrom('deliveries').select(['id', 'status', 'claimed_by', 'claimed_until', 'attempts']).where('id', 'in', ids.slice(1)).execute();
    expect(rows).toHaveLength(3);
    for (const row of rows) expect(row).toMatchObject({ status: 'pending', claimed_by: null, claimed_until: null, attempts: 0 });
    // Well before the first claim would have lapsed, another worker takes them.
    const retaken = await deliveries.claim('email', 'w2', at(30), at(30 + LEASE), 10);
    expect(retaken.map((d) => d.id).sort()).toEqual(ids.slice(1).sort());
    expect(retaken.every((d) => d.attempts === 1)).toBe(true);
    expect(await deliveries.countsOf('digest:2026-12-06')).toMatchObject({ sent: 1, waiting: 3 });
  });

  it('records a permanent failure at once and counts sent, failed, skipped and waiting per mailing', async () => {
    const { deliveries } = await open();
    await deliveries.enqueue(['a', 'b', 'c', 'd', 'e'].map((r) => mail(`${r}@example.net`, { kind: 'newsletter', mailing: 'newsletter:n1' })), T0);
    const claimed = await deliveries.claim('email', 'w1', T0, at(LEASE), 3);
    expect(claimed).toHaveLength(3);
    expect(await deliveries.markSent(claimed[0]!.id, 'w1', at(1), false)).toBe(true);
    expect(await deliveries.markFailed(claimed[1]!.id, 'w1', '550 No such mailbox', null)).toBe(true);
    expect(await deliveries.markSkipped(claimed[2]!.id, 'w1', at(2), 'unsubscribed')).toBe(true);
    expect(await deliveries.countsOf('newsletter:n1')).toEqual({ queued: 5, sent: 1, failed: 1, skipped: 1, waiting: 2 });
    expect(await deliveries.countsOf('newsletter:none')).toEqual({ queued: 0, sent: 0, failed: 0, skipped: 0, waiting: 0 });
  });

  it('empties a sign-in payload once sent (it holds a link), keeps others', async () => {
    const { deliveries, readerDb } = await open();
    await deliveries.enqueue([mail('r@example.net', { kind: 'sign-in', mailing: 'sign-in', payload: { link: 'secret-token' } }), mail('s@example.net')], T0);
    const claimed = await deliveries.claim('email', 'w1', T0, at(LEASE), 10);
    for (const d of claimed) await deliveries.markSent(d.id, 'w1', at(1), d.kind === 'sign-in');
    const rows = await readerDb.selectFrom('deliveries').select(['kind', 'payload']).orderBy('kind').execute();
    expect(rows).toEqual([{ kind: 'digest', payload: JSON.stringify({ stories: ['ا', '東', '🚀'] }) }, { kind: 'sign-in', payload: '{}' }]);
  });

  it('prunes finished deliveries of the given kinds created before a time, never waiting ones', async () => {
    const { deliveries } = await open();
    await deliveries.enqueue([mail('old-sent@example.net', { kind: 'sign-in', mailing: 'sign-in' }), mail('old-waiting@example.net', { kind: 'sign-in', mailing: 'sign-in' })], T0);
    await deliveries.enqueue([mail('old-digest@example.net'), mail('old-newsletter@example.net', { kind: 'newsletter', mailing: 'newsletter:n1' })], T0);
    await deliveries.enqueue([mail('new-sent@example.net', { kind: 'sign-in', mailing: 'sign-in' })], at(86_400_000));
    const claimed = await deliveries.claim('email', 'w1', at(86_400_000), at(86_400_000 + LEASE), 10);
    for (const d of claimed.filter((c) => c.recipient !== 'old-waiting@example.net')) await deliveries.markSent(d.id, 'w1', at(86_400_001), false);
    expect(await deliveries.prune(['sign-in', 'digest'], at(3_600_000))).toBe(2);
    expect(await deliveries.prune([], at(10 * 86_400_000))).toBe(0);
    expect(await deliveries.countsOf('sign-in')).toEqual({ queued: 2, sent: 1, failed: 0, skipped: 0, waiting: 1 });
    expect(await deliveries.countsOf('newsletter:n1')).toMatchObject({ queued: 1, sent: 1 });
  });
});
