/** @module SectionStore: the port for the site's sections (World, Business …). */
import type { NamedRef } from '../articles/article.js';

export interface SectionStore {
  /** Sections in menu order, with how many published stories each has. */
  list(): Promise<(NamedRef & { position: number })[]>;
  findBySlug(slug: string): Promise<NamedRef | null>;
}
