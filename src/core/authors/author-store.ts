/** @module AuthorStore: the port for bylines. */
import type { NamedRef } from '../articles/article.js';

export interface AuthorStore {
  findBySlug(slug: string): Promise<(NamedRef & { bio: string | null }) | null>;
}
