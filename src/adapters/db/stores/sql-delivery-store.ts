/** @module DeliveryStore over Kysely: the outbox table `deliveries` (reader database), claimed with one UPDATE … RETURNING. */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../database.js';
import { toIso } from '../article-repository/article-rows.js';
import { idempotencyKeyOf, type Delivery, type DeliveryChannel, type DeliveryKind, type DeliveryStatus } from '../../../core/deliveries/delivery.js';
import type { DeliveryCounts, DeliveryStore } from '../../../core/deliveries/delivery-store.js';

/** Rows per INSERT: 10 columns each stays far below SQLite's and PostgreSQL's bound-parameter limits. */
const INSERT_CHUNK = 500;

/** `skipLocked`: the engine can pass over rows another transaction is claiming (PostgreSQL); SQLite has one writer at a time. */
export function createSqlDeliveryStore(db: Kysely<Database>, options: { skipLocked: boolean }): DeliveryStore {
  const finish = (id: string, worker: string) =>
    db.updateTable('deliveries').where('id', '=', id).where('claimed_by', '=', worker).where('status', '=', 'sending');

  return {
    async enqueue(deliveries, at) {
      let added = 0;
      for (let i = 0; i < deliveries.length; i += INSERT_CHUNK) {
        const rows = deliveries.slice(i, i + INSERT_CHUNK).map((d) => ({
          id: randomUUID(), channel: d.channel, idempotency_key: idempotencyKeyOf(d), mailing: d.mailing, kind: d.kind,
          reader_id: d.readerId, recipient: d.recipient, payload: JSON.stringify(d.payload), status: 'pending',
          next_attempt_at: toIso(at), created_at: toIso(at),
        }));
        const result = await db.insertInto('deliveries').values(rows).onConflict((oc) => oc.column('idempotency_key').doNothing()).executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    },

    async claim(channel, worker, now, leaseUntil, limit) {
      // Due: pending and its time has come, or being sent by a process whose claim lapsed (it died mid-send).
      let due = db.selectFrom('deliveries').select('id')
        .where('channel', '=', channel)
        .where((eb) => eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', toIso(now))]),
          eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', toIso(now))]),
        ]))
        // Sign-in links first: one expires in 15 minutes and must not wait behind a 100,000-reader newsletter.
        .orderBy(sql`case when kind = 'sign-in' then 0 else 1 end`).orderBy('next_attempt_at').limit(limit);
      // PostgreSQL: rows another transaction is claiming are passed over, not waited for. SQLite has one writer at a time.
      if (options.skipLocked) due = due.forUpdate().skipLocked();
      const rows = await db.updateTable('deliveries')
        // The attempt is counted when it is claimed: a process that dies mid-send has still used it.
        .set({ status: 'sending', claimed_by: worker, claimed_until: toIso(leaseUntil), attempts: sql`attempts + 1` })
        .where('id', 'in', due)
        .returning(['id', 'channel', 'kind', 'mailing', 'recipient', 'reader_id', 'payload', 'status', 'attempts', 'next_attempt_at'])
        .execute();
      // RETURNING keeps no order: the batch is put in claim order again, so the worker sends sign-in links first.
      const rank = (r: { kind: string; next_attempt_at: string }) => `${r.kind === 'sign-in' ? 0 : 1}${r.next_attempt_at}`;
      rows.sort((a, b) => (rank(a) < rank(b) ? -1 : rank(a) > rank(b) ? 1 : 0));
      return rows.map((r): Delivery => ({
        id: r.id, channel: r.channel as DeliveryChannel, kind: r.kind as DeliveryKind, mailing: r.mailing, recipient: r.recipient,
        readerId: r.reader_id, payload: JSON.parse(r.payload) as Record<string, unknown>, status: r.status as DeliveryStatus, attempts: r.attempts,
      }));
    },

    async markSent(id, worker, at, clearPayload) {
      const r = await finish(id, worker)
        .set({ status: 'sent', sent_at: toIso(at), claimed_until: null, ...(clearPayload ? { payload: '{}' } : {}) })
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async markSkipped(id, worker, at, reason) {
      const r = await finish(id, worker).set({ status: 'skipped', sent_at: toIso(at), claimed_until: null, last_error: reason, payload: '{}' }).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async markFailed(id, worker, error, retryAt) {
      const r = await finish(id, worker)
        .set(retryAt
          ? { status: 'pending', next_attempt_at: toIso(retryAt), claimed_until: null, last_error: error }
          : { status: 'failed', claimed_until: null, last_error: error, payload: '{}' })
        .executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async release(ids, worker) {
      let released = 0;
      for (let i = 0; i < ids.length; i += INSERT_CHUNK) {
        const r = await db.updateTable('deliveries')
          .set({ status: 'pending', claimed_by: null, claimed_until: null, attempts: sql`attempts - 1` })
          .where('id', 'in', ids.slice(i, i + INSERT_CHUNK)).where('claimed_by', '=', worker).where('status', '=', 'sending')
          .executeTakeFirst();
        released += Number(r.numUpdatedRows);
      }
      return released;
    },

    async countsOf(mailing) {
      const rows = await db.selectFrom('deliveries').select(['status', db.fn.countAll<number>().as('n')])
        .where('mailing', '=', mailing).groupBy('status').execute();
      const counts: DeliveryCounts = { queued: 0, sent: 0, failed: 0, skipped: 0, waiting: 0 };
      for (const { status, n } of rows) {
        const count = Number(n);
        counts.queued += count;
        if (status === 'sent' || status === 'failed' || status === 'skipped') counts[status] += count;
        else counts.waiting += count;
      }
      return counts;
    },

    async prune(kinds, before) {
      if (kinds.length === 0) return 0;
      const r = await db.deleteFrom('deliveries').where('kind', 'in', [...kinds]).where('status', 'in', ['sent', 'skipped', 'failed'])
        .where('created_at', '<', toIso(before)).executeTakeFirst();
      return Number(r.numDeletedRows);
    },
  };
}
