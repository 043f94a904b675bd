/** @module Feed routes: RSS, Atom and JSON Feed of the home stream and of each section, topic and author; then the sitemaps. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ListOwner } from '../../../core/articles/reader-service.js';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import { slugParams } from '../route-params.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage, type Page } from '../page-cache.js';
import { describeOwner } from '../site/list-routes.js';
import { absoluteUrl } from '../site/site-context.js';
import { notFoundResource } from './not-found-resource.js';
import { registerSitemapRoutes } from './sitemap-routes.js';
import { FEED_CONTENT_TYPES, FEED_FORMATS, newestUpdate, renderStoryFeed, type FeedFormat } from './story-feed.js';

/** How many stories a feed carries. */
export const FEED_SIZE = 30;
/** Seconds a shared cache may keep a feed; publishing also drops it from the page cache by tag. */
const FEED_MAX_AGE = 300;

const FILE_EXTENSION: Record<FeedFormat, string> = { rss: 'xml', atom: 'atom', json: 'json' };

export function registerFeedRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const respond = createCachedResponder(deps.pageCache);

  const serve = (kind: ListOwner['kind'], format: FeedFormat) => async (request: FastifyRequest, reply: FastifyReply) => {
    const slug = kind === 'latest' ? '' : slugParams.parse(request.params).slug;
    // The key is the feed's own path, so the cache fast path finds it by URL.
    const file = `feed.${FILE_EXTENSION[format]}`;
    const path = kind === 'latest' ? `/${file}` : `/${kind}/${slug}/${file}`;
    return respond(request, reply, cacheKey(path), () => renderOwnerFeed(deps, kind, slug, format));
  };

  for (const format of FEED_FORMATS) {
    const file = `feed.${FILE_EXTENSION[format]}`;
    app.get(`/${file}`, serve('latest', format));
    app.get(`/section/:slug/${file}`, serve('section', format));
    app.get(`/topic/:slug/${file}`, serve('topic', format));
    app.get(`/author/:slug/${file}`, serve('author', format));
  }

  registerSitemapRoutes(app, deps);
}

async function renderOwnerFeed(deps: HttpDeps, kind: ListOwner['kind'], slug: string, format: FeedFormat): Promise<Page> {
  const owner = await deps.reader.listOwner(kind, slug);
  if (!owner) return notFoundResource('Feed');
  const { items } = await deps.reader.list(owner, null, FEED_SIZE);
  const { settings } = deps;
  const described = describeOwner(owner, settings.siteName);
  const isHome = owner.kind === 'latest';
  const url = (path: string) => absoluteUrl(settings, path);
  const feedPath = (f: FeedFormat) => described.feedPath.replace(/feed\.xml$/, `feed.${FILE_EXTENSION[f]}`);
  const publisher = { name: settings.siteName, url: url('/') };
  const ownAuthor = owner.kind === 'author' ? { name: owner.author.name, url: url(described.path) } : null;
  const body = renderStoryFeed(format, {
    title: isHome ? settings.siteName : `${described.title} | ${settings.siteName}`,
    description: isHome ? settings.siteDescription : described.description,
    siteUrl: settings.siteUrl,
    language: settings.locale,
    pageUrl: url(isHome ? '/' : described.path),
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
