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
import { feedEntry, type FeedPerson } from './feed-entry.js';
import type { FeedFormat } from './feed-input.js';
import { listChangeClock } from '../site/list-last-modified.js';
import { FEED_CONTENT_TYPES, FEED_FORMATS, feedText, renderStoryFeed } from './story-feed.js';
import { isFeedFullText } from '../../../core/settings/site-settings.js';

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

/** One edition's feed of a list: its stories whole (every byline, full text unless the site turned it off), in its language, with links under its prefix. */
async function renderOwnerFeed(deps: HttpDeps, kind: ListOwner['kind'], slug: string, format: FeedFormat, edition: Edition): Promise<Page> {
  // Read before the stories: a story taken out of the feed moves Last-Modified although no story left in it changed.
  const lastModified = listChangeClock(deps.pageCache, [kind === 'latest' ? 'home' : `${kind}:${slug}`]);
  const owner = await deps.reader.listOwner(kind, slug);
  if (!owner || (owner.kind === 'section' && owner.section.edition !== edition.id)) return notFoundResource('Feed');
  const { articles, photos } = await deps.reader.listWholeArticles(owner, edition.id, FEED_SIZE);
  const { settings } = deps;
  const t = translatorFor(edition);
  // Paths come back under the edition's prefix (/ar/section/…).
  const described = describeOwner(owner, settings.siteName, { edition, t });
  const isHome = owner.kind === 'latest';
  const url = (path: string) => absoluteUrl(settings, path);
  const home = editionPath({ edition }, '/');
  const feedPath = (f: FeedFormat) => described.feedPath.replace(/feed\.xml$/, `feed.${FILE_EXTENSION[f]}`);
  const publisher: FeedPerson = { name: settings.siteName, url: url(home) };
  const context = { siteUrl: settings.siteUrl, publisher, fullText: isFeedFullText(settings) };
  const entries = articles.map((a) => feedEntry(a, photos, context));
  const body = renderStoryFeed(format, {
    ...feedText(t, settings, isHome ? null : described),
    language: edition.language,
    pageUrl: url(isHome ? home : described.path),
    feedUrls: { rss: url(feedPath('rss')), atom: url(feedPath('atom')), json: url(feedPath('json')) },
    author: owner.kind === 'author' ? { name: owner.author.name, url: url(described.path) } : publisher,
    entries,
  });
  return makePage({
    contentType: FEED_CONTENT_TYPES[format],
    body,
    lastModified: lastModified(entries.map((e) => ({ updatedAt: e.updated }))),
    tags: [described.tag, 'feeds'],
    maxAge: FEED_MAX_AGE,
  });
}
