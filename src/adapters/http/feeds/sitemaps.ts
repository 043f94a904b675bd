/** @module Renders sitemap XML (index, URL sets, Google News) and robots.txt; every inserted value is XML-escaped. */
import { escapeXml } from './xml-escape.js';

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  lastmod: Date | null;
}

export interface NewsSitemapEntry {
  loc: string;
  title: string;
  publishedAt: Date;
}

export interface NewsPublication {
  name: string;
  /** ISO 639 code as Google News wants it: `en`, `fr`, or `zh-cn`/`zh-tw`. */
  language: string;
}

function element(name: string, text: string): string {
  return `<${name}>${escapeXml(text)}</${name}>`;
}

function locAndLastmod(entry: SitemapEntry): string {
  return element('loc', entry.loc) + (entry.lastmod ? element('lastmod', entry.lastmod.toISOString()) : '');
}

/** A sitemap index: one <sitemap> per child sitemap. */
export function renderSitemapIndex(entries: readonly SitemapEntry[]): string {
  const body = entries.map((e) => `  <sitemap>${locAndLastmod(e)}</sitemap>\n`).join('');
  return `${XML_DECLARATION}\n<sitemapindex xmlns="${SITEMAP_NS}">\n${body}</sitemapindex>\n`;
}

/** A sitemap: one <url> per page. */
export function renderUrlSet(entries: readonly SitemapEntry[]): string {
  const body = entries.map((e) => `  <url>${locAndLastmod(e)}</url>\n`).join('');
  return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}">\n${body}</urlset>\n`;
}

/** A Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export function renderNewsSitemap(publication: NewsPublication, entries: readonly NewsSitemapEntry[]): string {
  const pub = `<news:publication>${element('news:name', publication.name)}${element('news:language', publication.language)}</news:publication>`;
  const body = entries.map((e) => [
    `  <url>${element('loc', e.loc)}\n`,
    `    <news:news>${pub}${element('news:publication_date', e.publishedAt.toISOString())}${element('news:title', e.title)}</news:news>\n`,
    '  </url>\n',
  ].join('')).join('');
  return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${body}</urlset>\n`;
}

/** The Google News language of a locale: the ISO 639 language, except Chinese which keeps its script region. */
export function newsLanguage(locale: string): string {
  const lower = locale.trim().toLowerCase().replace(/_/g, '-');
  if (/^zh-(cn|sg|hans)/.test(lower)) return 'zh-cn';
  if (/^zh-(tw|hk|mo|hant)/.test(lower)) return 'zh-tw';
  return lower.split('-')[0] || 'en';
}

/** robots.txt: everything may be crawled except search results and per-reader fragments. */
export function renderRobotsTxt(sitemapUrls: readonly string[]): string {
  const lines = ['User-agent: *', 'Allow: /', 'Disallow: /search', 'Disallow: /fragment/', 'Disallow: /following/stories', ''];
  // A line break in a configured URL would smuggle in a directive of its own.
  return `${[...lines, ...sitemapUrls.map((url) => `Sitemap: ${url.replace(/[\r\n]/g, '')}`)].join('\n')}\n`;
}
