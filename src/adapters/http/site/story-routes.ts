/** @module Reader routes for stories in every edition: home, article page, What changed, the infinite-scroll fragment, short links. */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { articlePath, type Article, type ArticleSummary } from '../../../core/articles/article.js';
import type { ArticleLookup } from '../../../core/articles/reader-service.js';
import type { Edition } from '../../../core/editions/edition.js';
import { isShortCode } from '../../../core/short-links/short-code.js';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import { surrogateKeyHeaders } from '../edge-cache-policy.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage } from '../page-cache.js';
import { slugParams } from '../route-params.js';
import { renderArticleFragment, renderArticlePage } from './article-page.js';
import { editionGet } from './edition-routes.js';
import { latestOf, listChangeClock } from './list-last-modified.js';
import { renderHomePage } from './home-page.js';
import { renderGonePage, renderNotFoundPage } from './simple-pages.js';
import { createSiteContextFactory } from './site-context-factory.js';
import type { PageAlternate } from './site-context.js';
import { renderChangesPage } from './changes-page.js';

const HTML = 'text/html; charset=utf-8';

/** Surrogate keys of a page that shows a story: its own, and those of the lists it links to (section, topics, authors). */
function storyPageTags(article: { slug: string; section: { slug: string }; topics: readonly { slug: string }[]; authors: readonly { slug: string }[] }): string[] {
  return [
    `article:${article.slug}`, `section:${article.section.slug}`,
    ...article.topics.map((t) => `topic:${t.slug}`), ...article.authors.map((a) => `author:${a.slug}`),
  ];
}

/**
 * The edition's most read stories for a page (less the story the page shows); none when the ranking fails, which
 * must never cost the page. The pages cache it a minute: its order may lag that much behind the counts.
 */
async function mostReadOf(deps: HttpDeps, edition: string, exceptId?: string): Promise<ArticleSummary[]> {
  if (!deps.mostRead) return [];
  try {
    return (await deps.mostRead.list(edition)).filter((s) => s.id !== exceptId);
  } catch (err) {
    deps.logger?.warn({ err, event: 'most_read.list_failed' }, 'most read could not be listed');
    return [];
  }
}

/** The story's translations as hreflang alternates, for editions this site still has. */
export function translationAlternates(article: Pick<Article, 'translations'>, editions: HttpDeps['editions'], suffix = ''): PageAlternate[] {
  return (article.translations ?? []).flatMap((t) => {
    const edition = editions.byId(t.edition.id);
    return edition ? [{ edition, path: `${articlePath(t)}${suffix}` }] : [];
  });
}

