/** @module ReaderStore over Kysely: readers, sign-in links, sessions and follows in the reader database (never joined with main tables). */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../database.js';
import type { ReadersTable } from '../reader-tables.js';
import { fromIso, toIso } from '../article-repository/article-rows.js';
import type { DigestFrequency, FollowKind, Reader, ReaderPreferences } from '../../../core/readers/reader.js';
import type { ReaderStore, SignInLinkRecord } from '../../../core/readers/reader-store.js';

/** Rows per INSERT of follows: four columns each, far below both engines' bound-parameter limits. */
const INSERT_CHUNK = 500;

function readerFromRow(row: Selectable<ReadersTable>): Reader {
  return {
    id: row.id, email: row.email, editionId: row.edition_id, createdAt: fromIso(row.created_at),
    lastSignedInAt: row.last_signed_in_at ? fromIso(row.last_signed_in_at) : null, digest: row.digest as DigestFrequency,
    digestHour: Number(row.digest_hour), digestWeekday: Number(row.digest_weekday), digestThrough: row.digest_through ? fromIso(row.digest_through) : null,
    newsletters: Number(row.newsletters) === 1, alertEmail: Number(row.alert_email) === 1,
  };
}

function preferenceColumns(patch: Partial<ReaderPreferences>) {
  return {
    ...(patch.digest !== undefined ? { digest: patch.digest } : {}),
    ...(patch.digestHour !== undefined ? { digest_hour: patch.digestHour } : {}),
    ...(patch.digestWeekday !== undefined ? { digest_weekday: patch.digestWeekday } : {}),
    ...(patch.newsletters !== undefined ? { newsletters: patch.newsletters ? 1 : 0 } : {}),
    ...(patch.alertEmail !== undefined ? { alert_email: patch.alertEmail ? 1 : 0 } : {}),
  };
}

