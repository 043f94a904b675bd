/** @module Sitemap routes: the index, the site's pages, one sitemap per month, the Google News sitemap, robots.txt. */
import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../../core/editions/edition.js';
import { editionGet } from '../site/edition-routes.js';
import { z } from 'zod';
import { articlePath } from '../../../core/articles/article.js';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage, type Page } from '../page-cache.js';
import { sendPage } from '../send-page.js';
import { absoluteUrl } from '../site/site-context.js';
import { notFoundResource } from './not-found-resource.js';
import { newsLanguage, renderNewsSitemap, renderRobotsTxt, renderSitemapIndex, renderUrlSet, SITEMAP_CONTENT_TYPE, type SitemapEntry } from './sitemaps.js';

const SITEMAP_TAGS = ['home', 'feeds'];
const SITEMAP_MAX_AGE = 900;
/** Google News takes stories of the last two days, at most 1000 per sitemap. */
const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
const NEWS_MAX_STORIES = 1000;
/** The news sitemap changes as time passes, not only on publish: it is cached per minute of the clock. */
const NEWS_BUCKET_MS = 60 * 1000;
const NEWS_MAX_AGE = 60;

const monthFile = z.object({ file: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])\.xml$/) });

function newest(dates: readonly (Date | null)[]): Date | null {
  return dates.reduce<Date | null>((a, b) => (b && (!a || b.getTime() > a.getTime()) ? b : a), null);
}

export function registerSitemapRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const respond = createCachedResponder(deps.pageCache);
  const url = (path: string) => absoluteUrl(deps.settings, path);
  const sitemapPage = (entries: SitemapEntry[], body: string): Page =>
    makePage({ contentType: SITEMAP_CONTENT_TYPE, body, lastModified: newest(entries.map((e) => e.lastmod)), tags: SITEMAP_TAGS, maxAge: SITEMAP_MAX_AGE });

  editionGet(app, deps.editions, '/sitemap.xml', async (request, reply, edition) => respond(request, reply, cacheKey(`${edition.pathPrefix}/sitemap.xml`), async () => {
    const months = await deps.articles.listPublishedMonths(edition.id);
    const entries: SitemapEntry[] = [
      { loc: url(`${edition.pathPrefix}/sitemap-pages.xml`), lastmod: months[0]?.lastModified ?? null },
      ...months.map((m) => ({ loc: url(`${edition.pathPrefix}/sitemaps/${m.month}.xml`), lastmod: m.lastModified })),
    ];
    return sitemapPage(entries, renderSitemapIndex(entries));
  }));

  editionGet(app, deps.editions, '/sitemap-pages.xml', async (request, reply, edition) => respond(request, reply, cacheKey(`${edition.pathPrefix}/sitemap-pages.xml`), async () => {
    const [latest, sections] = await Promise.all([deps.articles.listPublished({ limit: 1, edition: edition.id }), deps.sections.list(edition.id)]);
    const sectionLatest = await Promise.all(sections.map((s) => deps.articles.listPublished({ limit: 1, sectionSlug: s.slug, edition: edition.id })));
    const newestOverall = latest.items[0]?.updatedAt ?? null;
    const home = (e: Edition) => url(e.pathPrefix ? `${e.pathPrefix}/` : '/');
    const entries: SitemapEntry[] = [
      { loc: home(edition), lastmod: newestOverall, alternates: homeAlternates(deps.editions.all(), home) },
      { loc: url(`${edition.pathPrefix}/latest`), lastmod: newestOverall },
      ...sections.map((s, i) => ({ loc: url(`${edition.pathPrefix}/section/${encodeURIComponent(s.slug)}`), lastmod: sectionLatest[i]?.items[0]?.updatedAt ?? null })),
    ];
    return sitemapPage(entries, renderUrlSet(entries));
  }));

  editionGet(app, deps.editions, '/sitemaps/:file', async (request, reply, edition) => {
    const parsed = monthFile.safeParse(request.params);
    if (!parsed.success) return sendPage(request, reply, notFoundResource('Sitemap'));
    const month = parsed.data.file.slice(0, 7);
    return respond(request, reply, cacheKey(`${edition.pathPrefix}/sitemaps/${month}.xml`), async () => {
      const stories = await deps.articles.listPublishedInMonth(month, edition.id);
      if (stories.length === 0) return notFoundResource('Sitemap');
      const groups = [...new Set(stories.flatMap((s) => (s.translationGroup ? [s.translationGroup] : [])))];
      const translations = await deps.articles.listTranslations(groups);
      const entries = stories.map((s) => ({
        loc: url(articlePath({ slug: s.slug, edition })), lastmod: s.updatedAt,
        ...(s.translationGroup ? { alternates: storyAlternates(translations.filter((t) => t.group === s.translationGroup), deps.editions, url) } : {}),
      }));
      return sitemapPage(entries, renderUrlSet(entries));
    });
  });

  editionGet(app, deps.editions, '/news-sitemap.xml', async (request, reply, edition) => {
    const bucket = Math.floor(deps.clock.now().getTime() / NEWS_BUCKET_MS);
    return respond(request, reply, cacheKey(`${edition.pathPrefix}/news-sitemap.xml`, { minute: bucket }), async () => {
      const since = new Date(bucket * NEWS_BUCKET_MS - NEWS_WINDOW_MS);
      const stories = await deps.articles.listFirstPublishedSince(since, NEWS_MAX_STORIES, edition.id);
      const publication = { name: deps.settings.siteName, language: newsLanguage(edition.language) };
      const body = renderNewsSitemap(publication, stories.map((s) => ({ loc: url(articlePath(s)), title: s.headline, publishedAt: s.firstPublishedAt })));
      // No Last-Modified: stories age out of the window without any story changing, so only the ETag tells.
      return makePage({ contentType: SITEMAP_CONTENT_TYPE, body, tags: SITEMAP_TAGS, maxAge: NEWS_MAX_AGE });
    });
  });

  app.get('/robots.txt', async (request, reply) => respond(request, reply, cacheKey('/robots.txt'), async () => {
    const editions = deps.editions.all();
    return makePage({
      contentType: 'text/plain; charset=utf-8',
      body: renderRobotsTxt(editions.flatMap((e) => [url(`${e.pathPrefix}/sitemap.xml`), url(`${e.pathPrefix}/news-sitemap.xml`)]), editions.map((e) => e.pathPrefix)),
      maxAge: 3600,
    });
  }));
}

/** Every edition's home as alternates of each other; x-default is the first edition's. */
function homeAlternates(editions: readonly Edition[], home: (e: Edition) => string): { hreflang: string; href: string }[] {
  if (editions.length < 2) return [];
  const first = editions[0] as Edition;
  return [...editions.map((e) => ({ hreflang: e.language, href: home(e) })), { hreflang: 'x-default', href: home(first) }];
}

/** A story's versions in every edition (itself included) and x-default: the first edition's version, else the story's own. */
function storyAlternates(group: { slug: string; edition: { id: string; language: string; pathPrefix: string } }[], editions: HttpDeps['editions'], url: (path: string) => string): { hreflang: string; href: string }[] {
  const known = group.filter((t) => editions.byId(t.edition.id) !== null);
  if (known.length < 2) return [];
  const sorted = [...known].sort((a, b) => (editions.byId(a.edition.id)?.position ?? 0) - (editions.byId(b.edition.id)?.position ?? 0));
  const links = sorted.map((t) => ({ hreflang: t.edition.language, href: url(articlePath(t)) }));
  return [...links, { hreflang: 'x-default', href: links[0]?.href ?? '' }];
}
