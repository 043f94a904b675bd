/** @module Sitemap routes: the index, the site's pages, one sitemap per month, the Google News sitemap, robots.txt. */
import type { FastifyInstance } from 'fastify';
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

  app.get('/sitemap.xml', async (request, reply) => respond(request, reply, cacheKey('/sitemap.xml'), async () => {
    const months = await deps.articles.listPublishedMonths();
    const entries: SitemapEntry[] = [
      { loc: url('/sitemap-pages.xml'), lastmod: months[0]?.lastModified ?? null },
      ...months.map((m) => ({ loc: url(`/sitemaps/${m.month}.xml`), lastmod: m.lastModified })),
    ];
    return sitemapPage(entries, renderSitemapIndex(entries));
  }));

  app.get('/sitemap-pages.xml', async (request, reply) => respond(request, reply, cacheKey('/sitemap-pages.xml'), async () => {
    const [latest, sections] = await Promise.all([deps.articles.listPublished({ limit: 1 }), deps.sections.list()]);
    const sectionLatest = await Promise.all(sections.map((s) => deps.articles.listPublished({ limit: 1, sectionSlug: s.slug })));
    const newestOverall = latest.items[0]?.updatedAt ?? null;
    const entries: SitemapEntry[] = [
      { loc: url('/'), lastmod: newestOverall },
      { loc: url('/latest'), lastmod: newestOverall },
      ...sections.map((s, i) => ({ loc: url(`/section/${encodeURIComponent(s.slug)}`), lastmod: sectionLatest[i]?.items[0]?.updatedAt ?? null })),
    ];
    return sitemapPage(entries, renderUrlSet(entries));
  }));

  app.get('/sitemaps/:file', async (request, reply) => {
    const parsed = monthFile.safeParse(request.params);
    if (!parsed.success) return sendPage(request, reply, notFoundResource('Sitemap'));
    const month = parsed.data.file.slice(0, 7);
    return respond(request, reply, cacheKey(`/sitemaps/${month}.xml`), async () => {
      const stories = await deps.articles.listPublishedInMonth(month);
      if (stories.length === 0) return notFoundResource('Sitemap');
      const entries = stories.map((s) => ({ loc: url(articlePath(s)), lastmod: s.updatedAt }));
      return sitemapPage(entries, renderUrlSet(entries));
    });
  });

  app.get('/news-sitemap.xml', async (request, reply) => {
    const bucket = Math.floor(deps.clock.now().getTime() / NEWS_BUCKET_MS);
    return respond(request, reply, cacheKey('/news-sitemap.xml', { minute: bucket }), async () => {
      const since = new Date(bucket * NEWS_BUCKET_MS - NEWS_WINDOW_MS);
      const stories = await deps.articles.listFirstPublishedSince(since, NEWS_MAX_STORIES);
      const publication = { name: deps.settings.siteName, language: newsLanguage(deps.settings.locale) };
      const body = renderNewsSitemap(publication, stories.map((s) => ({ loc: url(articlePath(s)), title: s.headline, publishedAt: s.firstPublishedAt })));
      // No Last-Modified: stories age out of the window without any story changing, so only the ETag tells.
      return makePage({ contentType: SITEMAP_CONTENT_TYPE, body, tags: SITEMAP_TAGS, maxAge: NEWS_MAX_AGE });
    });
  });

  app.get('/robots.txt', async (request, reply) => respond(request, reply, cacheKey('/robots.txt'), async () => makePage({
    contentType: 'text/plain; charset=utf-8',
    body: renderRobotsTxt([url('/sitemap.xml'), url('/news-sitemap.xml')]),
    maxAge: 3600,
  })));
}
