/** @module The read side of an article's links: its topics and authors in their order (article page, newsroom). */
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
