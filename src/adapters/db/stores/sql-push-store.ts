/**
 * @module PushSubscriptionStore over Kysely: `push_subscriptions` and their topics, and alerts' audiences, in the reader
 * database; topic slugs are resolved in the main one (two queries, never a join across the two).
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { toIso } from '../article-repository/article-rows.js';
import type { AlertAudienceQuery, PushSubscriptionStore } from '../../../core/alerts/push-subscription-store.js';

/** A subscription's id: the SHA-256 of its endpoint, so the same browser subscribing again finds its row. */
export function pushSubscriptionIdOf(endpoint: string): string {
  return createHash('sha256').update(endpoint).digest('hex');
}

export function createSqlPushStore(readerDb: Kysely<Database>, mainDb: Kysely<Database>): PushSubscriptionStore {
  /**
   * Subscription ids of the audience, each once: for followers, browsers whose own list has one of the topics, and
   * browsers of signed-in readers whose account follows one (UNION removes the doubles).
   */
  const pushIds = (q: AlertAudienceQuery) => q.audience === 'followers'
    ? readerDb.selectFrom('push_subscription_topics').innerJoin('push_subscriptions', 'push_subscriptions.id', 'push_subscription_topics.subscription_id')
      .select(['push_subscriptions.id as id', 'push_subscriptions.reader_id as reader_id']).where('push_subscription_topics.topic_id', 'in', [...q.topicIds])
      .union(readerDb.selectFrom('push_subscriptions').innerJoin('reader_follows', 'reader_follows.reader_id', 'push_subscriptions.reader_id')
        .select(['push_subscriptions.id as id', 'push_subscriptions.reader_id as reader_id']).where('reader_follows.kind', '=', 'topic').where('reader_follows.target_id', 'in', [...q.topicIds]))
    : readerDb.selectFrom('push_subscriptions').select(['id', 'reader_id']).where('breaking', '=', 1).where('edition_id', '=', q.editionId);
  /** Readers of the audience who chose alerts by e-mail. */
  const emailReaders = (q: AlertAudienceQuery) => {
    const opted = readerDb.selectFrom('readers').select(['readers.id', 'readers.email']).where('readers.alert_email', '=', 1);
    return q.audience === 'followers'
      ? opted.where((eb) => eb.exists(eb.selectFrom('reader_follows').select('reader_follows.reader_id')
        .whereRef('reader_follows.reader_id', '=', 'readers.id').where('reader_follows.kind', '=', 'topic').where('reader_follows.target_id', 'in', [...q.topicIds])))
      : opted.where('readers.edition_id', '=', q.editionId);
  };
  const noTopics = (q: AlertAudienceQuery) => q.audience === 'followers' && q.topicIds.length === 0;

  return {
    async topicIdsBySlugs(slugs) {
      if (slugs.length === 0) return new Map();
      const rows = await mainDb.selectFrom('topics').select(['id', 'slug']).where('slug', 'in', [...slugs]).execute();
      return new Map(rows.map((r) => [r.slug, r.id]));
    },

    async upsert(input, at) {
      const id = pushSubscriptionIdOf(input.endpoint);
      const now = toIso(at);
      await readerDb.transaction().execute(async (trx) => {
        const fields = { p256dh: input.p256dh, auth: input.auth, reader_id: input.readerId, edition_id: input.editionId, breaking: input.breaking ? 1 : 0, updated_at: now };
        await trx.insertInto('push_subscriptions').values({ id, endpoint: input.endpoint, created_at: now, ...fields })
          .onConflict((oc) => oc.column('id').doUpdateSet(fields)).execute();
        await trx.deleteFrom('push_subscription_topics').where('subscription_id', '=', id).execute();
        const topics = [...new Set(input.topicIds)];
        if (topics.length) await trx.insertInto('push_subscription_topics').values(topics.map((topic_id) => ({ subscription_id: id, topic_id }))).execute();
      });
      return id;
    },

    async removeByEndpoint(endpoint) {
      const id = pushSubscriptionIdOf(endpoint);
      return readerDb.transaction().execute(async (trx) => {
        await trx.deleteFrom('push_subscription_topics').where('subscription_id', '=', id).execute();
        const r = await trx.deleteFrom('push_subscriptions').where('id', '=', id).executeTakeFirst();
        return Number(r.numDeletedRows) > 0;
      });
    },

    async removeById(id) {
      await readerDb.transaction().execute(async (trx) => {
        await trx.deleteFrom('push_subscription_topics').where('subscription_id', '=', id).execute();
        await trx.deleteFrom('push_subscriptions').where('id', '=', id).execute();
      });
    },

    async findById(id) {
      const row = await readerDb.selectFrom('push_subscriptions').select(['id', 'endpoint', 'p256dh', 'auth', 'edition_id']).where('id', '=', id).executeTakeFirst();
      return row ? { id: row.id, endpoint: row.endpoint, p256dh: row.p256dh, auth: row.auth, editionId: row.edition_id } : null;
    },

    async countAudience(q) {
      if (noTopics(q)) return { push: 0, email: 0 };
      const [push, email] = await Promise.all([
        readerDb.selectFrom(pushIds(q).as('a')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
        readerDb.selectFrom(emailReaders(q).as('r')).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
      ]);
      return { push: Number(push.n), email: Number(email.n) };
    },

    async pushAudiencePage(q, after, limit) {
      if (noTopics(q)) return [];
      const rows = await readerDb.selectFrom(pushIds(q).as('a')).select(['a.id', 'a.reader_id'])
        .$if(after !== null, (qb) => qb.where('a.id', '>', after!)).orderBy('a.id').limit(limit).execute();
      return rows.map((r) => ({ id: r.id, readerId: r.reader_id }));
    },

    async emailAudiencePage(q, after, limit) {
      if (noTopics(q)) return [];
      const rows = await emailReaders(q).$if(after !== null, (qb) => qb.where('readers.id', '>', after!)).orderBy('readers.id').limit(limit).execute();
      return rows.map((r) => ({ readerId: r.id, email: r.email }));
    },

    async alertEmailOf(readerId) {
      const row = await readerDb.selectFrom('readers').select('email').where('id', '=', readerId).where('alert_email', '=', 1).executeTakeFirst();
      return row?.email ?? null;
    },
  };
}
