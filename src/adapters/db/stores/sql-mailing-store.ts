/**
 * @module MailingStore over Kysely: readers due for a digest, their follows, unsubscribes and newsletter audiences in the
 * reader database; digest candidates (stories with their topics and authors) in the main database. Never one query
 * over both: on SQLite they are two files.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { fromIso, toIso } from '../article-repository/article-rows.js';
import type { DigestCandidate, DigestReader, ReaderFollowSet } from '../../../core/mailings/digest.js';
import type { MailingList, MailingReader, MailingStore } from '../../../core/mailings/mailing-store.js';
import { chunks } from './chunks.js';

/** Ids per IN list: far below SQLite's and PostgreSQL's bound-parameter limits. */
const IN_CHUNK = 500;

const LIST_COLUMNS = { digest: { digest: 'off' }, newsletters: { newsletters: 0 }, alerts: { alert_email: 0 } } as const;

export function createSqlMailingStore(db: Kysely<Database>, readerDb: Kysely<Database>): MailingStore {
  return {
    async listDueDigestReaders({ editionId, hour, weekday, before, after, limit }) {
      const rows = await readerDb.selectFrom('readers')
        .select(['id', 'email', 'edition_id', 'digest', 'digest_hour', 'digest_weekday', 'digest_through'])
        .where('edition_id', '=', editionId)
        .where('digest_hour', '<=', hour) // their hour or later today: a round missed at their hour is caught up
        .where((eb) => eb.or([eb('digest', '=', 'daily'), eb.and([eb('digest', '=', 'weekly'), eb('digest_weekday', '=', weekday)])]))
        .where((eb) => eb.or([eb('digest_through', 'is', null), eb('digest_through', '<', toIso(before))]))
        .where('id', '>', after)
        .orderBy('id').limit(limit).execute();
      return rows.map((r): DigestReader => ({
        id: r.id, email: r.email, editionId: r.edition_id, digest: r.digest as DigestReader['digest'], digestHour: r.digest_hour,
        digestWeekday: r.digest_weekday, digestThrough: r.digest_through ? fromIso(r.digest_through) : null,
      }));
    },

    async followsOf(readerIds) {
      const sets = new Map<string, { topics: Set<string>; sections: Set<string>; authors: Set<string> }>();
      for (const id of readerIds) sets.set(id, { topics: new Set(), sections: new Set(), authors: new Set() });
      for (const ids of chunks(readerIds, IN_CHUNK)) {
        const rows = await readerDb.selectFrom('reader_follows').select(['reader_id', 'kind', 'target_id']).where('reader_id', 'in', ids).execute();
        for (const r of rows) {
          const set = sets.get(r.reader_id);
          if (r.kind === 'topic') set?.topics.add(r.target_id);
          else if (r.kind === 'section') set?.sections.add(r.target_id);
          else if (r.kind === 'author') set?.authors.add(r.target_id);
        }
      }
      return sets as Map<string, ReaderFollowSet>;
    },

    async markDigested(readerIds, through) {
      for (const ids of chunks(readerIds, IN_CHUNK)) {
        await readerDb.updateTable('readers').set({ digest_through: toIso(through) }).where('id', 'in', ids).execute();
      }
    },

    async listDigestCandidates(editionId, since, until, limit) {
      const stories = await db.selectFrom('articles').select(['id', 'section_id', 'first_published_at'])
        .where('status', '=', 'published').where('edition_id', '=', editionId)
        .where('first_published_at', '>', toIso(since)).where('first_published_at', '<=', toIso(until))
        .orderBy('first_published_at', 'desc').orderBy('id').limit(limit).execute();
      const topics = new Map<string, string[]>();
      const authors = new Map<string, string[]>();
      for (const ids of chunks(stories.map((s) => s.id), IN_CHUNK)) {
        const [t, a] = await Promise.all([
          db.selectFrom('article_topics').select(['article_id', 'topic_id']).where('article_id', 'in', ids).where('accepted', '=', 1).execute(),
          db.selectFrom('article_authors').select(['article_id', 'author_id']).where('article_id', 'in', ids).execute(),
        ]);
        for (const r of t) topics.set(r.article_id, [...(topics.get(r.article_id) ?? []), r.topic_id]);
        for (const r of a) authors.set(r.article_id, [...(authors.get(r.article_id) ?? []), r.author_id]);
      }
      return stories.map((s): DigestCandidate => ({
        id: s.id, sectionId: s.section_id, topicIds: topics.get(s.id) ?? [], authorIds: authors.get(s.id) ?? [],
        firstPublishedAt: fromIso(s.first_published_at!),
      }));
    },

    async findReader(id) {
      const r = await readerDb.selectFrom('readers').select(['id', 'email', 'edition_id', 'digest', 'newsletters', 'alert_email'])
        .where('id', '=', id).executeTakeFirst();
      return r ? {
        id: r.id, email: r.email, editionId: r.edition_id, digest: r.digest as MailingReader['digest'],
        newsletters: Number(r.newsletters) === 1, alertEmail: Number(r.alert_email) === 1,
      } : null;
    },

    async unsubscribe({ id, readerId, lists, mailing, at }) {
      return readerDb.transaction().execute(async (trx) => {
        const reader = await trx.selectFrom('readers').select(['digest', 'newsletters', 'alert_email']).where('id', '=', readerId).executeTakeFirst();
        if (!reader) return false;
        const wasOn: Record<MailingList, boolean> = { digest: reader.digest !== 'off', newsletters: Number(reader.newsletters) === 1, alerts: Number(reader.alert_email) === 1 };
        // Only lists that were on are recorded: a second click, or a list already off, counts no one twice.
        const leaving = lists.filter((l) => wasOn[l]);
        if (leaving.length === 0) return true;
        const set = Object.assign({}, ...leaving.map((l) => LIST_COLUMNS[l])) as Record<string, string | number>;
        await trx.updateTable('readers').set(set).where('id', '=', readerId).execute();
        await trx.insertInto('unsubscribes')
          .values(leaving.map((list, i) => ({ id: i === 0 ? id : `${id}-${i}`, reader_id: readerId, list, mailing, created_at: toIso(at) })))
          .execute();
        return true;
      });
    },

    async countUnsubscribes(mailing) {
      const row = await readerDb.selectFrom('unsubscribes').select((eb) => eb.fn.countAll<number>().as('n'))
        .where('mailing', '=', mailing).executeTakeFirst();
      return Number(row?.n ?? 0);
    },

    async listNewsletterAudience({ editionId, audience, topicId, after, limit }) {
      let query = readerDb.selectFrom('readers').select(['readers.id', 'readers.email'])
        .where('readers.edition_id', '=', editionId).where('readers.newsletters', '=', 1).where('readers.id', '>', after);
      if (audience === 'topic') {
        query = query.innerJoin('reader_follows', 'reader_follows.reader_id', 'readers.id')
          .where('reader_follows.kind', '=', 'topic').where('reader_follows.target_id', '=', topicId ?? '');
      }
      return query.orderBy('readers.id').limit(limit).execute();
    },
  };
}
