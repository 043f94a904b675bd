/** @module The public corrections page of every edition (`/corrections`, `/ar/corrections` …), cached like a list. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage } from '../page-cache.js';
import { CORRECTIONS_PAGE_SIZE, renderCorrectionsPage } from './corrections-page.js';
import { editionGet } from './edition-routes.js';
import { createSiteContextFactory } from './site-context-factory.js';

const HTML = 'text/html; charset=utf-8';
const query = z.object({ before: z.string().max(200).regex(/^[\w-]+$/).optional() });

export function registerCorrectionsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const siteContext = createSiteContextFactory(deps);
  const respond = createCachedResponder(deps.pageCache);
  editionGet(app, deps.editions, '/corrections', async (request, reply, edition) => {
    const parsed = query.safeParse(request.query);
    if (!parsed.success) return reply.code(400).type('text/plain; charset=utf-8').send('Bad request: "before" is not a page of the corrections list.\n');
    const before = parsed.data.before ?? null;
    return respond(request, reply, cacheKey(`${edition.pathPrefix}/corrections`, { before }), async () => {
      const [site, page] = await Promise.all([
        siteContext(edition), deps.articles.listPublicCorrections({ edition: edition.id, limit: CORRECTIONS_PAGE_SIZE, before }),
      ]);
      // A correction is a story change, and every story change names `home`.
      return makePage({ contentType: HTML, body: renderCorrectionsPage(site, page.items, page.next, before !== null), tags: ['home'] });
    });
  });
}
