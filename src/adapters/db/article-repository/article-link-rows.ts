/** @module The read side of an article's links: its topics and authors in their order (article page, newsroom, feeds). */
import type { Kysely } from 'kysely';
import type { NamedRef, TopicKind, TopicRef } from '../../../core/articles/article.js';
import type { Database } from '../database.js';

export async function readArticleLinks(db: Kysely<Database>, articleId: string): Promise<{ topics: TopicRef[]; authors: NamedRef[] }> {
  const [topics, authors] = await Promise.all([
    db.selectFrom('article_topics').innerJoin('topics', 'topics.id', 'article_topics.topic_id')
      .select(['topics.slug', 'topics.name', 'topics.kind']).where('article_topics.article_id', '=', articleId)
      .orderBy('article_topics.position').execute(),
    db.selectFrom('article_authors').innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select(['authors.slug', 'authors.name']).where('article_authors.article_id', '=', articleId)
      .orderBy('article_authors.position').execute(),
  ]);
  return { topics: topics.map((t) => ({ slug: t.slug, name: t.name, kind: t.kind as TopicKind })), authors };
}

/** The topics and authors of many articles at once, each in its order (lists of whole stories: feeds). */
export async function readLinksOfArticles(db: Kysely<Database>, articleIds: string[]): Promise<Map<string, { topics: TopicRef[]; authors: NamedRef[] }>> {
  const links = new Map(articleIds.map((id) => [id, { topics: [] as TopicRef[], authors: [] as NamedRef[] }]));
  if (articleIds.length === 0) return links;
  const [topics, authors] = await Promise.all([
    db.selectFrom('article_topics').innerJoin('topics', 'topics.id', 'article_topics.topic_id')
      .select(['article_topics.article_id', 'topics.slug', 'topics.name', 'topics.kind']).where('article_topics.article_id', 'in', articleIds)
      .orderBy('article_topics.article_id').orderBy('article_topics.position').execute(),
    db.selectFrom('article_authors').innerJoin('authors', 'authors.id', 'article_authors.author_id')
      .select(['article_authors.article_id', 'authors.slug', 'authors.name']).where('article_authors.article_id', 'in', articleIds)
      .orderBy('article_authors.article_id').orderBy('article_authors.position').execute(),
  ]);
  for (const t of topics) links.get(t.article_id)?.topics.push({ slug: t.slug, name: t.name, kind: t.kind as TopicKind });
  for (const a of authors) links.get(a.article_id)?.authors.push({ slug: a.slug, name: a.name });
  return links;
}
