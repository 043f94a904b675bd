/** @module Reader routes for finding stories: search and the Following page. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { HttpDeps } from '../http-deps.js';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import { makePage } from '../page-cache.js';
import { sendPage } from '../send-page.js';
import { renderSearchPage } from './search-page.js';
import { renderFollowingFragment, renderFollowingPage } from './simple-pages.js';
import { createSiteContextFactory } from './site-context-factory.js';
import { editionGet } from './edition-routes.js';
import { listChangeClock } from './list-last-modified.js';

const HTML = 'text/html; charset=utf-8';
const searchQuery = z.object({
  q: z.string().optional().default(''),
  page: z.coerce.number().int().min(1).max(1000).optional().catch(1).default(1),
});
const followingQuery = z.object({ topics: z.string().max(4000).optional().default(''), sections: z.string().max(4000).optional().default(''), authors: z.string().max(4000).optional().default('') });
const slugsOf = (list: string) => list.split(',').map((s) => s.trim().normalize('NFC')).filter((s) => s.length > 0 && s.length <= 200);

export function registerDiscoveryRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const siteContext = createSiteContextFactory(deps);
  const respond = createCachedResponder(deps.pageCache);

  editionGet(app, deps.editions, '/search', async (request, reply, edition) => {
    const parsed = searchQuery.safeParse(request.query);
    const q = parsed.success ? parsed.data.q : '';
    const pageNumber = parsed.success ? parsed.data.page : 1;
    // Any story change can change any result list, and every story change names `home`.
    const lastModified = listChangeClock(deps.pageCache, ['home']);
    const [site, results] = await Promise.all([siteContext(edition), deps.reader.search(q, pageNumber, { editionId: edition.id, language: edition.language })]);
    const status = results.problem ? 400 : 200;
    const photos = await deps.reader.photosOf(results.results.map((r) => r.summary));
    reply.header('cache-control', 'no-cache');
    return sendPage(request, reply, makePage({ status, contentType: HTML, body: renderSearchPage(site, { ...results, photos }), lastModified: lastModified(results.results.map((r) => r.summary)) }));
  });

  editionGet(app, deps.editions, '/following', async (request, reply, edition) =>
    respond(request, reply, cacheKey(`${edition.pathPrefix}/following`), async () => makePage({ contentType: HTML, body: renderFollowingPage(await siteContext(edition)) })));

  // Follows are the reader's, across editions: each story card carries its own language and direction.
  editionGet(app, deps.editions, '/following/stories', async (request, reply, edition) => {
    const { topics, sections, authors } = followingQuery.parse(request.query);
    const [site, found] = await Promise.all([siteContext(edition), deps.reader.following(slugsOf(topics), undefined, slugsOf(sections), slugsOf(authors))]);
    reply.header('cache-control', 'private, no-cache');
    return sendPage(request, reply, makePage({ contentType: HTML, body: renderFollowingFragment(site, found.topics, found.stories, found.unknown, { sections: found.sections, unknown: found.unknownSections, authors: found.authors, unknownAuthors: found.unknownAuthors }) }));
  });
}
