/** @module SitePageStore: the port for the editions' static pages. */
import type { SitePage, SitePageKind } from './site-page.js';

export interface SitePageStore {
  find(edition: string, kind: SitePageKind): Promise<SitePage | null>;
  /** Every page of an edition that has been written. */
  list(edition: string): Promise<SitePage[]>;
  /** Inserts or replaces the edition's page of that kind. */
  save(page: SitePage): Promise<void>;
}
