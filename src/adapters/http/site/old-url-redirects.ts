/**
 * @module Old links of an imported site (WordPress, Ghost) answered with a 301 to the new page: stories, section, tag
 * and author archives, and old feed addresses. Looked up only where nothing else answers — the not-found path, and
 * the home page asked with a WordPress query (`/?p=123`) — so a warm page (a cache hit before routing) pays nothing.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EditionDirectory } from '../../../core/editions/edition-directory.js';
import type { OldUrlLookup, OldUrlTarget } from '../../../core/site-import/site-import-store.js';
import { normaliseOldPath } from '../../../core/site-import/site-post.js';
import { surrogateKeyHeaders } from '../edge-cache-policy.js';

/** Old addresses do not change: browsers keep a redirect an hour, the edge a day (purged with the story's key when it changes). */
export const OLD_URL_CACHE_CONTROL = 'public, max-age=3600, s-maxage=86400';

/** WordPress's query forms that name one thing: a post, a page, a category or a tag. */
const QUERY_KEYS = ['p', 'page_id', 'cat', 'tag'] as const;

/** Old feed addresses: WordPress (`/feed/`, `/feed/atom/`, `/category/x/feed/`) and Ghost (`/rss/`, `/tag/x/rss/`). */
const FEED = /^(?:\/(category|tag)\/(?:[^/]+\/)*([^/]+))?\/(?:feed(?:\/(rss2?|atom|rdf))?|rss)$/;

export interface OldUrlDeps {
  oldUrls?: OldUrlLookup;
  editions: EditionDirectory;
}

function newPathOf(target: OldUrlTarget, editions: EditionDirectory): string {
  const prefix = (target.edition ? editions.byId(target.edition) : null)?.pathPrefix ?? editions.first().pathPrefix;
  const base = target.kind === 'article' ? 'article' : target.kind;
  return `${prefix}/${base}/${encodeURIComponent(target.slug)}`;
}

/** The paths an old request may be stored under: its query form (`?p=123`) when it has one, then its path. */
export function oldPathsOf(url: string): { paths: string[]; feed: string | null } {
  const [rawPath = '/', query = ''] = url.split('?', 2);
  const paths: string[] = [];
  const params = new URLSearchParams(query);
  for (const key of QUERY_KEYS) {
    const value = params.get(key);
    if (value) paths.push(`?${key}=${value.normalize('NFC')}`);
  }
  const path = normaliseOldPath(rawPath);
  if (path !== '/') paths.push(path);
  const feed = FEED.exec(path);
  if (!feed) return { paths, feed: null };
  const file = feed[3] === 'atom' ? 'feed.atom' : 'feed.xml';
  return { paths, feed: feed[1] ? `/${feed[1] === 'category' ? 'section' : 'topic'}/${encodeURIComponent(feed[2] ?? '')}/${file}` : `/${file}` };
}

/** The new address of an old one (percent-encoded: headers are ASCII), or null when it is not an old address this site knows. */
export async function findOldUrlRedirect(deps: OldUrlDeps, url: string): Promise<{ location: string; tags: string[] } | null> {
  const { paths, feed } = oldPathsOf(url);
  if (feed) return { location: `${deps.editions.first().pathPrefix}${feed}`, tags: ['feeds'] };
  if (!deps.oldUrls || paths.length === 0) return null;
  const target = await deps.oldUrls.find(paths);
  return target ? { location: newPathOf(target, deps.editions), tags: [`${target.kind}:${target.slug}`] } : null;
}

export function sendOldUrlRedirect(reply: FastifyReply, redirect: { location: string; tags: string[] }): FastifyReply {
  return reply.code(301).headers({ location: redirect.location, 'cache-control': OLD_URL_CACHE_CONTROL, ...surrogateKeyHeaders(redirect.tags) }).send();
}

/**
 * `/?p=123` is the home page's route with a query: answered here before it renders. Any other old address reaches
 * the not-found handler, which asks findOldUrlRedirect (build-app.ts).
 */
export function registerOldUrlRedirects(app: FastifyInstance, deps: OldUrlDeps): void {
  if (!deps.oldUrls) return;
  app.addHook('onRequest', async (request, reply) => {
    const url = request.url;
    if (!(url.startsWith('/?') || url.startsWith('/index.php?')) || (request.method !== 'GET' && request.method !== 'HEAD')) return;
    const redirect = await findOldUrlRedirect(deps, url);
    if (redirect) return sendOldUrlRedirect(reply, redirect);
  });
}
