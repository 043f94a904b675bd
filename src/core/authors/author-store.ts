/** @module AuthorStore: the port for bylines. */
import type { NamedRef } from '../articles/article.js';

export interface AuthorStore {
  findBySlug(slug: string): Promise<(NamedRef & { bio: string | null }) | null>;
  /** The author of exactly this name (the first by slug when several share it), so a byline seen before is reused. */
  findByName(name: string): Promise<NamedRef | null>;
}
