/** @module Reader routes for stories: home, article page, the infinite-scroll fragment, short links. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { articlePath } from '../../../core/articles/article.js';
import { isShortCode } from '../../../core/short-links/short-code.js';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage } from '../page-cache.js';
import { slugParams } from '../route-params.js';
import { renderArticleFragment, renderArticlePage } from './article-page.js';
import { renderHomePage } from './home-page.js';
import { renderGonePage, renderNotFoundPage } from './simple-pages.js';
import { createSiteContextFactory } from './site-context-factory.js';
import { renderChangesPage } from './changes-page.js';

const HTML = 'text/html; charset=utf-8';

/** Surrogate keys of a page that shows a story: its own, and those of the lists it links to (section, topics, authors). */
function storyPageTags(article: { slug: string; section: { slug: string }; topics: readonly { slug: string }[]; authors: readonly { slug: string }[] }): string[] {
  return [
    `article:${article.slug}`, `section:${article.section.slug}`,
    ...article.topics.map((t) => `topic:${t.slug}`), ...article.authors.map((a) => `author:${a.slug}`),
  ];
}

export function registerStoryRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const siteContext = createSiteContextFactory(deps);
  const respond = createCachedResponder(deps.pageCache);

  app.get('/', async (request, reply) =>
    respond(request, reply, cacheKey('/'), async () => {
      const [site, home] = await Promise.all([siteContext(), deps.reader.home()]);
      // No Last-Modified: home is made of many stories and blocks, so only its ETag tells when it changed.
      return makePage({ contentType: HTML, body: renderHomePage(site, home), tags: ['home'] });
    }));

  app.get('/article/:slug', async (request, reply) => {
    const { slug } = slugParams.parse(request.params);
    return respond(request, reply, cacheKey(`/article/${slug}`), async () => {
      const [site, found] = await Promise.all([siteContext(), deps.reader.story(slug)]);
      const path = `/article/${encodeURIComponent(slug)}`;
      if (found.kind === 'gone') return makePage({ status: 410, contentType: HTML, body: renderGonePage(site, path) });
      if (found.kind === 'missing') return makePage({ status: 404, contentType: HTML, body: renderNotFoundPage(site, path) });
      const { article } = found;
      return makePage({
        contentType: HTML,
        body: renderArticlePage(site, found),
        lastModified: article.updatedAt,
        tags: storyPageTags(article),
      });
    });
  });

  app.get('/article/:slug/changes', async (request, reply) => {
    const { slug } = slugParams.parse(request.params);
    return respond(request, reply, cacheKey(`/article/${slug}/changes`), async () => {
      const [site, found] = await Promise.all([siteContext(), deps.reader.story(slug)]);
      const path = `/article/${encodeURIComponent(slug)}/changes`;
      if (found.kind === 'gone') return makePage({ status: 410, contentType: HTML, body: renderGonePage(site, path) });
      if (found.kind === 'missing') return makePage({ status: 404, contentType: HTML, body: renderNotFoundPage(site, path) });
      const versions = await deps.publicRevisions(found.article.id);
      return makePage({ contentType: HTML, body: renderChangesPage(site, found.article, versions), lastModified: found.article.updatedAt, tags: [`article:${found.article.slug}`] });
    });
  });

  app.get('/fragment/article/:slug', async (request, reply) => {
    const { slug } = slugParams.parse(request.params);
    return respond(request, reply, cacheKey(`/fragment/article/${slug}`), async () => {
      const [site, found] = await Promise.all([siteContext(), deps.reader.story(slug)]);
      if (found.kind !== 'found') return makePage({ status: found.kind === 'gone' ? 410 : 404, contentType: HTML, body: '' });
      return makePage({
        contentType: HTML,
        body: renderArticleFragment(site, found),
        lastModified: found.article.updatedAt,
        tags: storyPageTags(found.article),
      });
    });
  });

  app.get('/s/:code', async (request, reply) => {
    const { code } = z.object({ code: z.string().max(64) }).parse(request.params);
    const slug = isShortCode(code) ? await deps.articles.findSlugByShortCode(code) : null;
    if (!slug) {
      const site = await siteContext();
      return reply.code(404).type(HTML).header('cache-control', 'no-cache').send(renderNotFoundPage(site, `/s/${code}`));
    }
    // Always this site's own origin: a short link can never lead anywhere else.
    return reply.code(301).header('cache-control', 'public, max-age=300').redirect(`${deps.settings.siteUrl}${articlePath({ slug })}`, 301);
  });
}
