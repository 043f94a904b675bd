/**
 * The topic suggestion job over the real queue (SQLite, and PostgreSQL when reachable): topics added after a story's
 * own, confident ones shown and the rest left as suggestions, announcements only for what readers see, progress
 * totals, a story that breaks the suggester given up alone, leases, and two processes claiming at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../main/storage.js';
import { makeArticle, paragraph } from '../../../test/support/make-article.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../../../test/support/postgres-test-database.js';
import type { DomainEvent } from '../events/event-bus.js';
import { settableClock } from '../../../test/support/test-site.js';
import { createTopicSuggestionJob, MAX_ATTEMPTS, type BatchTopicSuggester } from './topic-suggestion-job.js';
import type { SuggestedTopic } from './topic-suggester.js';
import { topicJobStatus } from './topic-job-status.js';

/** Answers by headline, as a tagger would for that text; a headline with "💥" breaks it. */
function scriptedSuggester(answers: Record<string, SuggestedTopic[]>): BatchTopicSuggester & { calls: number } {
  const suggester = {
    calls: 0,
    async suggestAll(texts: readonly { headline: string }[]) {
      suggester.calls++;
      if (texts.some((t) => t.headline.includes('💥'))) throw new Error('tagger failed');
      return texts.map((t) => answers[t.headline] ?? []);
    },
  };
  return suggester;
}

