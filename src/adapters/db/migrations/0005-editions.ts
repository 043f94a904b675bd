/** @module Migration 0005: editions (English at /, Arabic at /ar/ …), the edition of every story and section, and links between translations. */
import { sql, type Kysely, type Migration } from 'kysely';

export const editionsSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('editions')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('direction', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('numbering_system', 'text', (c) => c.notNull().defaultTo('latn'))
      .addColumn('time_zone', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();

    // Every story and section written before editions belongs to the first edition, 'en'.
    await db.schema.alterTable('articles').addColumn('edition_id', 'text', (c) => c.notNull().defaultTo('en')).execute();
    // Stories that are translations of each other share a group (the id of the first story linked).
    await db.schema.alterTable('articles').addColumn('translation_group', 'text').execute();
    await db.schema.alterTable('sections').addColumn('edition_id', 'text', (c) => c.notNull().defaultTo('en')).execute();

    // Per-edition streams, sitemaps and news sitemaps read these instead of the site-wide ones.
    await db.schema.createIndex('articles_edition_status_updated_idx').ifNotExists().on('articles').columns(['edition_id', 'status', 'updated_at', 'id']).execute();
    await db.schema.createIndex('articles_edition_status_first_published_idx').ifNotExists().on('articles').columns(['edition_id', 'status', 'first_published_at']).execute();
    // The first edition (position 0, served at /) is the one every existing story belongs to. Boot sets its
    // locale and zone from LOCALE and TIME_ZONE while the site has no story yet; admins edit it in the newsroom.
    await sql`INSERT INTO editions (id, language, direction, name, locale, numbering_system, time_zone, position)
      SELECT 'en', 'en', 'ltr', 'English', 'en-GB', 'latn', 'UTC', 0
      WHERE NOT EXISTS (SELECT 1 FROM editions)`.execute(db);
    await db.schema.createIndex('articles_translation_group_idx').ifNotExists().on('articles').column('translation_group').execute();
  },
};
