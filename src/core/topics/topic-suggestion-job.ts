/**
 * @module The topic suggestion job: works an imported archive's stories through the suggester in batches, after the
 * import, so an archive stores at bulk speed and gains people, places and organisations as the job goes. Resumable by
 * construction: the queue is durable, a batch's topics and its removal from the queue commit together, and a claim is
 * a lease another process takes over when the claiming one died.
 */
import type { EventBus } from '../events/event-bus.js';
import type { Clock } from '../shared/clock.js';
import { topicRefsOf, type StoryText } from './story-topics.js';
import type { SuggestedTopic } from './topic-suggester.js';
import type { ChangedStory, FoundTopics, QueuedStory, TopicSuggestionQueue } from './topic-suggestion-queue.js';

/** The suggester behind the job: many stories at a time, off the caller's thread (adapters/nlp/threaded-topic-suggester.ts). */
export interface BatchTopicSuggester {
  /** Each story's suggestions (story-topics.ts: the same limits as any import), in order. */
  suggestAll(texts: readonly StoryText[]): Promise<SuggestedTopic[][]>;
}

/** A story whose suggestions failed this many times (the suggester threw, or its process died holding it) is given up. */
export const MAX_ATTEMPTS = 3;
export const DEFAULT_BATCH_SIZE = 64;
/** Long enough for a batch on a busy machine; a process that died is replaced after it. */
export const DEFAULT_LEASE_MS = 10 * 60_000;

export interface TopicSuggestionJobDeps {
  queue: TopicSuggestionQueue;
  suggester: BatchTopicSuggester;
  clock: Clock;
  /** Published stories that gained topics readers see are announced, so their cached pages and the topics' pages drop. */
  events?: Pick<EventBus, 'publish'>;
  batchSize?: number;
  leaseMs?: number;
}

/** One batch's outcome. */
export interface TopicBatchResult {
  claimed: number;
  done: number;
  failed: number;
}

export function createTopicSuggestionJob(deps: TopicSuggestionJobDeps) {
  const batchSize = deps.batchSize ?? DEFAULT_BATCH_SIZE;
  const leaseMs = deps.leaseMs ?? DEFAULT_LEASE_MS;

  /** New topics only: a story keeps the ones it has (tags from the export, an editor's), each slug once. */
  function newTopics(story: QueuedStory, suggested: SuggestedTopic[]) {
    const have = new Set(story.topicSlugs);
    return topicRefsOf(suggested).filter((t) => !have.has(t.slug));
  }

  /** Each story's suggestions; null for a story the suggester failed on. Throws when it failed on every story (the suggester is down, not the stories). */
  async function suggestEach(stories: QueuedStory[]): Promise<(SuggestedTopic[] | null)[]> {
    try {
      return await deps.suggester.suggestAll(stories.map((s) => s.text));
    } catch (error) {
      if (stories.length === 1) return [null];
      // One story can break a batch: try each alone, so only that one fails.
      const each: (SuggestedTopic[] | null)[] = [];
      for (const story of stories) {
        try {
          each.push((await deps.suggester.suggestAll([story.text]))[0] ?? []);
        } catch {
          each.push(null);
        }
      }
      if (each.every((s) => s === null)) throw error;
      return each;
    }
  }

  /** Claims a batch, suggests, stores. Returns what it did; `claimed` 0 means the queue had nothing to take. */
  async function runBatch(): Promise<TopicBatchResult> {
    const now = deps.clock.now();
    const lease = new Date(now.getTime() + leaseMs);
    const claimed = await deps.queue.claim(batchSize, now, lease);
    if (claimed.length === 0) return { claimed: 0, done: 0, failed: 0 };
    // A story claimed too often killed a process each time it was tried (or kept failing): leave it.
    const tired = claimed.filter((s) => s.attempts > MAX_ATTEMPTS);
    const stories = claimed.filter((s) => s.attempts <= MAX_ATTEMPTS);
    let changed: ChangedStory[];
    let failed: string[];
    let found: FoundTopics[];
    try {
      const suggested = stories.length > 0 ? await suggestEach(stories) : [];
      failed = [...tired.map((s) => s.articleId), ...stories.filter((_, i) => suggested[i] === null).map((s) => s.articleId)];
      found = stories.flatMap((story, i) => {
        const topics = suggested[i];
        return topics ? [{ articleId: story.articleId, topics: newTopics(story, topics) }] : [];
      });
      const done = deps.clock.now();
      changed = await deps.queue.complete(found, lease, done);
      if (failed.length > 0) await deps.queue.giveUp(failed, lease, done);
    } catch (error) {
      // Not the stories' fault (the suggester is down, the database refused): they go back untouched, their attempt not counted.
      await deps.queue.release(claimed.map((s) => s.articleId), lease).catch(() => undefined);
      throw error;
    }
    for (const story of changed) {
      await deps.events?.publish({ type: 'story.updated', articleId: story.articleId, slug: story.slug, tags: [`article:${story.slug}`, ...story.shownTopics.map((t) => `topic:${t}`)] });
    }
    return { claimed: claimed.length, done: found.length, failed: failed.length };
  }

  return { runBatch, progress: () => deps.queue.progress() };
}

export type TopicSuggestionJob = ReturnType<typeof createTopicSuggestionJob>;