export function createSqlReaderStore(db: Kysely<Database>): ReaderStore {
  const byColumn = async (column: 'id' | 'email', value: string) => {
    const row = await db.selectFrom('readers').selectAll().where(column, '=', value).executeTakeFirst();
    return row ? readerFromRow(row) : null;
  };

  return {
    findById: (id) => byColumn('id', id),
    findByEmail: (email) => byColumn('email', email),

    async insertOrFind(reader) {
      await db.insertInto('readers')
        .values({ id: reader.id, email: reader.email, edition_id: reader.editionId, created_at: toIso(reader.createdAt) })
        .onConflict((oc) => oc.column('email').doNothing()).execute();
      return (await byColumn('email', reader.email))!;
    },

    async updatePreferences(id, patch) {
      const columns = preferenceColumns(patch);
      if (Object.keys(columns).length === 0) return (await byColumn('id', id)) !== null;
      const result = await db.updateTable('readers').set(columns).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) === 1;
    },

    async recordSignIn(id, at) {
      await db.updateTable('readers').set({ last_signed_in_at: toIso(at) }).where('id', '=', id).execute();
    },

    async deleteReader(id) {
      return db.transaction().execute(async (trx) => {
        const reader = await trx.selectFrom('readers').select('email').where('id', '=', id).executeTakeFirst();
        if (!reader) return false;
        const subscriptions = trx.selectFrom('push_subscriptions').select('id').where('reader_id', '=', id);
        // Pushes queued for the reader's browsers name the subscription as recipient (older rows carry no reader id).
        await trx.deleteFrom('deliveries').where('channel', '=', 'push').where('recipient', 'in', subscriptions).execute();
        await trx.deleteFrom('push_subscription_topics').where('subscription_id', 'in', subscriptions).execute();
        await trx.deleteFrom('push_subscriptions').where('reader_id', '=', id).execute();
        // Sign-in mails sent before the account existed carry the address but no reader id.
        await trx.deleteFrom('deliveries').where((eb) => eb.or([eb('reader_id', '=', id), eb('recipient', '=', reader.email)])).execute();
        await trx.updateTable('unsubscribes').set({ reader_id: null }).where('reader_id', '=', id).execute();
        await trx.deleteFrom('reader_sessions').where('reader_id', '=', id).execute();
        await trx.deleteFrom('reader_follows').where('reader_id', '=', id).execute();
        await trx.deleteFrom('reader_sign_in_links').where('email', '=', reader.email).execute();
        await trx.deleteFrom('readers').where('id', '=', id).execute();
        return true;
      });
    },

    async holdingsOf(reader) {
      const [deliveries, unsubscribes, subscriptions, sessions, links] = await Promise.all([
        // Never the payload: a sign-in mail's holds a live token until it is sent.
        db.selectFrom('deliveries').select(['kind', 'channel', 'mailing', 'status', 'created_at', 'sent_at'])
          .where((eb) => eb.or([eb('reader_id', '=', reader.id), eb('recipient', '=', reader.email)])).orderBy('created_at').execute(),
        db.selectFrom('unsubscribes').select(['list', 'mailing', 'created_at']).where('reader_id', '=', reader.id).orderBy('created_at').execute(),
        db.selectFrom('push_subscriptions').select(['id', 'endpoint', 'edition_id', 'breaking', 'created_at', 'updated_at'])
          .where('reader_id', '=', reader.id).orderBy('created_at').execute(),
        // Never the ids: they are the hashes of the cookies' and links' tokens.
        db.selectFrom('reader_sessions').select(['created_at', 'last_seen_at', 'expires_at']).where('reader_id', '=', reader.id).orderBy('created_at').execute(),
        db.selectFrom('reader_sign_in_links').select(['edition_id', 'created_at', 'expires_at', 'used_at']).where('email', '=', reader.email).orderBy('created_at').execute(),
      ]);
      const topics = subscriptions.length === 0 ? [] : await db.selectFrom('push_subscription_topics').select(['subscription_id', 'topic_id'])
        .where('subscription_id', 'in', subscriptions.map((s) => s.id)).execute();
      return {
        // A sign-in mail's mailing names its link by the token's hash: left out, as the links' own are.
        deliveries: deliveries.map((d) => ({
          kind: d.kind, channel: d.channel, mailing: d.kind === 'sign-in' ? 'sign-in' : d.mailing, status: d.status, createdAt: d.created_at, sentAt: d.sent_at,
        })),
        unsubscribes: unsubscribes.map((u) => ({ list: u.list, mailing: u.mailing, createdAt: u.created_at })),
        pushSubscriptions: subscriptions.map((s) => ({
          endpoint: s.endpoint, editionId: s.edition_id, breaking: Number(s.breaking) === 1, createdAt: s.created_at, updatedAt: s.updated_at,
          topicIds: topics.filter((t) => t.subscription_id === s.id).map((t) => t.topic_id),
        })),
        sessions: sessions.map((s) => ({ createdAt: s.created_at, lastSeenAt: s.last_seen_at, expiresAt: s.expires_at })),
        signInLinks: links.map((l) => ({ editionId: l.edition_id, createdAt: l.created_at, expiresAt: l.expires_at, usedAt: l.used_at })),
      };
    },

    async insertLink(link) {
      await db.insertInto('reader_sign_in_links').values({
        id: link.id, email: link.email, edition_id: link.editionId, created_at: toIso(link.createdAt), expires_at: toIso(link.expiresAt),
      }).execute();
    },

    async findLiveLink(id, at) {
      const row = await db.selectFrom('reader_sign_in_links').select(['id', 'email', 'edition_id', 'created_at', 'expires_at'])
        .where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', toIso(at)).executeTakeFirst();
      return row ? { id: row.id, email: row.email, editionId: row.edition_id, createdAt: fromIso(row.created_at), expiresAt: fromIso(row.expires_at) } : null;
    },

    async consumeLink(id, at) {
      // One conditional UPDATE: of two requests racing with the same link, exactly one sees its row come back.
      const spent = await db.updateTable('reader_sign_in_links').set({ used_at: toIso(at) })
        .where('id', '=', id).where('used_at', 'is', null).where('expires_at', '>', toIso(at))
        .returning(['id', 'email', 'edition_id', 'created_at', 'expires_at']).executeTakeFirst();
      if (spent) {
        const link: SignInLinkRecord = { id: spent.id, email: spent.email, editionId: spent.edition_id, createdAt: fromIso(spent.created_at), expiresAt: fromIso(spent.expires_at) };
        return link;
      }
      const row = await db.selectFrom('reader_sign_in_links').select(['used_at']).where('id', '=', id).executeTakeFirst();
      return !row ? 'unknown' : row.used_at ? 'used' : 'expired';
    },

    async insertSession(s) {
      await db.insertInto('reader_sessions').values({
        id: s.id, reader_id: s.readerId, csrf_token: s.csrfToken, created_at: toIso(s.createdAt), last_seen_at: toIso(s.lastSeenAt), expires_at: toIso(s.expiresAt),
      }).execute();
    },

    async findSession(id) {
      const row = await db.selectFrom('reader_sessions').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? {
        id: row.id, readerId: row.reader_id, csrfToken: row.csrf_token, createdAt: fromIso(row.created_at),
        lastSeenAt: fromIso(row.last_seen_at), expiresAt: fromIso(row.expires_at),
      } : null;
    },

    async touchSession(id, at) {
      await db.updateTable('reader_sessions').set({ last_seen_at: toIso(at) }).where('id', '=', id).execute();
    },

    async removeSession(id) {
      await db.deleteFrom('reader_sessions').where('id', '=', id).execute();
    },

    async removeExpired(now) {
      const sessions = await db.deleteFrom('reader_sessions').where('expires_at', '<=', toIso(now)).executeTakeFirst();
      const links = await db.deleteFrom('reader_sign_in_links').where('expires_at', '<=', toIso(now)).executeTakeFirst();
      return Number(sessions.numDeletedRows) + Number(links.numDeletedRows);
    },

    async listFollows(readerId) {
      const rows = await db.selectFrom('reader_follows').select(['kind', 'target_id', 'created_at']).where('reader_id', '=', readerId)
        .orderBy('created_at').orderBy('kind').orderBy('target_id').execute();
      return rows.map((r) => ({ kind: r.kind as FollowKind, targetId: r.target_id, createdAt: fromIso(r.created_at) }));
    },

    async addFollows(readerId, follows, at) {
      let added = 0;
      for (let i = 0; i < follows.length; i += INSERT_CHUNK) {
        const rows = follows.slice(i, i + INSERT_CHUNK).map((f) => ({ reader_id: readerId, kind: f.kind, target_id: f.targetId, created_at: toIso(at) }));
        const result = await db.insertInto('reader_follows').values(rows)
          .onConflict((oc) => oc.columns(['reader_id', 'kind', 'target_id']).doNothing()).executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    },

    async removeFollow(readerId, kind, targetId) {
      const result = await db.deleteFrom('reader_follows').where('reader_id', '=', readerId).where('kind', '=', kind).where('target_id', '=', targetId).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },
  };
}
