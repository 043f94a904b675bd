/** @module Reader routes for lists: latest, section, topic and author pages with keyset paging. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ListOwner } from '../../../core/articles/reader-service.js';
import { html } from '../html/html.js';
import { cacheKey, createCachedResponder } from '../cached-response.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage } from '../page-cache.js';
import { slugParams } from '../route-params.js';
import { renderListPage, type ListContext } from './list-page.js';
import { renderNotFoundPage } from './simple-pages.js';
import { createSiteContextFactory } from './site-context-factory.js';

const HTML = 'text/html; charset=utf-8';
const listQuery = z.object({ before: z.string().max(200).regex(/^[\w-]*$/).optional() });
const KIND_LABEL = { person: 'Person', place: 'Place', organisation: 'Organisation', subject: 'Subject' } as const;

/** Title, path, feed and cache tag of a list's owner. */
export function describeOwner(owner: ListOwner, siteName: string): Omit<ListContext, 'stories' | 'nextCursor' | 'isFirstPage'> & { tag: string } {
  switch (owner.kind) {
    case 'latest':
      return { title: 'Latest', kicker: null, description: `The latest stories from ${siteName}`, path: '/latest', feedPath: '/feed.xml', tag: 'home' };
    case 'section': {
      const base = `/section/${encodeURIComponent(owner.section.slug)}`;
      return { title: owner.section.name, kicker: 'Section', description: `${owner.section.name} news from ${siteName}`, path: base, feedPath: `${base}/feed.xml`, tag: `section:${owner.section.slug}` };
    }
    case 'topic': {
      const base = `/topic/${encodeURIComponent(owner.topic.slug)}`;
      const actions = html`<button type="button" class="follow-button" data-follow-topic="${owner.topic.slug}" data-topic-name="${owner.topic.name}" aria-pressed="false" hidden>Follow<span class="visually-hidden"> ${owner.topic.name}</span></button>`;
      return { title: owner.topic.name, kicker: `Topic · ${KIND_LABEL[owner.topic.kind]}`, description: `Stories about ${owner.topic.name} from ${siteName}`, path: base, feedPath: `${base}/feed.xml`, tag: `topic:${owner.topic.slug}`, actions };
    }
    case 'author': {
      const base = `/author/${encodeURIComponent(owner.author.slug)}`;
      return { title: owner.author.name, kicker: 'Author', description: owner.author.bio ?? `Stories by ${owner.author.name}`, path: base, feedPath: `${base}/feed.xml`, tag: `author:${owner.author.slug}` };
    }
  }
}

export function registerListRoutes(app: FastifyInstance, deps: HttpDeps): void {
  const siteContext = createSiteContextFactory(deps);
  const respond = createCachedResponder(deps.pageCache);

  const serve = (kind: ListOwner['kind']) => async (request: import('fastify').FastifyRequest, reply: import('fastify').FastifyReply) => {
    const slug = kind === 'latest' ? '' : slugParams.parse(request.params).slug;
    const parsed = listQuery.safeParse(request.query);
    const before = parsed.success ? (parsed.data.before ?? null) : null;
    return respond(request, reply, cacheKey(kind === 'latest' ? '/latest' : `/${kind}/${slug}`, { before }), async () => {
      const [site, owner] = await Promise.all([siteContext(), deps.reader.listOwner(kind, slug)]);
      if (!owner) return makePage({ status: 404, contentType: HTML, body: renderNotFoundPage(site, request.url.split('?')[0] ?? '/') });
      const page = await deps.reader.list(owner, before);
      const { tag, ...described } = describeOwner(owner, site.siteName);
      return makePage({
        contentType: HTML,
        body: renderListPage(site, { ...described, stories: page.items, nextCursor: page.next, isFirstPage: !before }),
        tags: [tag],
      });
    });
  };

  app.get('/latest', serve('latest'));
  app.get('/section/:slug', serve('section'));
  app.get('/topic/:slug', serve('topic'));
  app.get('/author/:slug', serve('author'));
}
