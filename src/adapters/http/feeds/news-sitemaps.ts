/** @module The Google News sitemaps of one edition: every story first published in the last 48 hours, newest first, 1,000 to a file. */
import { articlePath } from '../../../core/articles/article.js';
import type { Edition } from '../../../core/editions/edition.js';
import type { HttpDeps } from '../http-deps.js';
import { NEWS_SITEMAP_MAX_URLS, SITEMAP_MAX_BYTES, splitSitemapLines, type SitemapLimits } from './sitemap-parts.js';
import { newsLanguage, newsLine, wrapNewsUrlSet } from './sitemaps.js';

/** Google News takes stories of the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
/**
 * Stories the news sitemaps cover at most: twenty files, a story every nine seconds for two days. Past that the
 * oldest of the window are left to the monthly sitemaps (and the id list stays within every database's parameter limit).
 */
export const NEWS_WINDOW_MAX_STORIES = 20 * NEWS_SITEMAP_MAX_URLS;

const LIMITS: SitemapLimits = { maxUrls: NEWS_SITEMAP_MAX_URLS, maxBytes: SITEMAP_MAX_BYTES, wrapperBytes: Buffer.byteLength(wrapNewsUrlSet([]), 'utf8') };

export interface NewsSitemapFile {
  body: string;
  /** The newest first publication in the file. */
  newest: Date | null;
}

/** Every file of the window ending at `now`: always at least one, so the index never lists nothing. */
export async function renderNewsSitemaps(deps: Pick<HttpDeps, 'articles' | 'settings'>, edition: Edition, now: Date, url: (path: string) => string): Promise<NewsSitemapFile[]> {
  const since = new Date(now.getTime() - NEWS_WINDOW_MS);
  const stories = await deps.articles.listFirstPublishedSince(since, NEWS_WINDOW_MAX_STORIES, edition.id);
  const publication = { name: deps.settings.siteName, language: newsLanguage(edition.language) };
  const lines = stories.map((s) => newsLine(publication, { loc: url(articlePath(s)), title: s.headline, publishedAt: s.firstPublishedAt }));
  return splitSitemapLines(lines, LIMITS).map(({ start, end }) => ({
    body: wrapNewsUrlSet(lines.slice(start, end)),
    newest: stories[start] && end > start ? stories[start].firstPublishedAt : null,
  }));
}