function describeJob(engine: string, skip: string | null, database: () => Promise<PostgresTestDatabase | null>) {
  describe.skipIf(skip)(`topic suggestion job on ${engine}${skip ? ` (skipped: ${skip})` : ''}`, () => {
    let pg: PostgresTestDatabase | null = null;
    let storage: Storage;
    const clock = settableClock(new Date('2026-12-01T08:00:00Z'));

    beforeAll(async () => {
      pg = await database();
      storage = await openStorage(pg ? pg.url : 'sqlite::memory:');
    });
    afterAll(async () => {
      await storage?.close();
      await pg?.drop();
    });

    it('adds suggested topics after the story’s own, shows the confident ones and announces only those', async () => {
      const riyadh = makeArticle({ headline: 'وزير الطاقة في الرياض', body: paragraph('قال وزير الطاقة السعودي في الرياض…'), topics: [{ slug: 'energy', name: 'Energy', kind: 'subject' }] });
      const moscow = makeArticle({ headline: 'Кремль и Токио', status: 'draft', firstPublishedAt: null, topics: [] });
      const tokyo = makeArticle({ headline: '東京の記者会見 🎌', topics: [] });
      await storage.articles.insertMany([riyadh, moscow, tokyo]);
      expect(await storage.topicSuggestions.enqueue([riyadh.id, moscow.id, tokyo.id, riyadh.id], clock.now())).toBe(3);
      const events: DomainEvent[] = [];
      const suggester = scriptedSuggester({
        [riyadh.headline]: [
          { name: 'Riyadh', kind: 'place', confidence: 0.95 }, { name: 'Energy', kind: 'subject', confidence: 0.9 },
          { name: 'Abdulaziz bin Salman', kind: 'person', confidence: 0.4 },
        ],
        [moscow.headline]: [{ name: 'Kremlin', kind: 'organisation', confidence: 0.9 }],
      });
      const job = createTopicSuggestionJob({ queue: storage.topicSuggestions, suggester, clock, events: { publish: async (e) => { events.push(e); } }, batchSize: 10 });
      expect(await job.runBatch()).toEqual({ claimed: 3, done: 3, failed: 0 });
      expect(await job.runBatch()).toEqual({ claimed: 0, done: 0, failed: 0 });

      const staff = await storage.articles.findState(riyadh.id);
      // The story's own topic first, untouched and not doubled; the person below the reader line waits for an editor.
      expect(staff?.fields.topics.map((t) => [t.slug, t.accepted ?? true])).toEqual([['energy', true], ['riyadh', true], ['abdulaziz-bin-salman', false]]);
      expect((await storage.articles.findState(moscow.id))?.fields.topics.map((t) => t.slug)).toEqual(['kremlin']);
      expect((await storage.articles.findState(tokyo.id))?.fields.topics).toEqual([]);
      // Only the published story whose reader-visible topics changed is announced: its page and the new topic's page.
      expect(events).toEqual([{ type: 'story.updated', articleId: riyadh.id, slug: riyadh.slug, tags: [`article:${riyadh.slug}`, 'topic:riyadh'] }]);
      const progress = await storage.topicSuggestions.progress();
      expect(progress).toMatchObject({ waiting: 0, queued: 3, done: 3, failed: 0 });
      expect(topicJobStatus(progress, clock.now())).toMatchObject({ finished: true, percent: 100, done: 3 });
    });

    it('gives up on a story that breaks the suggester, alone, and on one that was claimed too often', async () => {
      clock.set(new Date('2026-12-02T08:00:00Z'));
      const broken = makeArticle({ headline: 'Breaking 💥 story', topics: [] });
      const fine = makeArticle({ headline: 'Fine story in Jeddah', topics: [] });
      await storage.articles.insertMany([broken, fine]);
      // The queue was empty: a new run starts with these two.
      await storage.topicSuggestions.enqueue([broken.id, fine.id], clock.now());
      const suggester = scriptedSuggester({ [fine.headline]: [{ name: 'Jeddah', kind: 'place', confidence: 0.9 }] });
      const job = createTopicSuggestionJob({ queue: storage.topicSuggestions, suggester, clock, batchSize: 10 });
      expect(await job.runBatch()).toEqual({ claimed: 2, done: 1, failed: 1 });
      expect((await storage.articles.findState(fine.id))?.fields.topics.map((t) => t.slug)).toEqual(['jeddah']);
      expect(await storage.topicSuggestions.progress()).toMatchObject({ waiting: 0, queued: 2, done: 1, failed: 1 });

      // A story whose every claim ended with its process (lease after lease ran out) is left after MAX_ATTEMPTS.
      const killer = makeArticle({ headline: 'The story that kills', topics: [] });
      await storage.articles.insertMany([killer]);
      await storage.topicSuggestions.enqueue([killer.id], clock.now());
      for (let i = 0; i < MAX_ATTEMPTS; i++) {
        const now = new Date(clock.now().getTime() + i * 3600_000);
        expect((await storage.topicSuggestions.claim(5, now, new Date(now.getTime() + 60_000))).map((s) => s.attempts)).toEqual([i + 1]);
      }
      clock.set(new Date(clock.now().getTime() + MAX_ATTEMPTS * 3600_000));
      expect(await job.runBatch()).toEqual({ claimed: 1, done: 0, failed: 1 });
      expect((await storage.topicSuggestions.progress()).waiting).toBe(0);
    });

    it('holds a claimed batch for its lease only, and two claims at once never share a story', async () => {
      clock.set(new Date('2026-12-03T08:00:00Z'));
      const stories = Array.from({ length: 40 }, (_, i) => makeArticle({ headline: `Story ${i} عن الاقتصاد`, topics: [] }));
      await storage.articles.insertMany(stories);
      await storage.topicSuggestions.enqueue(stories.map((s) => s.id), clock.now());
      const now = clock.now();
      const lease = new Date(now.getTime() + 60_000);
      const [a, b] = await Promise.all([storage.topicSuggestions.claim(25, now, lease), storage.topicSuggestions.claim(25, now, lease)]);
      const ids = [...a, ...b].map((s) => s.articleId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(40);
      // Before the lease ends nobody else takes them; after it, another process does (its holder died).
      expect(await storage.topicSuggestions.claim(50, new Date(now.getTime() + 30_000), lease)).toEqual([]);
      const later = new Date(now.getTime() + 61_000);
      const retaken = await storage.topicSuggestions.claim(50, later, new Date(later.getTime() + 60_000));
      expect(retaken).toHaveLength(40);
      expect(retaken.every((s) => s.attempts === 2)).toBe(true);
      expect(topicJobStatus(await storage.topicSuggestions.progress(), later)).toMatchObject({ finished: false, waiting: 40, queued: 40, percent: 0 });
      await storage.topicSuggestions.complete(retaken.map((s) => ({ articleId: s.articleId, topics: [] })), new Date(later.getTime() + 60_000), later);
      expect((await storage.topicSuggestions.progress()).waiting).toBe(0);
    });

    it('hands a batch back untouched when the suggester is down, and never completes a story queued again meanwhile', async () => {
      clock.set(new Date('2026-12-04T08:00:00Z'));
      const a = makeArticle({ headline: 'Down tagger A', topics: [] });
      const b = makeArticle({ headline: 'Down tagger B', topics: [] });
      await storage.articles.insertMany([a, b]);
      await storage.topicSuggestions.enqueue([a.id, b.id], clock.now());
      const down: BatchTopicSuggester = { suggestAll: async () => { throw new Error('threads cannot start'); } };
      await expect(createTopicSuggestionJob({ queue: storage.topicSuggestions, suggester: down, clock }).runBatch()).rejects.toThrow('threads cannot start');
      // Back in the queue at once, their attempt not spent: a working suggester takes them now.
      const again = await storage.topicSuggestions.claim(5, clock.now(), new Date(clock.now().getTime() + 60_000));
      expect(again.map((s) => [s.articleId, s.attempts]).sort()).toEqual([[a.id, 1], [b.id, 1]].sort());
      // B's text changes and is queued again while this claim holds it: the claim's (old-text) topics are not stored for B.
      await storage.topicSuggestions.enqueue([b.id], clock.now());
      const before = (await storage.articles.findState(a.id))!.version;
      const changed = await storage.topicSuggestions.complete([
        { articleId: a.id, topics: [{ slug: 'jeddah', name: 'Jeddah', kind: 'place' }] }, { articleId: b.id, topics: [{ slug: 'old-text', name: 'Old text', kind: 'place' }] },
      ], new Date(clock.now().getTime() + 60_000), clock.now());
      expect(changed.map((c) => c.articleId)).toEqual([a.id]);
      expect((await storage.articles.findState(b.id))?.fields.topics).toEqual([]);
      // A gained a version (an editor's open copy meets the conflict screen, not a silent loss); B still waits.
      expect((await storage.articles.findState(a.id))!.version).toBe(before + 1);
      expect((await storage.topicSuggestions.claim(5, clock.now(), new Date(clock.now().getTime() + 60_000))).map((s) => s.articleId)).toEqual([b.id]);
    });

    it('forgets a queued story that is deleted', async () => {
      const gone = makeArticle({ headline: 'Deleted while waiting', topics: [] });
      await storage.articles.insertMany([gone]);
      await storage.topicSuggestions.enqueue([gone.id], clock.now());
      await storage.db.deleteFrom('articles').where('id', '=', gone.id).execute().catch(async () => {
        // Rows that reference a story (revisions, links) go first where the engine does not cascade them.
        for (const table of ['revisions', 'article_topics', 'article_authors', 'short_links'] as const) await storage.db.deleteFrom(table).where('article_id', '=', gone.id).execute();
        await storage.db.deleteFrom('articles').where('id', '=', gone.id).execute();
      });
      expect(await storage.topicSuggestions.claim(5, clock.now(), new Date(clock.now().getTime() + 1000))).toEqual([]);
    });
  });
}

describeJob('SQLite', null, async () => null);
describeJob('PostgreSQL', await postgresUnavailableReason(), createPostgresTestDatabase);
