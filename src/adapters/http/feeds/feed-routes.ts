/** @module Feed routes: RSS, Atom and JSON Feed of the home stream and of each section, topic and author; then the sitemaps. */
import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../../core/editions/edition.js';
import { editionGet, type EditionHandler } from '../site/edition-routes.js';
import type { ListOwner } from '../../../core/articles/reader-service.js';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import { slugParams } from '../route-params.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage, type Page } from '../page-cache.js';
import { describeOwner } from '../site/list-owner-text.js';
import { translatorFor } from '../i18n/translate.js';
import { absoluteUrl, editionPath } from '../site/site-context.js';
import { notFoundResource } from './not-found-resource.js';
import { registerSitemapRoutes } from './sitemap-routes.js';
import { FEED_CONTENT_TYPES, FEED_FORMATS, feedText, newestUpdate, renderStoryFeed, type FeedFormat } from './story-feed.js';

/** How many stories a feed carries. */
export const FEED_SIZE = 30;
/** Seconds a shared cache may keep a feed; publishing also drops it from the page cache by tag. */
const FEED_MAX_AGE = 300;

const FILE_EXTENSION: Record<FeedFormat, string> = { rss: 'xml', atom: 'atom', json: 'json' };

export function registerFeedRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const respond = createCachedResponder(deps.pageCache);

  const serve = (kind: ListOwner['kind'], format: FeedFormat): EditionHandler => async (request, reply, edition) => {
    const slug = kind === 'latest' ? '' : slugParams.parse(request.params).slug;
    // The key is the feed's own path, so the cache fast path finds it by URL.
    const file = `feed.${FILE_EXTENSION[format]}`;
    const path = kind === 'latest' ? `/${file}` : `/${kind}/${slug}/${file}`;
    return respond(request, reply, cacheKey(`${edition.pathPrefix}${path}`), () => renderOwnerFeed(deps, kind, slug, format, edition));
  };

  for (const format of FEED_FORMATS) {
    const file = `feed.${FILE_EXTENSION[format]}`;
    editionGet(app, deps.editions, `/${file}`, serve('latest', format));
    editionGet(app, deps.editions, `/section/:slug/${file}`, serve('section', format));
    editionGet(app, deps.editions, `/topic/:slug/${file}`, serve('topic', format));
    editionGet(app, deps.editions, `/author/:slug/${file}`, serve('author', format));
  }

  registerSitemapRoutes(app, deps);
}

/** One edition's feed of a list: its stories, in its language, with links under its prefix. */
async function renderOwnerFeed(deps: HttpDeps, kind: ListOwner['kind'], slug: string, format: FeedFormat, edition: Edition): Promise<Page> {
  const owner = await deps.reader.listOwner(kind, slug);
  if (!owner || (owner.kind === 'section' && owner.section.edition !== edition.id)) return notFoundResource('Feed');
  const { items } = await deps.reader.list(owner, null, edition.id, FEED_SIZE);
  const { settings } = deps;
  const t = translatorFor(edition);
  // Paths come back under the edition's prefix (/ar/section/…).
  const described = describeOwner(owner, settings.siteName, { edition, t });
  const isHome = owner.kind === 'latest';
  const url = (path: string) => absoluteUrl(settings, path);
  const home = editionPath({ edition }, '/');
  const feedPath = (f: FeedFormat) => described.feedPath.replace(/feed\.xml$/, `feed.${FILE_EXTENSION[f]}`);
  const publisher = { name: settings.siteName, url: url(home) };
  const ownAuthor = owner.kind === 'author' ? { name: owner.author.name, url: url(described.path) } : null;
  const body = renderStoryFeed(format, {
    ...feedText(t, settings, isHome ? null : described),
    siteUrl: settings.siteUrl,
    language: edition.language,
    pageUrl: url(isHome ? home : described.path),
    feedUrls: { rss: url(feedPath('rss')), atom: url(feedPath('atom')), json: url(feedPath('json')) },
    author: ownAuthor ?? publisher,
    itemAuthor: ownAuthor,
    stories: items,
  });
  return makePage({
    contentType: FEED_CONTENT_TYPES[format],
    body,
    lastModified: newestUpdate(items),
    tags: [described.tag, 'feeds'],
    maxAge: FEED_MAX_AGE,
  });
}
