/**
 * @module TopicSuggestionQueue: the port behind the background job that suggests topics for stories stored in bulk
 * (an imported archive): stories wait in a queue, a process claims a batch with a lease, stores what the suggester
 * found and takes them off; the totals of the current run feed the newsroom's progress line.
 */
import type { TopicRef } from '../articles/article.js';
import type { StoryText } from './story-topics.js';

/** A claimed story: its text for the suggester and the topics it already has (never suggested twice). */
export interface QueuedStory {
  articleId: string;
  slug: string;
  published: boolean;
  /** How many times the story has been claimed, this claim included. */
  attempts: number;
  text: StoryText;
  topicSlugs: string[];
}

/** What the job found for one story: topics to add after the ones it has. */
export interface FoundTopics {
  articleId: string;
  topics: TopicRef[];
}

/** A published story that gained topics readers see: its pages and those topics' pages change. */
export interface ChangedStory {
  articleId: string;
  slug: string;
  /** Slugs of the accepted topics added (suggestions below the reader line change no reader page). */
  shownTopics: string[];
}

/** The current run: stories queued and done since the queue was last empty. */
export interface TopicSuggestionProgress {
  /** Stories still in the queue (claimed ones included); 0 exactly when the queue is empty. */
  waiting: number;
  queued: number;
  done: number;
  /** Stories given up on after repeated failures (their text made the suggester fail or its process die). */
  failed: number;
  startedAt: Date | null;
  /** When a process first stored suggestions in this run (the pace counts from there); null before. */
  workingSince: Date | null;
  updatedAt: Date | null;
}

export interface TopicSuggestionQueue {
  /** Queues stories; a story already waiting is queued again (its text changed: a claim of the old text will not complete it). Returns how many were queued. */
  enqueue(articleIds: readonly string[], at: Date): Promise<number>;
  /** Up to `limit` waiting stories no other process holds, oldest first, held until `leaseUntil`. Stories gone since are skipped. */
  claim(limit: number, now: Date, leaseUntil: Date): Promise<QueuedStory[]>;
  /**
   * Adds the topics found and takes the stories off the queue, in one transaction — only stories still held by this
   * claim (`leaseUntil`): one queued again meanwhile, or taken over after the lease, is left to its new claim.
   */
  complete(found: readonly FoundTopics[], leaseUntil: Date, now: Date): Promise<ChangedStory[]>;
  /** Takes stories of this claim off the queue without topics, counted as failed. */
  giveUp(articleIds: readonly string[], leaseUntil: Date, now: Date): Promise<void>;
  /** Hands stories of this claim back untouched (the failure was not theirs): their attempt is not counted. */
  release(articleIds: readonly string[], leaseUntil: Date): Promise<void>;
  progress(): Promise<TopicSuggestionProgress>;
}
