/** @module The write side of the article store: one article's rows (links, short link, first revision, search entry) on a given transaction. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { bodyText, type NamedRef, type TopicKind, type TopicRef } from '../../../core/articles/article.js';
import type { NewArticle } from '../../../core/articles/article-store.js';
import type { Database } from '../database.js';
import { editionLanguage, type SearchWriter } from '../../search/search-writer.js';
import { leadImageToRow, sourceToRow, toIso } from './article-rows.js';
import { FIRST_EDITION_ID } from '../../../core/editions/edition.js';

/** Ids of sections, topics and authors already ensured in this write, so a batch looks each up once. */
export type IdCache = Map<string, string>;

/** A section by slug, created (in `edition`) when it does not exist yet. */
export async function ensureSection(trx: Kysely<Database>, section: { slug: string; name: string }, cache: IdCache, edition = FIRST_EDITION_ID): Promise<string> {
  const known = cache.get(`section:${section.slug}`);
  if (known) return known;
  await trx.insertInto('sections').values({ id: randomUUID(), slug: section.slug, name: section.name, edition_id: edition })
    .onConflict((oc) => oc.column('slug').doNothing()).execute();
  const row = await trx.selectFrom('sections').select('id').where('slug', '=', section.slug).executeTakeFirstOrThrow();
  cache.set(`section:${section.slug}`, row.id);
  return row.id;
}

export async function ensureNamed(trx: Kysely<Database>, table: 'topics' | 'authors', ref: { slug: string; name: string; kind?: TopicKind }, cache: IdCache): Promise<string> {
  const known = cache.get(`${table}:${ref.slug}`);
  if (known) return known;
  if (table === 'topics') {
    await trx.insertInto('topics').values({ id: randomUUID(), slug: ref.slug, name: ref.name, kind: ref.kind ?? 'subject' })
      .onConflict((oc) => oc.column('slug').doNothing()).execute();
  } else {
    await trx.insertInto('authors').values({ id: randomUUID(), slug: ref.slug, name: ref.name, bio: null })
      .onConflict((oc) => oc.column('slug').doNothing()).execute();
  }
  const row = await trx.selectFrom(table).select('id').where('slug', '=', ref.slug).executeTakeFirstOrThrow();
  cache.set(`${table}:${ref.slug}`, row.id);
  return row.id;
}

/**
 * Links an article to its topics and authors in the given order. `storyUpdatedAt` is the article's public
 * time while it is published, else null (topic and author lists read it from the link rows).
 */
export async function insertArticleLinks(
  trx: Kysely<Database>, articleId: string, links: { topics: TopicRef[]; authors: NamedRef[] }, storyUpdatedAt: string | null, cache: IdCache,
): Promise<void> {
  for (const [position, topic] of links.topics.entries()) {
    const topicId = await ensureNamed(trx, 'topics', topic, cache);
    await trx.insertInto('article_topics').values({ article_id: articleId, topic_id: topicId, position, story_updated_at: storyUpdatedAt, accepted: topic.accepted === false ? 0 : 1 }).execute();
  }
  for (const [position, author] of links.authors.entries()) {
    const authorId = await ensureNamed(trx, 'authors', author, cache);
    await trx.insertInto('article_authors').values({ article_id: articleId, author_id: authorId, position, story_updated_at: storyUpdatedAt }).execute();
  }
}

function snapshotOf(article: NewArticle): string {
  const { revisionId: _r, actor: _a, contentKey: _c, shortCode: _s, createdBy: _b, leadMediaId, edition: _e, translationGroup: _t, ...fields } = article;
  return JSON.stringify({ ...fields, leadMediaId: leadMediaId ?? null });
}

/** Writes one article with its links, first revision and search entry on the caller's transaction. */
export async function insertArticleRows(trx: Kysely<Database>, article: NewArticle, cache: IdCache, search: SearchWriter): Promise<void> {
  const sectionId = await ensureSection(trx, article.section, cache, article.edition);
  const now = toIso(article.createdAt);
  await trx.insertInto('articles').values({
    id: article.id, slug: article.slug, headline: article.headline,
    highlights: JSON.stringify(article.highlights), dateline: article.dateline,
    body: JSON.stringify(article.body), ...leadImageToRow(article.lead), section_id: sectionId,
    ...sourceToRow(article.source),
    status: article.status,
    first_published_at: article.firstPublishedAt ? toIso(article.firstPublishedAt) : null,
    updated_at: article.updatedAt ? toIso(article.updatedAt) : null,
    update_note: article.updateNote, content_key: article.contentKey, created_at: now, modified_at: now,
    created_by: article.createdBy ?? null, modified_by: article.createdBy ?? null, lead_media_id: article.leadMediaId ?? null,
    edition_id: article.edition ?? FIRST_EDITION_ID, translation_group: article.translationGroup ?? null,
  }).execute();
  const storyUpdatedAt = article.status === 'published' && article.updatedAt ? toIso(article.updatedAt) : null;
  await insertArticleLinks(trx, article.id, article, storyUpdatedAt, cache);
  await trx.insertInto('short_links').values({ code: article.shortCode, article_id: article.id }).execute();
  await trx.insertInto('revisions').values({
    id: article.revisionId, article_id: article.id, number: 1, kind: 'created', actor: article.actor,
    created_at: now, snapshot: snapshotOf(article), version: 1, note: null,
  }).execute();
  if (article.status === 'published') {
    const editionId = article.edition ?? FIRST_EDITION_ID;
    await search.index(trx, {
      articleId: article.id, editionId, language: await editionLanguage(trx, editionId, cache),
      sortAt: article.updatedAt ?? article.createdAt, headline: article.headline, highlights: article.highlights, body: bodyText(article.body),
    });
  }
}