export function registerStoryRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const siteContext = createSiteContextFactory(deps);
  const respond = createCachedResponder(deps.pageCache, deps.mostRead?.counter ?? null);
  /** A story asked for under another edition's prefix moves to its own address (slugs are unique site-wide). */
  const elsewhere = (reply: FastifyReply, article: Article, edition: Edition, suffix = ''): FastifyReply | null =>
    article.edition.id === edition.id ? null : reply.code(301).header('cache-control', 'public, max-age=300').redirect(`${articlePath(article)}${suffix}`, 301);

  editionGet(app, deps.editions, '/', async (request, reply, edition) =>
    respond(request, reply, cacheKey(edition.pathPrefix ? `${edition.pathPrefix}/` : '/'), async () => {
      // Every story change names `home`: its last change, or the newest story shown, is when home's stories last
      // changed. The most-read block changes with readers: new bytes are dated past the last ones (cached-response.ts).
      const lastModified = listChangeClock(deps.pageCache, ['home']);
      const [site, home] = await Promise.all([siteContext(edition), deps.reader.home(edition.id)]);
      const shown = [...home.latest, ...home.sectionBlocks.flatMap((block) => block.stories)];
      const [photos, mostRead] = await Promise.all([deps.reader.photosOf(shown), mostReadOf(deps, edition.id)]);
      return makePage({ contentType: HTML, body: renderHomePage(site, { ...home, photos, mostRead }), tags: ['home'], lastModified: lastModified(shown) });
    }));

  editionGet(app, deps.editions, '/article/:slug', async (request, reply, edition) => {
    const { slug } = slugParams.parse(request.params);
    const key = cacheKey(`${edition.pathPrefix}/article/${slug}`);
    // On a miss the story is read once: to move it to its own edition's address, or to render it.
    let lookup: ArticleLookup | null = null;
    if (!deps.pageCache.get(key)) {
      lookup = await deps.reader.story(slug);
      const moved = lookup.kind === 'found' ? elsewhere(reply, lookup.article, edition) : null;
      if (moved) return moved;
    }
    return respond(request, reply, key, async () => {
      const [site, found] = await Promise.all([siteContext(edition), lookup ?? deps.reader.story(slug)]);
      const own = `${edition.pathPrefix}/article/${encodeURIComponent(slug)}`;
      if (found.kind === 'gone') return makePage({ status: 410, contentType: HTML, body: renderGonePage(site, own) });
      if (found.kind === 'missing') return makePage({ status: 404, contentType: HTML, body: renderNotFoundPage(site, own) });
      const { article } = found;
      const mostRead = await mostReadOf(deps, edition.id, article.id);
      return makePage({
        contentType: HTML,
        body: renderArticlePage(site, { ...found, mostRead, alternates: translationAlternates(article, deps.editions) }),
        // A minor edit keeps the public update time but changes the page: the story's last write dates it.
        lastModified: latestOf(article.updatedAt, article.modifiedAt),
        tags: storyPageTags(article),
        read: { edition: edition.id, articleId: article.id },
      });
    });
  });

  editionGet(app, deps.editions, '/article/:slug/changes', async (request, reply, edition) => {
    const { slug } = slugParams.parse(request.params);
    return respond(request, reply, cacheKey(`${edition.pathPrefix}/article/${slug}/changes`), async () => {
      const [site, found] = await Promise.all([siteContext(edition), deps.reader.story(slug)]);
      const own = `${edition.pathPrefix}/article/${encodeURIComponent(slug)}/changes`;
      if (found.kind === 'gone') return makePage({ status: 410, contentType: HTML, body: renderGonePage(site, own) });
      if (found.kind === 'missing' || found.article.edition.id !== edition.id) return makePage({ status: 404, contentType: HTML, body: renderNotFoundPage(site, own) });
      const versions = await deps.publicRevisions(found.article.id);
      return makePage({ contentType: HTML, body: renderChangesPage(site, found.article, versions), lastModified: latestOf(found.article.updatedAt, found.article.modifiedAt), tags: [`article:${found.article.slug}`] });
    });
  });

  editionGet(app, deps.editions, '/fragment/article/:slug', async (request, reply, edition) => {
    const { slug } = slugParams.parse(request.params);
    return respond(request, reply, cacheKey(`${edition.pathPrefix}/fragment/article/${slug}`), async () => {
      const [site, found] = await Promise.all([siteContext(edition), deps.reader.story(slug)]);
      if (found.kind !== 'found' || found.article.edition.id !== edition.id) return makePage({ status: found.kind === 'gone' ? 410 : 404, contentType: HTML, body: '' });
      // The story brings its own sidebar (Related, Most read) into the stream.
      const mostRead = await mostReadOf(deps, edition.id, found.article.id);
      return makePage({
        contentType: HTML,
        body: renderArticleFragment(site, { ...found, mostRead, alternates: translationAlternates(found.article, deps.editions) }),
        lastModified: latestOf(found.article.updatedAt, found.article.modifiedAt),
        tags: storyPageTags(found.article),
      });
    });
  });

  app.get('/s/:code', async (request, reply) => {
    const { code } = z.object({ code: z.string().max(64) }).parse(request.params);
    const target = isShortCode(code) ? await deps.articles.findShortLinkTarget(code) : null;
    if (target?.status !== 'published') {
      // As the story's own page answers: an unpublished story is gone (410); a draft's code names nothing yet (404).
      const site = await siteContext(target ? (deps.editions.byId(target.edition.id) ?? undefined) : undefined);
      const own = `/s/${encodeURIComponent(code)}`;
      const gone = target?.status === 'unpublished';
      return reply.code(gone ? 410 : 404).type(HTML).header('cache-control', 'no-cache').send(gone ? renderGonePage(site, own) : renderNotFoundPage(site, own));
    }
    // Always this site's own origin: a short link can never lead anywhere else. articlePath percent-encodes the slug (ASCII Location).
    // The story's surrogate key, so the edge drops this redirect with the story (an unpublish turns it into the 410).
    return reply.code(301).header('cache-control', 'public, max-age=300').headers(surrogateKeyHeaders([`article:${target.slug}`]))
      .redirect(`${deps.settings.siteUrl}${articlePath(target)}`, 301);
  });
}
