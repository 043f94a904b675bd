/** @module Migration 0001: sections, topics, authors, articles and their links, revisions, short links. */
import type { Kysely, Migration } from 'kysely';

export const coreSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sections')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();

    await db.schema
      .createTable('topics')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('authors')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('bio', 'text')
      .execute();

    await db.schema
      .createTable('articles')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('slug', 'text', (c) => c.notNull().unique())
      .addColumn('headline', 'text', (c) => c.notNull())
      .addColumn('highlights', 'text', (c) => c.notNull())
      .addColumn('dateline', 'text')
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('lead_image_url', 'text')
      .addColumn('lead_image_caption', 'text')
      .addColumn('lead_image_credit', 'text')
      .addColumn('lead_image_alt', 'text')
      .addColumn('lead_image_width', 'integer')
      .addColumn('lead_image_height', 'integer')
      .addColumn('section_id', 'text', (c) => c.notNull().references('sections.id'))
      .addColumn('source_kind', 'text', (c) => c.notNull())
      .addColumn('source_agency', 'text')
      .addColumn('source_wire_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('first_published_at', 'text')
      .addColumn('updated_at', 'text')
      .addColumn('update_note', 'text')
      .addColumn('minor_edit', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('content_key', 'text', (c) => c.unique())
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('modified_at', 'text', (c) => c.notNull())
      .execute();

    // Keyset pagination of the published stream, overall and per section.
    await db.schema
      .createIndex('articles_status_updated_idx')
      .ifNotExists()
      .on('articles')
      .columns(['status', 'updated_at', 'id'])
      .execute();
    // The news sitemap and monthly sitemaps go by first publication.
    await db.schema
      .createIndex('articles_status_first_published_idx')
      .ifNotExists()
      .on('articles')
      .columns(['status', 'first_published_at'])
      .execute();
    await db.schema
      .createIndex('articles_section_status_updated_idx')
      .ifNotExists()
      .on('articles')
      .columns(['section_id', 'status', 'updated_at', 'id'])
      .execute();

    await db.schema
      .createTable('article_topics')
      .ifNotExists()
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('topic_id', 'text', (c) => c.notNull().references('topics.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      // The article's public updated_at while it is published, null otherwise: lists by topic read this index alone.
      .addColumn('story_updated_at', 'text')
      .addPrimaryKeyConstraint('article_topics_pk', ['article_id', 'topic_id'])
      .execute();
    await db.schema
      .createIndex('article_topics_topic_idx')
      .ifNotExists()
      .on('article_topics')
      .columns(['topic_id', 'story_updated_at', 'article_id'])
      .execute();

    await db.schema
      .createTable('article_authors')
      .ifNotExists()
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('author_id', 'text', (c) => c.notNull().references('authors.id').onDelete('cascade'))
      .addColumn('position', 'integer', (c) => c.notNull())
      // The article's public updated_at while it is published, null otherwise: lists by author read this index alone.
      .addColumn('story_updated_at', 'text')
      .addPrimaryKeyConstraint('article_authors_pk', ['article_id', 'author_id'])
      .execute();
    await db.schema
      .createIndex('article_authors_author_idx')
      .ifNotExists()
      .on('article_authors')
      .columns(['author_id', 'story_updated_at', 'article_id'])
      .execute();

    await db.schema
      .createTable('revisions')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('number', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('actor', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addUniqueConstraint('revisions_article_number_uq', ['article_id', 'number'])
      .execute();

    await db.schema
      .createTable('short_links')
      .ifNotExists()
      .addColumn('code', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().unique().references('articles.id').onDelete('cascade'))
      .execute();
  },
};
