/** @module NewsletterStore over Kysely: the `newsletters` table (main database); sending is claimed by one conditional UPDATE. */
import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../database.js';
import type { NewslettersTable } from '../reader-tables.js';
import { fromIso, toIso } from '../article-repository/article-rows.js';
import type { Newsletter, NewsletterAudience, NewsletterStatus } from '../../../core/mailings/newsletter.js';
import type { NewsletterStore } from '../../../core/mailings/newsletter-store.js';

function newsletterOf(r: Selectable<NewslettersTable>): Newsletter {
  return {
    id: r.id, editionId: r.edition_id, subject: r.subject, intro: r.intro, storyIds: JSON.parse(r.story_ids) as string[],
    audience: r.audience as NewsletterAudience, topicId: r.topic_id, status: r.status as NewsletterStatus,
    scheduledAt: r.scheduled_at ? fromIso(r.scheduled_at) : null, sentAt: r.sent_at ? fromIso(r.sent_at) : null,
    recipients: r.recipients === null ? null : Number(r.recipients), createdBy: r.created_by,
    createdAt: fromIso(r.created_at), updatedAt: fromIso(r.updated_at),
  };
}

export function createSqlNewsletterStore(db: Kysely<Database>): NewsletterStore {
  return {
    async insert(n) {
      await db.insertInto('newsletters').values({
        id: n.id, edition_id: n.editionId, subject: n.subject, intro: n.intro, story_ids: JSON.stringify(n.storyIds), audience: n.audience,
        topic_id: n.topicId, status: n.status, scheduled_at: n.scheduledAt ? toIso(n.scheduledAt) : null, sent_at: null, recipients: null,
        created_by: n.createdBy, created_at: toIso(n.createdAt), updated_at: toIso(n.updatedAt),
      }).execute();
    },

    async find(id) {
      const row = await db.selectFrom('newsletters').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? newsletterOf(row) : null;
    },

    async list(limit) {
      return (await db.selectFrom('newsletters').selectAll().orderBy('created_at', 'desc').orderBy('id').limit(limit).execute()).map(newsletterOf);
    },

    async save(id, change, from, at) {
      const r = await db.updateTable('newsletters').set({
        subject: change.subject, intro: change.intro, story_ids: JSON.stringify(change.storyIds), audience: change.audience,
        topic_id: change.audience === 'topic' ? change.topicId : null, status: change.status,
        scheduled_at: change.scheduledAt ? toIso(change.scheduledAt) : null, updated_at: toIso(at),
      }).where('id', '=', id).where('status', 'in', [...from]).executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async listDue(now, staleBefore) {
      const rows = await db.selectFrom('newsletters').select('id')
        .where((eb) => eb.or([
          eb.and([eb('status', '=', 'scheduled'), eb('scheduled_at', '<=', toIso(now))]),
          eb.and([eb('status', '=', 'sending'), eb('updated_at', '<', toIso(staleBefore))]),
        ]))
        .orderBy('scheduled_at').limit(100).execute();
      return rows.map((r) => r.id);
    },

    async claim(id, from, staleBefore, at, dueBy) {
      let query = db.updateTable('newsletters').set({ status: 'sending', updated_at: toIso(at) })
        .where('id', '=', id)
        .where((eb) => eb.or([eb('status', 'in', [...from]), eb.and([eb('status', '=', 'sending'), eb('updated_at', '<', toIso(staleBefore))])]));
      // A stale send of a newsletter sent at once (no scheduled time) is taken over too.
      if (dueBy) query = query.where((eb) => eb.or([eb('scheduled_at', 'is', null), eb('scheduled_at', '<=', toIso(dueBy))]));
      const r = await query.executeTakeFirst();
      return Number(r.numUpdatedRows) === 1;
    },

    async touch(id, at) {
      await db.updateTable('newsletters').set({ updated_at: toIso(at) }).where('id', '=', id).where('status', '=', 'sending').execute();
    },

    async findTopic(by) {
      const query = db.selectFrom('topics').select(['id', 'slug', 'name']);
      return (await ('slug' in by ? query.where('slug', '=', by.slug) : query.where('id', '=', by.id)).executeTakeFirst()) ?? null;
    },

    async markSent(id, recipients, at) {
      await db.updateTable('newsletters').set({ status: 'sent', sent_at: toIso(at), recipients, updated_at: toIso(at) }).where('id', '=', id).execute();
    },
  };
}
