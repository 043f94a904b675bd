/** @module Migration 0004: the wire desk — sources (feeds and push), wire items (with the MinHash signature each process's cluster window is synced from) and their version history. */
import type { CreateTableBuilder, Kysely, Migration } from 'kysely';

/** The columns a wire item and each of its stored versions share: the agency's copy as received. */
function withCopyColumns(table: CreateTableBuilder<string, string>): CreateTableBuilder<string, string> {
  return table
    .addColumn('source_id', 'text')
    .addColumn('agency', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull())
    .addColumn('format', 'text', (c) => c.notNull())
    .addColumn('headline', 'text', (c) => c.notNull())
    .addColumn('slugline', 'text')
    .addColumn('dateline', 'text')
    .addColumn('byline', 'text')
    .addColumn('creditline', 'text')
    .addColumn('language', 'text')
    .addColumn('summary', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('subjects', 'text', (c) => c.notNull())
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('urgency', 'integer')
    .addColumn('link', 'text')
    .addColumn('first_created', 'text')
    .addColumn('version_created', 'text')
    .addColumn('received_at', 'text', (c) => c.notNull());
}

export const wireDeskSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('wire_sources')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('url', 'text')
      // sha256 of the push token: a leaked table does not let anyone push.
      .addColumn('token_hash', 'text')
      .addColumn('every_seconds', 'integer', (c) => c.notNull())
      .addColumn('allow_private', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('etag', 'text')
      .addColumn('last_modified', 'text')
      .addColumn('last_polled_at', 'text')
      .addColumn('next_poll_at', 'text')
      .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    // The poller's question: which feeds are due?
    await db.schema.createIndex('wire_sources_kind_next_poll_idx').ifNotExists().on('wire_sources').columns(['kind', 'next_poll_at']).execute();

    await withCopyColumns(db.schema.createTable('wire_items').ifNotExists().addColumn('id', 'text', (c) => c.primaryKey()))
      .addColumn('cluster_id', 'text', (c) => c.notNull())
      .addColumn('signature', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('new'))
      .addColumn('used_article_id', 'text')
      .addColumn('topics', 'text')
      // When and by which ingest process the current version was stored: other processes pull it into their cluster window.
      .addColumn('stored_at', 'text', (c) => c.notNull())
      .addColumn('stored_by', 'text', (c) => c.notNull())
      .addUniqueConstraint('wire_items_agency_item_key', ['agency', 'agency_id'])
      .execute();
    // The desk's lists: the queue by status, everything newest first, a cluster, one agency.
    await db.schema.createIndex('wire_items_status_received_idx').ifNotExists().on('wire_items').columns(['status', 'received_at', 'id']).execute();
    await db.schema.createIndex('wire_items_received_idx').ifNotExists().on('wire_items').columns(['received_at', 'id']).execute();
    await db.schema.createIndex('wire_items_cluster_idx').ifNotExists().on('wire_items').column('cluster_id').execute();
    await db.schema.createIndex('wire_items_agency_received_idx').ifNotExists().on('wire_items').columns(['agency', 'received_at']).execute();
    // The cluster window sync: versions stored since the last sync by another process.
    await db.schema.createIndex('wire_items_stored_idx').ifNotExists().on('wire_items').columns(['stored_at', 'stored_by']).execute();

    // Versions the queue no longer shows: replaced by a newer one, or arrived after it.
    await withCopyColumns(db.schema.createTable('wire_item_versions').ifNotExists().addColumn('id', 'text', (c) => c.primaryKey()))
      .addColumn('item_id', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('wire_item_versions_item_idx').ifNotExists().on('wire_item_versions').columns(['item_id', 'version']).execute();
  },
};
