/** @module SectionStore, TopicStore and AuthorStore over Kysely: the small lookup aggregates. */
import type { Kysely } from 'kysely';
import type { TopicKind } from '../../../core/articles/article.js';
import type { AuthorStore } from '../../../core/authors/author-store.js';
import type { SectionStore } from '../../../core/sections/section-store.js';
import type { TopicStore } from '../../../core/topics/topic-store.js';
import type { Database } from '../database.js';

export function createSqlSectionStore(db: Kysely<Database>): SectionStore {
  return {
    async list() {
      return db.selectFrom('sections').select(['slug', 'name', 'position']).orderBy('position').orderBy('name').execute();
    },
    async findBySlug(slug) {
      return (await db.selectFrom('sections').select(['slug', 'name']).where('slug', '=', slug).executeTakeFirst()) ?? null;
    },
  };
}

export function createSqlTopicStore(db: Kysely<Database>): TopicStore {
  return {
    async findBySlug(slug) {
      const row = await db.selectFrom('topics').select(['slug', 'name', 'kind']).where('slug', '=', slug).executeTakeFirst();
      return row ? { slug: row.slug, name: row.name, kind: row.kind as TopicKind } : null;
    },
    async listPopular(limit) {
      const rows = await db.selectFrom('topics')
        .innerJoin('article_topics', 'article_topics.topic_id', 'topics.id')
        .innerJoin('articles', 'articles.id', 'article_topics.article_id')
        .select((eb) => ['topics.slug', 'topics.name', 'topics.kind', eb.fn.countAll<number>().as('stories')])
        .where('articles.status', '=', 'published')
        .groupBy(['topics.slug', 'topics.name', 'topics.kind'])
        .orderBy('stories', 'desc').orderBy('topics.name').limit(limit).execute();
      return rows.map((r) => ({ slug: r.slug, name: r.name, kind: r.kind as TopicKind, stories: Number(r.stories) }));
    },
  };
}

export function createSqlAuthorStore(db: Kysely<Database>): AuthorStore {
  return {
    async findBySlug(slug) {
      return (await db.selectFrom('authors').select(['slug', 'name', 'bio']).where('slug', '=', slug).executeTakeFirst()) ?? null;
    },
  };
}
