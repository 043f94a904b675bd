/** @module SectionStore: the port for the site's sections (World, Business …). */
import type { NamedRef } from '../articles/article.js';

export interface SectionStore {
  /** Sections in menu order: one edition's when given, else every edition's. */
  list(edition?: string): Promise<(NamedRef & { position: number; edition: string })[]>;
  findBySlug(slug: string): Promise<(NamedRef & { edition: string }) | null>;
  /** Adds a section at the end of its edition's menu (the first edition's when none is given); false when the slug exists. */
  create(section: NamedRef & { id: string; edition?: string }): Promise<boolean>;
  /** Renames and moves a section (its slug, and so its URLs, never change). False when it does not exist. */
  update(slug: string, changes: { name: string; position: number }): Promise<boolean>;
}
