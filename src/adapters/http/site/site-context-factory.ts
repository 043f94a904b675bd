/** @module Builds the SiteContext of one request: settings, section menu, asset URLs and the current time. */
import type { HttpDeps } from '../http-deps.js';
import type { SiteContext } from './site-context.js';

export function createSiteContextFactory(deps: HttpDeps): () => Promise<SiteContext> {
  const { settings } = deps;
  return async () => ({
    siteName: settings.siteName,
    siteDescription: settings.siteDescription,
    siteUrl: settings.siteUrl,
    edition: { locale: settings.locale, timeZone: settings.timeZone },
    sections: (await deps.sections.list()).map(({ slug, name }) => ({ slug, name })),
    assets: deps.assets.urls,
    now: deps.clock.now(),
  });
}
