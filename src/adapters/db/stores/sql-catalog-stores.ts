/** @module SectionStore, TopicStore and AuthorStore over Kysely: the small lookup aggregates. */
import type { Kysely } from 'kysely';
import type { TopicKind } from '../../../core/articles/article.js';
import type { AuthorStore } from '../../../core/authors/author-store.js';
import { isWebAddress, type AuthorLink } from '../../../core/authors/author-profile.js';
import { z } from 'zod';
import type { SectionStore } from '../../../core/sections/section-store.js';
import type { TopicStore } from '../../../core/topics/topic-store.js';
import type { Database } from '../database.js';
import { slugify } from '../../../core/shared/slug.js';
import { FIRST_EDITION_ID } from '../../../core/editions/edition.js';

export function createSqlSectionStore(db: Kysely<Database>): SectionStore {
  return {
    async list(edition) {
      let q = db.selectFrom('sections').select(['slug', 'name', 'position', 'edition_id as edition']);
      if (edition) q = q.where('edition_id', '=', edition);
      return q.orderBy('position').orderBy('name').execute();
    },
    async findBySlug(slug) {
      return (await db.selectFrom('sections').select(['slug', 'name', 'edition_id as edition']).where('slug', '=', slug).executeTakeFirst()) ?? null;
    },
    async create(section) {
      const edition = section.edition ?? FIRST_EDITION_ID;
      const last = await db.selectFrom('sections').select((eb) => eb.fn.max('position').as('p')).where('edition_id', '=', edition).executeTakeFirst();
      const result = await db.insertInto('sections').values({ id: section.id, slug: section.slug, name: section.name, position: Number(last?.p ?? 0) + 1, edition_id: edition })
        .onConflict((oc) => oc.column('slug').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async update(slug, changes) {
      const result = await db.updateTable('sections').set({ name: changes.name, position: changes.position }).where('slug', '=', slug).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
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
        .where('articles.status', '=', 'published').where('article_topics.accepted', '=', 1)
        .groupBy(['topics.slug', 'topics.name', 'topics.kind'])
        .orderBy('stories', 'desc').orderBy('topics.name').limit(limit).execute();
      return rows.map((r) => ({ slug: r.slug, name: r.name, kind: r.kind as TopicKind, stories: Number(r.stories) }));
    },
    async searchByPrefix(prefix, limit) {
      const start = slugify(prefix, '');
      if (!start) return [];
      // [start, start + U+FFFF): the slug index's range for every slug beginning with `start`.
      const rows = await db.selectFrom('topics').select(['slug', 'name', 'kind']).where('slug', '>=', start).where('slug', '<', `${start}\uffff`)
        .orderBy('slug').limit(limit).execute();
      return rows.map((r) => ({ slug: r.slug, name: r.name, kind: r.kind as TopicKind }));
    },
  };
}

export function createSqlAuthorStore(db: Kysely<Database>): AuthorStore {
  return {
    async findBySlug(slug) {
      const row = await db.selectFrom('authors').select(['slug', 'name', 'bio', 'job_title', 'photo_id', 'links']).where('slug', '=', slug).executeTakeFirst();
      return row ? { slug: row.slug, name: row.name, bio: row.bio, jobTitle: row.job_title, photoId: row.photo_id, links: parseLinks(row.links) } : null;
    },
    async findByName(name) {
      return (await db.selectFrom('authors').select(['slug', 'name']).where('name', '=', name).orderBy('slug').limit(1).executeTakeFirst()) ?? null;
    },
    async list() {
      return db.selectFrom('authors').select(['slug', 'name']).orderBy('name').orderBy('slug').execute();
    },
    async updateProfile(slug, profile) {
      const result = await db.updateTable('authors')
        .set({ bio: profile.bio, job_title: profile.jobTitle, photo_id: profile.photoId, links: JSON.stringify(profile.links) })
        .where('slug', '=', slug).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}

const storedLinks = z.array(z.object({ label: z.string(), url: z.string() }));

/** The links column as written by updateProfile; anything else (an older row's null) is no links. */
function parseLinks(text: string | null): AuthorLink[] {
  if (!text) return [];
  try {
    const parsed = storedLinks.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.filter((l) => isWebAddress(l.url)) : [];
  } catch {
    return [];
  }
}
