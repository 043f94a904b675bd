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
const query = z.object({ before: z.iso.datetime().optional() });

export function registerCorrectionsRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const siteContext = createSiteContextFactory(deps);
  const respond = createCachedResponder(deps.pageCache);
  editionGet(app, deps.editions, '/corrections', async (request, reply, edition) => {
    const parsed = query.safeParse(request.query);
    if (!parsed.success) return reply.code(400).type(HTML).send('');
    const before = parsed.data.before ? new Date(parsed.data.before) : null;
    return respond(request, reply, cacheKey(`${edition.pathPrefix}/corrections`, { before: before?.toISOString() }), async () => {
      const [site, found] = await Promise.all([
        siteContext(edition), deps.articles.listPublicCorrections({ edition: edition.id, limit: CORRECTIONS_PAGE_SIZE + 1, before }),
      ]);
      const shown = found.slice(0, CORRECTIONS_PAGE_SIZE);
      const older = found.length > CORRECTIONS_PAGE_SIZE ? shown.at(-1)!.createdAt : null;
      // A correction is a story change, and every story change names `home`.
      return makePage({ contentType: HTML, body: renderCorrectionsPage(site, shown, older, before !== null), tags: ['home'] });
    });
  });
}
