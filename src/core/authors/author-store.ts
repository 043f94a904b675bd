/** @module AuthorStore: the port for bylines and their profiles. */
import type { NamedRef } from '../articles/article.js';
import type { AuthorLink, AuthorProfile } from './author-profile.js';

export interface AuthorStore {
  findBySlug(slug: string): Promise<AuthorProfile | null>;
  /** The author of exactly this name (the first by slug when several share it), so a byline seen before is reused. */
  findByName(name: string): Promise<NamedRef | null>;
  /** Every author by name (the newsroom's list of profiles). */
  list(): Promise<NamedRef[]>;
  /** Returns false when there is no such author. */
  updateProfile(slug: string, profile: { bio: string | null; jobTitle: string | null; photoId: string | null; links: AuthorLink[] }): Promise<boolean>;
}
