/** @module Reader routes for lists: latest, section, topic and author pages with keyset paging. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ListOwner } from '../../../core/articles/reader-service.js';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage } from '../page-cache.js';
import { slugParams } from '../route-params.js';
import { listChangeClock } from './list-last-modified.js';
import { renderListPage } from './list-page.js';
import { authorProfileBlock, authorProfileJsonLd } from './components/author-profile.js';
import { describeOwner } from './list-owner-text.js';
import { renderNotFoundPage } from './simple-pages.js';
import { createSiteContextFactory } from './site-context-factory.js';
import { editionGet, type EditionHandler } from './edition-routes.js';

const HTML = 'text/html; charset=utf-8';
const RAIL_SIZE = 8;
const listQuery = z.object({ before: z.string().max(200).regex(/^[\w-]*$/).optional() });

export function registerListRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const siteContext = createSiteContextFactory(deps);
  const respond = createCachedResponder(deps.pageCache);

  const serve = (kind: ListOwner['kind']): EditionHandler => async (request, reply, edition) => {
    const slug = kind === 'latest' ? '' : slugParams.parse(request.params).slug;
    const parsed = listQuery.safeParse(request.query);
    const before = parsed.success ? (parsed.data.before ?? null) : null;
    const own = kind === 'latest' ? '/latest' : `/${kind}/${slug}`;
    return respond(request, reply, cacheKey(`${edition.pathPrefix}${own}`, { before }), async () => {
      const lastModified = listChangeClock(deps.pageCache, [kind === 'latest' ? 'home' : `${kind}:${slug}`]);
      const [site, owner] = await Promise.all([siteContext(edition), deps.reader.listOwner(kind, slug)]);
      // A section belongs to one edition; topics and authors are listed in every edition with that edition's stories.
      if (!owner || (owner.kind === 'section' && owner.section.edition !== edition.id)) {
        return makePage({ status: 404, contentType: HTML, body: renderNotFoundPage(site, request.url.split('?')[0] ?? '/') });
      }
      // Beside any list but Latest, a rail of the edition's latest stories (as fresh as the page: at most the cache's minute).
      const [page, latest] = await Promise.all([
        deps.reader.list(owner, before, edition.id),
        owner.kind === 'latest' ? null : deps.reader.list({ kind: 'latest' }, null, edition.id, RAIL_SIZE),
      ]);
      const photos = await deps.reader.photosOf(page.items);
      const { tag, ...described } = describeOwner(owner, site.siteName, site);
      const profile = owner.kind === 'author'
        ? { intro: authorProfileBlock(site, owner.author, owner.photo), jsonLd: authorProfileJsonLd(site, owner.author, owner.photo, described.path) }
        : {};
      return makePage({
        contentType: HTML,
        body: renderListPage(site, { ...described, ...profile, stories: page.items, nextCursor: page.next, isFirstPage: !before, photos, ...(latest ? { latest: latest.items } : {}) }),
        tags: [tag],
        lastModified: lastModified(page.items),
      });
    });
  };

  editionGet(app, deps.editions, '/latest', serve('latest'));
  editionGet(app, deps.editions, '/section/:slug', serve('section'));
  editionGet(app, deps.editions, '/topic/:slug', serve('topic'));
  editionGet(app, deps.editions, '/author/:slug', serve('author'));
}
