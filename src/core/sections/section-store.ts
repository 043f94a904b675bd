/** @module SectionStore: the port for the site's sections (World, Business …). */
import type { NamedRef } from '../articles/article.js';

export interface SectionStore {
  /** Sections in menu order, with how many published stories each has. */
  list(): Promise<(NamedRef & { position: number })[]>;
  findBySlug(slug: string): Promise<NamedRef | null>;
  /** Adds a section at the end of the menu; false when the slug exists. */
  create(section: NamedRef & { id: string }): Promise<boolean>;
  /** Renames and moves a section (its slug, and so its URLs, never change). False when it does not exist. */
  update(slug: string, changes: { name: string; position: number }): Promise<boolean>;
}
