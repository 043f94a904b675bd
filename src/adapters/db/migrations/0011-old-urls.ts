/** @module Migration 0011: old addresses of imported sites (WordPress, Ghost), which export item each story came from, and the photos an import brought in. */
import type { Kysely, Migration } from 'kysely';

export const oldUrlsSchema: Migration = {
  async up(db: Kysely<unknown>) {
    // One row per old address: the path as the old site wrote it (decoded, NFC, no trailing slash) or a query form
    // (`?p=123`). A story is named by id, so its new slug is followed; a section, topic or author by slug. No foreign
    // key: a story deleted later leaves a row that redirects nowhere (404), which costs nothing.
    await db.schema
      .createTable('old_urls')
      .ifNotExists()
      .addColumn('path', 'text', (c) => c.primaryKey())
      .addColumn('target_kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    // Each imported export item once: re-running an export updates the story when the item's digest changed.
    await db.schema
      .createTable('site_import_items')
      .ifNotExists()
      .addColumn('source_key', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull())
      .addColumn('digest', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .execute();

    // Photos an import brought into the media library, by the address the export named them with: a re-run reuses them.
    await db.schema
      .createTable('site_import_media')
      .ifNotExists()
      .addColumn('source_url', 'text', (c) => c.primaryKey())
      .addColumn('media_id', 'text', (c) => c.notNull())
      .addColumn('imported_at', 'text', (c) => c.notNull())
      .execute();
  },
};
