/** @module Migration 0003: staff users and sessions, the media library, correction notes, and the article columns the newsroom workflow needs. */
import type { Kysely, Migration } from 'kysely';

export const newsroomSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('users')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.references('authors.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('password_changed_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      // 1 while the password is a one-time password someone else chose (first run, an admin's reset).
      .addColumn('must_change_password', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    // The primary key is a hash of the cookie's token: a leaked table does not leak live sessions.
    await db.schema
      .createTable('sessions')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('sessions_user_idx').ifNotExists().on('sessions').column('user_id').execute();

    await db.schema
      .createTable('media')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('original_format', 'text', (c) => c.notNull())
      .addColumn('width', 'integer', (c) => c.notNull())
      .addColumn('height', 'integer', (c) => c.notNull())
      .addColumn('bytes', 'integer', (c) => c.notNull())
      .addColumn('variants', 'text', (c) => c.notNull())
      .addColumn('caption', 'text', (c) => c.notNull())
      .addColumn('credit', 'text')
      .addColumn('alt', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('media_created_idx').ifNotExists().on('media').columns(['created_at', 'id']).execute();

    await db.schema
      .createTable('corrections')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('note', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('corrections_article_idx').ifNotExists().on('corrections').columns(['article_id', 'created_at']).execute();

    // Settings admins change in the newsroom; anything absent falls back to the environment's value.
    await db.schema
      .createTable('site_settings')
      .ifNotExists()
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    // One statement per column: SQLite's ALTER TABLE adds one column at a time.
    await db.schema.alterTable('articles').addColumn('scheduled_at', 'text').execute();
    await db.schema.alterTable('articles').addColumn('lead_media_id', 'text').execute();
    await db.schema.alterTable('articles').addColumn('created_by', 'text').execute();
    await db.schema.alterTable('articles').addColumn('modified_by', 'text').execute();
    await db.schema.alterTable('revisions').addColumn('version', 'integer').execute();
    await db.schema.alterTable('revisions').addColumn('note', 'text').execute();

    // The scheduler's question: which scheduled stories are due?
    await db.schema.createIndex('articles_status_scheduled_idx').ifNotExists().on('articles').columns(['status', 'scheduled_at']).execute();
    // Newsroom lists: by status and by owner, most recently touched first.
    await db.schema.createIndex('articles_status_modified_idx').ifNotExists().on('articles').columns(['status', 'modified_at', 'id']).execute();
    await db.schema.createIndex('articles_created_by_modified_idx').ifNotExists().on('articles').columns(['created_by', 'modified_at', 'id']).execute();
  },
};
