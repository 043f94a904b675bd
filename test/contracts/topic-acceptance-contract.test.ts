/**
 * Topics below the reader line (migration 0008): a story keeps them as suggestions the newsroom sees, and
 * readers never do (article page, feeds, topic pages, popular topics, related stories), on every engine.
 */
import { expect, it } from 'vitest';
import { makeArticle } from '../support/make-article.js';
import { describeStorageContract } from './storage-contract.js';

const kremlin = { slug: 'kremlin', name: 'Kremlin', kind: 'organisation' as const };
const belgorod = { slug: 'belgorod', name: 'Belgorod', kind: 'place' as const, accepted: false as const };
const kyiv = { slug: 'كييف', name: 'كييف', kind: 'place' as const, accepted: false as const };

describeStorageContract('Topic acceptance', ({ open }) => {
  it('shows readers only accepted topics and keeps the suggestions for the newsroom', async () => {
    const storage = await open();
    const story = makeArticle({ topics: [kremlin, belgorod, kyiv] });
    const other = makeArticle({ topics: [kremlin, belgorod] });
    await storage.articles.insertMany([story, other]);

    expect((await storage.articles.findPublishedBySlug(story.slug))?.topics).toEqual([kremlin]);
    expect((await storage.articles.findState(story.id))?.fields.topics).toEqual([kremlin, belgorod, kyiv]);
    expect((await storage.articles.findPublishedByIds([story.id]))[0]?.topics).toEqual([kremlin]);

    expect((await storage.articles.listPublished({ limit: 10, topicSlug: 'belgorod' })).items).toEqual([]);
    expect((await storage.articles.listPublished({ limit: 10, topicSlug: 'kremlin' })).items.map((s) => s.slug).sort()).toEqual([story.slug, other.slug].sort());
    expect((await storage.topics.listPopular(10)).map((t) => t.slug)).toEqual(['kremlin']);
    // Related stories share accepted topics only: the two share Kremlin, so each is the other's one related story.
    expect((await storage.articles.related(story.id, 5)).map((s) => s.slug)).toEqual([other.slug]);
  });

  it('counts links made before migration 0008 as accepted', async () => {
    const storage = await open();
    const story = makeArticle({ topics: [] });
    await storage.articles.insert(story);
    await storage.db.insertInto('topics').values({ id: 'topic-legacy', slug: 'riyadh', name: 'Riyadh', kind: 'place' }).execute();
    await storage.db.insertInto('article_topics').values({ article_id: story.id, topic_id: 'topic-legacy', position: 0, story_updated_at: story.updatedAt!.toISOString() }).execute();
    expect((await storage.articles.findPublishedBySlug(story.slug))?.topics).toEqual([{ slug: 'riyadh', name: 'Riyadh', kind: 'place' }]);
    expect((await storage.articles.listPublished({ limit: 10, topicSlug: 'riyadh' })).items.map((s) => s.slug)).toEqual([story.slug]);
  });
});
