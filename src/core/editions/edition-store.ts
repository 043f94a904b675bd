/** @module EditionStore: the port through which the core reads and writes the site's editions. */
import type { Edition, EditionInput } from './edition.js';

export interface EditionStore {
  /** Every edition, first (served at /) first. */
  list(): Promise<Edition[]>;
  /** Adds an edition after the others. Returns false when the code is taken. */
  add(input: EditionInput): Promise<boolean>;
  /** Changes an edition's name, language, locale, digits, zone and direction (its code and position stay). */
  update(id: string, input: Omit<EditionInput, 'id'>): Promise<boolean>;
}
