/** @module Sitemap routes: the index, the site's pages, the monthly story sitemaps in parts, the Google News sitemaps, robots.txt. */
import type { FastifyInstance } from 'fastify';
import type { Edition } from '../../../core/editions/edition.js';
import { editionGet } from '../site/edition-routes.js';
import { z } from 'zod';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage, type Page } from '../page-cache.js';
import { sendPage } from '../send-page.js';
import { absoluteUrl } from '../site/site-context.js';
import { createMonthSitemaps } from './month-sitemaps.js';
import { latestIn } from '../site/list-last-modified.js';
import { renderNewsSitemaps } from './news-sitemaps.js';
import { notFoundResource } from './not-found-resource.js';
import { createRenderClock } from './render-clock.js';
import { monthPartFile, parseMonthPartFile, parseNewsPartFile } from './sitemap-parts.js';
import { renderRobotsTxt, renderSitemapIndex, renderUrlSet, SITEMAP_CONTENT_TYPE, type SitemapEntry } from './sitemaps.js';

const SITEMAP_TAGS = ['home', 'feeds'];
const SITEMAP_MAX_AGE = 900;
/** The news sitemaps change as time passes, not only on publish: they are cached per minute of the clock. */
const NEWS_BUCKET_MS = 60 * 1000;
const NEWS_MAX_AGE = 60;
const ROBOTS_MAX_AGE = 3600;

const fileParam = z.object({ file: z.string() });

export function registerSitemapRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const respond = createCachedResponder(deps.pageCache);
  const url = (path: string) => absoluteUrl(deps.settings, path);
  const months = createMonthSitemaps(deps, url);
  // Age-outs and edition changes carry no date of their own: these are dated when this process first rendered their bytes.
  const renderedAt = createRenderClock(deps.clock);
  const sitemapPage = (body: string, lastModified: Date | null): Page =>
    makePage({ contentType: SITEMAP_CONTENT_TYPE, body, lastModified, tags: SITEMAP_TAGS, maxAge: SITEMAP_MAX_AGE });

  editionGet(app, deps.editions, '/sitemap.xml', async (request, reply, edition) => respond(request, reply, cacheKey(`${edition.pathPrefix}/sitemap.xml`), async () => {
    const files = await months.index(edition);
    const entries: SitemapEntry[] = [{ loc: url(`${edition.pathPrefix}/sitemap-pages.xml`), lastmod: files[0]?.lastmod ?? null }, ...files];
    return sitemapPage(renderSitemapIndex(entries), latestIn(entries.map((e) => e.lastmod)));
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
    return sitemapPage(renderUrlSet(entries), latestIn(entries.map((e) => e.lastmod)));
  }));

  editionGet(app, deps.editions, '/sitemaps/:file', async (request, reply, edition) => {
    const file = parseMonthPartFile(fileParam.parse(request.params).file);
    if (!file) return sendPage(request, reply, notFoundResource('Sitemap'));
    return respond(request, reply, cacheKey(`${edition.pathPrefix}/sitemaps/${monthPartFile(file.month, file.part)}`), async () => {
      const part = await months.part(edition, file.month, file.part);
      return part ? sitemapPage(part.body, part.lastModified) : notFoundResource('Sitemap');
    });
  });

  /** The news sitemaps of the current minute: the index lists every file, so no recent story is left out. */
  const newsFiles = (edition: Edition) => {
    const bucket = Math.floor(deps.clock.now().getTime() / NEWS_BUCKET_MS);
    return { bucket, render: () => renderNewsSitemaps(deps, edition, new Date(bucket * NEWS_BUCKET_MS), url) };
  };
  const newsPage = (path: string, body: string) =>
    renderedAt(path, makePage({ contentType: SITEMAP_CONTENT_TYPE, body, tags: SITEMAP_TAGS, maxAge: NEWS_MAX_AGE }));

  editionGet(app, deps.editions, '/news-sitemap.xml', async (request, reply, edition) => {
    const { bucket, render } = newsFiles(edition);
    const path = `${edition.pathPrefix}/news-sitemap.xml`;
    return respond(request, reply, cacheKey(path, { minute: bucket }), async () => {
      const files = await render();
      const entries = files.map((f, i) => ({ loc: url(`${edition.pathPrefix}/news-sitemaps/${i + 1}.xml`), lastmod: f.newest }));
      return newsPage(path, renderSitemapIndex(entries));
    });
  });

  editionGet(app, deps.editions, '/news-sitemaps/:file', async (request, reply, edition) => {
    const number = parseNewsPartFile(fileParam.parse(request.params).file);
    if (number === null) return sendPage(request, reply, notFoundResource('Sitemap'));
    const { bucket, render } = newsFiles(edition);
    const path = `${edition.pathPrefix}/news-sitemaps/${number}.xml`;
    return respond(request, reply, cacheKey(path, { minute: bucket }), async () => {
      const file = (await render())[number - 1];
      // A file past the last is gone for now; it may come back as stories are published, so it is never cached.
      return file ? newsPage(path, file.body) : notFoundResource('Sitemap');
    });
  });

  app.get('/robots.txt', async (request, reply) => respond(request, reply, cacheKey('/robots.txt'), async () => {
    const editions = deps.editions.all();
    const body = renderRobotsTxt(editions.flatMap((e) => [url(`${e.pathPrefix}/sitemap.xml`), url(`${e.pathPrefix}/news-sitemap.xml`)]), editions.map((e) => e.pathPrefix));
    return renderedAt('/robots.txt', makePage({ contentType: 'text/plain; charset=utf-8', body, maxAge: ROBOTS_MAX_AGE }));
  }));
}

/** Every edition's home as alternates of each other; x-default is the first edition's. */
function homeAlternates(editions: readonly Edition[], home: (e: Edition) => string): { hreflang: string; href: string }[] {
  if (editions.length < 2) return [];
  const first = editions[0] as Edition;
  return [...editions.map((e) => ({ hreflang: e.language, href: home(e) })), { hreflang: 'x-default', href: home(first) }];
}
