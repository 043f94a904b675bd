/** @module The topic suggestion queue over Kysely (migration 0012): stories waiting, claimed with a lease, their found topics stored with their removal. */
import { sql, type Kysely } from 'kysely';
import type { ChangedStory, QueuedStory, TopicSuggestionQueue } from '../../../core/topics/topic-suggestion-queue.js';
import type { Database } from '../database.js';
import { bodyText } from '../../../core/articles/article.js';
import { parseBody, parseHighlights, toIso } from '../article-repository/article-rows.js';
import { ensureNamed, type IdCache } from '../article-repository/article-writes.js';
import { inTransaction } from '../join-transaction.js';
import { chunks } from './chunks.js';

/** Rows per statement: far below either engine's bound-parameter limit. */
const CHUNK = 500;
const RUN_ID = 1;

/**
 * `db` may be a transaction (an import batch queues its stories in its own); `skipLocked`: PostgreSQL passes over rows
 * another process is claiming, SQLite has one writer at a time.
 */
export function createSqlTopicSuggestionQueue(db: Kysely<Database>, options: { skipLocked: boolean }): TopicSuggestionQueue {
  return {
    async enqueue(articleIds, at) {
      if (articleIds.length === 0) return 0;
      return inTransaction(db, async (trx) => {
        const when = toIso(at);
        // A new run starts when the queue is empty: the newsroom's progress counts from there.
        const busy = await trx.selectFrom('topic_suggestion_queue').select('article_id').limit(1).executeTakeFirst();
        if (!busy) {
          await trx.insertInto('topic_suggestion_runs').values({ id: RUN_ID, queued: 0, done: 0, failed: 0, started_at: when, updated_at: when })
            .onConflict((oc) => oc.column('id').doUpdateSet({ queued: 0, done: 0, failed: 0, started_at: when, working_since: null, updated_at: when })).execute();
        }
        let added = 0;
        for (const ids of chunks([...new Set(articleIds)], CHUNK)) {
          // A story waiting (or claimed) already is queued again: its text changed, so a claim of the old one must not complete it.
          const result = await trx.insertInto('topic_suggestion_queue').values(ids.map((id) => ({ article_id: id, queued_at: when, claimed_until: null })))
            .onConflict((oc) => oc.column('article_id').doUpdateSet({ queued_at: when, claimed_until: null })).executeTakeFirst();
          added += Number(result.numInsertedOrUpdatedRows ?? 0);
        }
        await trx.updateTable('topic_suggestion_runs').set({ queued: sql`queued + ${added}`, updated_at: when }).where('id', '=', RUN_ID).execute();
        return added;
      });
    },

    async claim(limit, now, leaseUntil) {
      const dueRows = () => db.selectFrom('topic_suggestion_queue').select('article_id')
        .where((eb) => eb.or([eb('claimed_until', 'is', null), eb('claimed_until', '<=', toIso(now))]));
      // SQLite: look before taking the write lock, so an idle process's look every few seconds writes nothing.
      if (!options.skipLocked && !(await dueRows().limit(1).executeTakeFirst())) return [];
      let due = dueRows().orderBy('queued_at').orderBy('article_id').limit(limit);
      if (options.skipLocked) due = due.forUpdate().skipLocked();
      const claimed = await db.updateTable('topic_suggestion_queue')
        // Counted at claim: a story that kills the process working on it is given up after a few tries.
        .set({ claimed_until: toIso(leaseUntil), attempts: sql`attempts + 1` })
        .where('article_id', 'in', due)
        .returning(['article_id', 'attempts'])
        .execute();
      if (claimed.length === 0) return [];
      const attempts = new Map(claimed.map((r) => [r.article_id, Number(r.attempts)]));
      const ids = [...attempts.keys()];
      const [articles, topics] = await Promise.all([
        db.selectFrom('articles').select(['id', 'slug', 'status', 'headline', 'highlights', 'body']).where('id', 'in', ids).execute(),
        db.selectFrom('article_topics').innerJoin('topics', 'topics.id', 'article_topics.topic_id')
          .select(['article_topics.article_id', 'topics.slug']).where('article_topics.article_id', 'in', ids).execute(),
      ]);
      const slugsOf = new Map<string, string[]>();
      for (const t of topics) slugsOf.set(t.article_id, [...(slugsOf.get(t.article_id) ?? []), t.slug]);
      const byId = new Map(articles.map((a) => [a.id, a]));
      // A story deleted since leaves the queue (ON DELETE CASCADE does so where the engine enforces foreign keys).
      const gone = ids.filter((id) => !byId.has(id));
      if (gone.length > 0) await db.deleteFrom('topic_suggestion_queue').where('article_id', 'in', gone).execute();
      return ids.flatMap((id): QueuedStory[] => {
        const a = byId.get(id);
        if (!a) return [];
        return [{
          articleId: id, slug: a.slug, published: a.status === 'published', attempts: attempts.get(id) ?? 1,
          text: { headline: a.headline, highlights: parseHighlights(a.highlights), body: bodyText(parseBody(a.body)) },
          topicSlugs: slugsOf.get(id) ?? [],
        }];
      });
    },

    async complete(found, leaseUntil, now) {
      if (found.length === 0) return [];
      return inTransaction(db, async (trx) => {
        const when = toIso(now);
        // Writes first (the lock is taken at once), and only what this claim still holds: a story queued again since,
        // or taken over after the lease ran out, belongs to its new claim.
        const owned = new Set<string>();
        for (const part of chunks(found.map((f) => f.articleId), CHUNK)) {
          const rows = await trx.deleteFrom('topic_suggestion_queue').where('article_id', 'in', part).where('claimed_until', '=', toIso(leaseUntil))
            .returning('article_id').execute();
          for (const row of rows) owned.add(row.article_id);
        }
        const withTopics = found.filter((f) => owned.has(f.articleId) && f.topics.length > 0);
        const changed: ChangedStory[] = [];
        if (withTopics.length > 0) {
          // A new version: an editor who opened the story before keeps their work through the conflict screen instead
          // of saving the job's topics away; the page's Last-Modified moves with its new bytes.
          const articles = await trx.updateTable('articles').set({ version: sql`version + 1`, modified_at: when })
            .where('id', 'in', withTopics.map((f) => f.articleId)).returning(['id', 'slug', 'status', 'updated_at']).execute();
          const positions = await trx.selectFrom('article_topics').select(['article_id', (eb) => eb.fn.max('position').as('last')])
            .where('article_id', 'in', withTopics.map((f) => f.articleId)).groupBy('article_id').execute();
          const byId = new Map(articles.map((a) => [a.id, a]));
          const lastOf = new Map(positions.map((p) => [p.article_id, Number(p.last)]));
          // Topics made in slug order: two processes creating the same new topics never wait on each other in a circle.
          const cache: IdCache = new Map();
          const distinct = [...new Map(withTopics.flatMap((f) => f.topics).map((t) => [t.slug, t])).values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0));
          for (const topic of distinct) await ensureNamed(trx, 'topics', topic, cache);
          for (const { articleId, topics } of withTopics) {
            const article = byId.get(articleId);
            if (!article) continue;
            // Topic and author lists order a story by its public time, kept on the link rows (as article-writes.ts writes them).
            const storyUpdatedAt = article.status === 'published' && article.updated_at ? article.updated_at : null;
            let position = (lastOf.get(articleId) ?? -1) + 1;
            const shown: string[] = [];
            for (const topic of topics) {
              const topicId = await ensureNamed(trx, 'topics', topic, cache);
              // An editor may have added the same topic while the job worked: theirs stays.
              const result = await trx.insertInto('article_topics')
                .values({ article_id: articleId, topic_id: topicId, position: position++, story_updated_at: storyUpdatedAt, accepted: topic.accepted === false ? 0 : 1 })
                .onConflict((oc) => oc.columns(['article_id', 'topic_id']).doNothing()).executeTakeFirst();
              if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0 && topic.accepted !== false) shown.push(topic.slug);
            }
            if (article.status === 'published' && shown.length > 0) changed.push({ articleId, slug: article.slug, shownTopics: shown });
          }
        }
        await trx.updateTable('topic_suggestion_runs')
          .set({ done: sql`done + ${owned.size}`, working_since: sql`coalesce(working_since, ${when})`, updated_at: when }).where('id', '=', RUN_ID).execute();
        return changed;
      });
    },

    async giveUp(articleIds, leaseUntil, now) {
      if (articleIds.length === 0) return;
      await inTransaction(db, async (trx) => {
        let gone = 0;
        for (const part of chunks(articleIds, CHUNK)) {
          gone += (await trx.deleteFrom('topic_suggestion_queue').where('article_id', 'in', part).where('claimed_until', '=', toIso(leaseUntil)).returning('article_id').execute()).length;
        }
        await trx.updateTable('topic_suggestion_runs').set({ failed: sql`failed + ${gone}`, updated_at: toIso(now) }).where('id', '=', RUN_ID).execute();
      });
    },

    async release(articleIds, leaseUntil) {
      for (const part of chunks(articleIds, CHUNK)) {
        await db.updateTable('topic_suggestion_queue').set({ claimed_until: null, attempts: sql`attempts - 1` })
          .where('article_id', 'in', part).where('claimed_until', '=', toIso(leaseUntil)).execute();
      }
    },

    async progress() {
      // The run's totals, not a count of a million rows on every desk view (better-sqlite3 would hold the process meanwhile).
      const [any, run] = await Promise.all([
        db.selectFrom('topic_suggestion_queue').select('article_id').limit(1).executeTakeFirst(),
        db.selectFrom('topic_suggestion_runs').selectAll().where('id', '=', RUN_ID).executeTakeFirst(),
      ]);
      const queued = Number(run?.queued ?? 0);
      const done = Number(run?.done ?? 0);
      const failed = Number(run?.failed ?? 0);
      // Stories deleted while waiting leave the queue without a count: an empty queue is the truth, else at least one waits.
      const waiting = any ? Math.max(1, queued - done - failed) : 0;
      return {
        waiting, queued, done, failed,
        startedAt: run ? new Date(run.started_at) : null, workingSince: run?.working_since ? new Date(run.working_since) : null,
        updatedAt: run ? new Date(run.updated_at) : null,
      };
    },
  };
}
