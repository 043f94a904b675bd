/** @module Builds the SiteContext of one request: settings, its edition and that edition's section menu and static pages, asset URLs and the current time. */
import type { Edition } from '../../../core/editions/edition.js';
import type { HttpDeps } from '../http-deps.js';
import { translatorFor } from '../i18n/translate.js';
import type { SiteContext } from './site-context.js';

/** Makes the context of a page in `edition` (the first edition when none is given: error pages outside any edition). */
export function createSiteContextFactory(deps: HttpDeps): (edition?: Edition) => Promise<SiteContext> {
  const { settings } = deps;
  return async (edition = deps.editions.first()) => {
    const [sections, pages] = await Promise.all([deps.sections.list(edition.id), deps.sitePages?.list(edition.id) ?? []]);
    return {
      siteName: settings.siteName,
      siteDescription: settings.siteDescription,
      siteUrl: settings.siteUrl,
      edition,
      editions: deps.editions.all(),
      t: translatorFor(edition),
      sections: sections.map(({ slug, name }) => ({ slug, name })),
      assets: deps.assets.urls,
      now: deps.clock.now(),
      ...(settings.shareImage ? { shareImage: settings.shareImage } : {}),
      ...(settings.publisherLogo ? { publisherLogo: settings.publisherLogo } : {}),
      ...(pages.length ? { pages: pages.map((p) => p.kind) } : {}),
    };
  };
}
