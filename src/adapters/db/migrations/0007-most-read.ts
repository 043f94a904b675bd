/** @module Migration 0007: reads of article pages per story and hour (most read, without Redis). */
import type { Kysely, Migration } from 'kysely';

export const mostReadSchema: Migration = {
  async up(db: Kysely<unknown>) {
    // One row per story and hour (hours since the epoch): batches add to it; rows older than a day are deleted.
    await db.schema
      .createTable('article_reads')
      .ifNotExists()
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('hour', 'integer', (c) => c.notNull())
      .addColumn('edition_id', 'text', (c) => c.notNull())
      .addColumn('reads', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('article_reads_pk', ['article_id', 'hour'])
      .execute();
    // The ranking reads one edition's last 24 hours; the clean-up, everything before an hour.
    await db.schema.createIndex('article_reads_edition_hour_idx').ifNotExists().on('article_reads').columns(['edition_id', 'hour']).execute();
    await db.schema.createIndex('article_reads_hour_idx').ifNotExists().on('article_reads').column('hour').execute();
  },
};
