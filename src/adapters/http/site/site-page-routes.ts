/** @module The editions' static pages for readers (`/about`, `/ar/contact` …), cached like any page and dropped when one is saved. */
import type { FastifyInstance } from 'fastify';
import { SITE_PAGE_KINDS } from '../../../core/site-pages/site-page.js';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage } from '../page-cache.js';
import { editionGet } from './edition-routes.js';
import { renderNotFoundPage } from './simple-pages.js';
import { createSiteContextFactory } from './site-context-factory.js';
import { renderSitePage } from './site-page-view.js';

const HTML = 'text/html; charset=utf-8';

export function registerSitePageRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const siteContext = createSiteContextFactory(deps);
  const respond = createCachedResponder(deps.pageCache);
  for (const kind of SITE_PAGE_KINDS) {
    editionGet(app, deps.editions, `/${kind}`, async (request, reply, edition) =>
      respond(request, reply, cacheKey(`${edition.pathPrefix}/${kind}`), async () => {
        const [site, page] = await Promise.all([siteContext(edition), deps.sitePages?.find(edition.id, kind) ?? null]);
        if (!page) return makePage({ status: 404, contentType: HTML, body: renderNotFoundPage(site, `${edition.pathPrefix}/${kind}`) });
        return makePage({ contentType: HTML, body: renderSitePage(site, page), tags: ['pages'], lastModified: page.updatedAt });
      }));
  }
}
