/** @module TopicStore: the port for topics (people, places, organisations, subjects). */
import type { TopicRef } from '../articles/article.js';

export interface TopicStore {
  findBySlug(slug: string): Promise<TopicRef | null>;
  /** Topics by the number of published stories that carry them, most first. */
  listPopular(limit: number): Promise<(TopicRef & { stories: number })[]>;
  /** Topics whose slug starts with the slug of `prefix` (type-ahead), by slug; an index range, cheap at any size. */
  searchByPrefix(prefix: string, limit: number): Promise<TopicRef[]>;
}
