/** @module TopicStore: the port for topics (people, places, organisations, subjects). */
import type { TopicRef } from '../articles/article.js';

export interface TopicStore {
  findBySlug(slug: string): Promise<TopicRef | null>;
  /** Topics by the number of published stories that carry them, most first. */
  listPopular(limit: number): Promise<(TopicRef & { stories: number })[]>;
}
