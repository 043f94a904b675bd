/** @module The site's editions in memory: looked up on every request, replaced whole when an admin changes one. */
import { FIRST_EDITION_ID, type Edition } from './edition.js';

export interface EditionDirectory {
  /** Every edition, the first (served at /) first. */
  all(): readonly Edition[];
  /** The edition served at /. */
  first(): Edition;
  byId(id: string): Edition | null;
  /** The edition a URL's first segment names (`ar` for /ar/…); null for the first edition's own code or an unknown one. */
  byPathSegment(segment: string): Edition | null;
  /** Replaces the editions (after an admin's change, in every process). */
  replace(editions: readonly Edition[]): void;
}

/** The one edition of a site that has set none up: English, in the configured locale and zone. */
export function defaultEdition(settings: { locale: string; timeZone: string }): Edition {
  return {
    id: FIRST_EDITION_ID, language: 'en', direction: 'ltr', name: 'English', locale: settings.locale,
    numberingSystem: 'latn', timeZone: settings.timeZone, pathPrefix: '', position: 0,
  };
}

export function createEditionDirectory(initial: readonly Edition[]): EditionDirectory {
  let editions: readonly Edition[] = [];
  let byId = new Map<string, Edition>();
  const replace = (next: readonly Edition[]) => {
    if (next.length === 0) throw new Error('a site has at least one edition');
    editions = [...next].sort((a, b) => a.position - b.position);
    byId = new Map(editions.map((e) => [e.id, e]));
  };
  replace(initial);
  return {
    all: () => editions,
    first: () => editions[0] as Edition,
    byId: (id) => byId.get(id) ?? null,
    byPathSegment: (segment) => {
      const found = byId.get(segment);
      return found && found.pathPrefix !== '' ? found : null;
    },
    replace,
  };
}
