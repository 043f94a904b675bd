/** @module Migration 0008: a story's topic may be a suggestion an editor has not accepted; readers never see those. */
import type { Kysely, Migration } from 'kysely';

export const topicAcceptanceSchema: Migration = {
  async up(db: Kysely<unknown>) {
    // 1: accepted (every link made before this migration, every topic an editor set); 0: a suggestion below the reader line.
    await db.schema.alterTable('article_topics').addColumn('accepted', 'integer', (c) => c.notNull().defaultTo(1)).execute();
  },
};
