/** @module Reader routes for lists: latest, section, topic and author pages with keyset paging. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { ListOwner } from '../../../core/articles/reader-service.js';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage, type Page } from '../page-cache.js';
import { slugParams } from '../route-params.js';
import { listChangeClock } from './list-last-modified.js';
import { renderListPage } from './list-page.js';
import { authorProfileBlock, authorProfileJsonLd } from './components/author-profile.js';
import { describeOwner } from './list-owner-text.js';
import { renderNotFoundPage } from './simple-pages.js';
import { createSiteContextFactory } from './site-context-factory.js';
import type { SiteContext } from './site-context.js';
import { findOldUrlRedirect, oldUrlRedirectHeaders } from './old-url-redirects.js';
import { editionGet, type EditionHandler } from './edition-routes.js';

const HTML = 'text/html; charset=utf-8';
const RAIL_SIZE = 8;
const listQuery = z.object({ before: z.string().max(200).regex(/^[\w-]*$/).optional() });

export function registerListRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const siteContext = createSiteContextFactory(deps);
  const respond = createCachedResponder(deps.pageCache);

  /**
   * A list nobody owns by that slug may be an imported site's old archive address (`/author/login/`, whose author
   * has another slug now): a 301 with the headers the not-found handler gives old addresses, plus the list's own key
   * (an author made with that slug later drops it at the edge). Else the 404 page. Only a cache miss of an unknown
   * list gets here: a listed page never pays for the lookup.
   */
  async function unknownList(request: FastifyRequest, reply: FastifyReply, ownTag: string, site: SiteContext): Promise<Page> {
    const redirect = await findOldUrlRedirect(deps, request.url);
    if (!redirect) return makePage({ status: 404, contentType: HTML, body: renderNotFoundPage(site, request.url.split('?')[0] ?? '/') });
    reply.headers(oldUrlRedirectHeaders({ ...redirect, tags: [...redirect.tags, ownTag] }));
    return makePage({ status: 301, contentType: HTML, body: '' });
  }

  const serve = (kind: ListOwner['kind']): EditionHandler => async (request, reply, edition) => {
    const params = kind === 'latest' ? null : slugParams.safeParse(request.params);
    // A slug no list can have (`/author/jane.doe/`, an old WordPress login) is asked for where unknown addresses are.
    if (params && !params.success) {
      reply.callNotFound();
      return reply;
    }
    const slug = params ? params.data.slug : '';
    const parsed = listQuery.safeParse(request.query);
    const before = parsed.success ? (parsed.data.before ?? null) : null;
    const own = kind === 'latest' ? '/latest' : `/${kind}/${slug}`;
    return respond(request, reply, cacheKey(`${edition.pathPrefix}${own}`, { before }), async () => {
      const lastModified = listChangeClock(deps.pageCache, [kind === 'latest' ? 'home' : `${kind}:${slug}`]);
      const [site, owner] = await Promise.all([siteContext(edition), deps.reader.listOwner(kind, slug)]);
      // A section belongs to one edition; topics and authors are listed in every edition with that edition's stories.
      if (!owner || (owner.kind === 'section' && owner.section.edition !== edition.id)) return unknownList(request, reply, `${kind}:${slug}`, site);
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
