/**
 * @module The read side of an article's links: its topics and authors in their order (article page, newsroom, feeds).
 * Readers' reads (`forReaders`) leave out topics that are suggestions an editor has not accepted (migration 0008).
 */
import type { Kysely } from 'kysely';
import type { NamedRef, TopicKind, TopicRef } from '../../../core/articles/article.js';
import type { Database } from '../database.js';

export async function readArticleLinks(db: Kysely<Database>, articleId: string, forReaders = false): Promise<{ topics: TopicRef[]; authors: NamedRef[] }> {
  const [topics, authors] = await Promise.all([
    db.selectFrom('article_topics').innerJoin('topics', 'topics.id', 'article_topics.topic_id')
      .select(['topics.slug', 'topics.name', 'topics.kind', 'article_topics.accepted']).where('article_topics.article_id', '=', articleId)
      .$if(forReaders, (q) => q.where('article_topics.accepted', '=', 1))
      .orderBy('article_topics.position').execute(),
    db.selectFrom('article_authors').innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select(['authors.slug', 'authors.name']).where('article_authors.article_id', '=', articleId)
      .orderBy('article_authors.position').execute(),
  ]);
  return { topics: topics.map(topicRefOf), authors };
}

function topicRefOf(row: { slug: string; name: string; kind: string; accepted: number }): TopicRef {
  return { slug: row.slug, name: row.name, kind: row.kind as TopicKind, ...(row.accepted === 0 ? { accepted: false as const } : {}) };
}

/** The topics and authors of many articles at once, each in its order (lists of whole stories: feeds). */
export async function readLinksOfArticles(db: Kysely<Database>, articleIds: string[], forReaders = false): Promise<Map<string, { topics: TopicRef[]; authors: NamedRef[] }>> {
  const links = new Map(articleIds.map((id) => [id, { topics: [] as TopicRef[], authors: [] as NamedRef[] }]));
  if (articleIds.length === 0) return links;
  const [topics, authors] = await Promise.all([
    db.selectFrom('article_topics').innerJoin('topics', 'topics.id', 'article_topics.topic_id')
      .select(['article_topics.article_id', 'topics.slug', 'topics.name', 'topics.kind', 'article_topics.accepted']).where('article_topics.article_id', 'in', articleIds)
      .$if(forReaders, (q) => q.where('article_topics.accepted', '=', 1))
      .orderBy('article_topics.article_id').orderBy('article_topics.position').execute(),
    db.selectFrom('article_authors').innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select(['article_authors.article_id', 'authors.slug', 'authors.name']).where('article_authors.article_id', 'in', articleIds)
      .orderBy('article_authors.article_id').orderBy('article_authors.position').execute(),
  ]);
  for (const t of topics) links.get(t.article_id)?.topics.push(topicRefOf(t));
  for (const a of authors) links.get(a.article_id)?.authors.push({ slug: a.slug, name: a.name });
  return links;
}
