/** @module Migration 0012: stories waiting for topic suggestions (an imported archive's background job) and the job's running totals. */
import type { Kysely, Migration } from 'kysely';

export const topicSuggestionQueueSchema: Migration = {
  async up(db: Kysely<unknown>) {
    // One row per story waiting; deleted when its suggestions are stored. A claim sets claimed_until (a lease): a
    // process that dies mid-batch leaves rows another process takes once the lease has passed.
    await db.schema
      .createTable('topic_suggestion_queue')
      .ifNotExists()
      .addColumn('article_id', 'text', (c) => c.primaryKey().references('articles.id').onDelete('cascade'))
      .addColumn('queued_at', 'text', (c) => c.notNull())
      .addColumn('claimed_until', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('topic_suggestion_queue_order_idx').ifNotExists().on('topic_suggestion_queue').columns(['queued_at', 'article_id']).execute();

    // The current run's totals, one row (id 1): stories queued and done since the queue was last empty, for the
    // newsroom's progress line without counting a million rows on every page.
    await db.schema
      .createTable('topic_suggestion_runs')
      .ifNotExists()
      .addColumn('id', 'integer', (c) => c.primaryKey())
      .addColumn('queued', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('failed', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('started_at', 'text', (c) => c.notNull())
      // When a process first stored suggestions in this run: the pace counts from there, not from the queueing.
      .addColumn('working_since', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
  },
};
