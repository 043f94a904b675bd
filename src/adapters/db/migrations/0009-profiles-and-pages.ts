/** @module Migration 0009: author profiles (photo, role, links) and the editions' static pages (About, Contact, Corrections policy, Privacy). */
import type { Kysely, Migration } from 'kysely';

export const profilesAndPagesSchema: Migration = {
  async up(db: Kysely<unknown>) {
    // The photo is a media library item; its variants give the author page a srcset and JSON-LD an image. No foreign
    // key: media rows name their uploader (users → authors), so one would make a cycle; a photo gone is no photo.
    await db.schema.alterTable('authors').addColumn('photo_id', 'text').execute();
    await db.schema.alterTable('authors').addColumn('job_title', 'text').execute();
    // A JSON array of {label, url}: http(s) addresses only, checked before they are stored.
    await db.schema.alterTable('authors').addColumn('links', 'text').execute();

    // One row per edition and page kind; the body is the article body's JSON blocks, rendered by the same renderer.
    await db.schema
      .createTable('site_pages')
      .ifNotExists()
      .addColumn('edition_id', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addPrimaryKeyConstraint('site_pages_pk', ['edition_id', 'kind'])
      .execute();
  },
};
