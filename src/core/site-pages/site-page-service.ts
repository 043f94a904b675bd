/** @module The static pages' use cases: read one, save one (editors and admins), seed a fresh edition's pages. */
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/domain-error.js';
import type { StaffUser } from '../staff/staff-user.js';
import { canEditSitePages, MAX_SITE_PAGE_TEXT, MAX_SITE_PAGE_TITLE, pageTextToBlocks, type SitePage, type SitePageKind } from './site-page.js';
import type { SitePageStore } from './site-page-store.js';

export interface SitePageDeps {
  pages: SitePageStore;
  clock: Clock;
}

export function createSitePageService(deps: SitePageDeps) {
  function requireEditor(staff: Pick<StaffUser, 'role'>): void {
    if (!canEditSitePages(staff)) throw new DomainError('PERMISSION_DENIED', 'Only editors and admins can edit the site\u2019s pages.');
  }

  async function savePage(staff: Pick<StaffUser, 'id' | 'role'>, edition: string, kind: SitePageKind, input: { title: string; text: string }): Promise<SitePage> {
    requireEditor(staff);
    const title = input.title.trim();
    if (!title || title.length > MAX_SITE_PAGE_TITLE) throw new DomainError('VALIDATION_FAILED', `A page needs a title of at most ${MAX_SITE_PAGE_TITLE} characters.`, { field: 'title' });
    if (input.text.length > MAX_SITE_PAGE_TEXT) throw new DomainError('VALIDATION_FAILED', `A page can have at most ${MAX_SITE_PAGE_TEXT} characters.`, { field: 'text' });
    const page: SitePage = { edition, kind, title, body: pageTextToBlocks(input.text), updatedAt: deps.clock.now(), updatedBy: staff.id };
    await deps.pages.save(page);
    return page;
  }

  /** Writes the pages an edition does not have yet (demo content, a new site): never overwrites an edited page. */
  async function seedPages(edition: string, pages: readonly { kind: SitePageKind; title: string; text: string }[]): Promise<number> {
    const existing = new Set((await deps.pages.list(edition)).map((p) => p.kind));
    let added = 0;
    for (const p of pages) {
      if (existing.has(p.kind)) continue;
      await deps.pages.save({ edition, kind: p.kind, title: p.title, body: pageTextToBlocks(p.text), updatedAt: deps.clock.now(), updatedBy: null });
      added++;
    }
    return added;
  }

  return { requireEditor, savePage, seedPages, find: deps.pages.find, list: deps.pages.list };
}

export type SitePageService = ReturnType<typeof createSitePageService>;
