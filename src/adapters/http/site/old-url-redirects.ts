/**
 * @module Old links of an imported site (WordPress, Ghost) answered with a 301 to the new page: stories, section, tag
 * and author archives, and old feed addresses. Looked up only where nothing else answers — the not-found path, the
 * home page asked with a WordPress query (`/?p=123`), and an author, section or topic page whose slug nobody has
 * (list-routes.ts: `/author/login/`) — so a warm page (a cache hit before routing) pays nothing.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { EditionDirectory } from '../../../core/editions/edition-directory.js';
import type { OldUrlLookup, OldUrlTarget } from '../../../core/site-import/site-import-store.js';
import { normaliseOldPath } from '../../../core/site-import/site-post.js';
import { surrogateKeyHeaders } from '../edge-cache-policy.js';

/** Old addresses do not change: browsers keep a redirect an hour, the edge a day (purged with the story's key when it changes). */
export const OLD_URL_CACHE_CONTROL = 'public, max-age=3600, s-maxage=86400';

/** WordPress's query forms that name one thing: a post, a page, a category, a tag or an author. */
const QUERY_KEYS = ['p', 'page_id', 'cat', 'tag', 'author'] as const;

/**
 * Old feed addresses: the site's (WordPress `/feed/`, `/feed/atom/`; Ghost `/rss/`) and an archive's (WordPress
 * `/category/x/feed/`, `/tag/x/feed/`, `/author/login/feed/`; Ghost `/tag/x/rss/`, `/author/x/rss/`).
 */
const FEED = /^(?:(\/(category|tag|author)\/(?:[^/]+\/)*([^/]+)))?\/(?:feed(?:\/(rss2?|atom|rdf))?|rss)$/;

/** A later page of an archive or a paged post (`/category/x/page/2/`): the part before `/page/N`. */
const ARCHIVE_PAGE = /^(\/.+)\/page\/\d+$/;

/** An old feed address: the feed file it asks for, and the old archive whose feed it is (null: the site's). */
export interface OldFeed {
  file: 'feed.xml' | 'feed.atom';
  archive: string | null;
  /** The new feed when the archive is not an imported one: a category's or tag's slug as it was (an author's login says nothing). */
  guess: string | null;
}

export interface OldUrlDeps {
  oldUrls?: OldUrlLookup;
  editions: EditionDirectory;
}

export interface OldUrlRedirect {
  location: string;
  tags: string[];
}

function newPathOf(target: OldUrlTarget, editions: EditionDirectory): string {
  const prefix = (target.edition ? editions.byId(target.edition) : null)?.pathPrefix ?? editions.first().pathPrefix;
  // An edition's static page lives at its kind (`/about`, `/ar/privacy`).
  if (target.kind === 'page') return `${prefix}/${encodeURIComponent(target.slug)}`;
  return `${prefix}/${target.kind}/${encodeURIComponent(target.slug)}`;
}

/** The paths an old request may be stored under: its query form (`?p=123`) when it has one, then its path. */
export function oldPathsOf(url: string): { paths: string[]; feed: OldFeed | null } {
  const [rawPath = '/', query = ''] = url.split('?', 2);
  const paths: string[] = [];
  const params = new URLSearchParams(query);
  for (const key of QUERY_KEYS) {
    const value = params.get(key);
    if (value) paths.push(`?${key}=${value.normalize('NFC')}`);
  }
  const path = normaliseOldPath(rawPath);
  if (path !== '/') paths.push(path);
  // A later page of an archive (`/category/x/page/2/`, `/author/login/page/3/`) leads to the archive's new page.
  const paged = ARCHIVE_PAGE.exec(path);
  if (paged?.[1]) paths.push(paged[1]);
  const feed = FEED.exec(path);
  if (!feed) return { paths, feed: null };
  const file = feed[4] === 'atom' ? 'feed.atom' : 'feed.xml';
  const [, archive = null, kind, slug = ''] = feed;
  const guess = kind === 'category' || kind === 'tag' ? `/${kind === 'category' ? 'section' : 'topic'}/${encodeURIComponent(slug)}/${file}` : null;
  return { paths, feed: { file, archive, guess } };
}

/** The new address of an old one (percent-encoded: headers are ASCII), or null when it is not an old address this site knows. */
export async function findOldUrlRedirect(deps: OldUrlDeps, url: string): Promise<OldUrlRedirect | null> {
  const { paths, feed } = oldPathsOf(url);
  const prefix = deps.editions.first().pathPrefix;
  if (feed && !feed.archive) return { location: `${prefix}/${feed.file}`, tags: ['feeds'] };
  if (!deps.oldUrls || paths.length === 0) return feed?.guess ? { location: `${prefix}${feed.guess}`, tags: ['feeds'] } : null;
  if (feed?.archive) {
    // An imported archive's feed follows the archive to its new slug.
    const target = await deps.oldUrls.find([feed.archive]);
    if (target) return { location: `${newPathOf(target, deps.editions)}/${feed.file}`, tags: ['feeds', `${target.kind}:${target.slug}`] };
    return feed.guess ? { location: `${prefix}${feed.guess}`, tags: ['feeds'] } : null;
  }
  const target = await deps.oldUrls.find(paths);
  return target ? { location: newPathOf(target, deps.editions), tags: [`${target.kind}:${target.slug}`] } : null;
}

/** Old addresses do not change: what a 301 to the new one says to browsers and the edge, with the target's surrogate key. */
export function oldUrlRedirectHeaders(redirect: OldUrlRedirect): Record<string, string> {
  return { location: redirect.location, 'cache-control': OLD_URL_CACHE_CONTROL, ...surrogateKeyHeaders(redirect.tags) };
}

export function sendOldUrlRedirect(reply: FastifyReply, redirect: OldUrlRedirect): FastifyReply {
  return reply.code(301).headers(oldUrlRedirectHeaders(redirect)).send();
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
