/** @module Renders sitemap XML (index, URL sets, Google News) and robots.txt; every inserted value is XML-escaped. */
import { escapeXml } from './xml-escape.js';

export const SITEMAP_CONTENT_TYPE = 'application/xml; charset=utf-8';

const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';
const XHTML_NS = 'http://www.w3.org/1999/xhtml';

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  lastmod: Date | null;
  /** The page in every language it exists in, itself included, plus x-default (Google's hreflang in sitemaps). */
  alternates?: { hreflang: string; href: string }[];
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

function alternateLinks(entry: SitemapEntry): string {
  return (entry.alternates ?? []).map((a) => `<xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`).join('');
}

function hasAlternates(entry: SitemapEntry): boolean {
  return (entry.alternates?.length ?? 0) > 0;
}

/** One <url> of a URL set, a line of its own (sitemaps are split by the bytes of these lines). */
export function urlLine(entry: SitemapEntry): string {
  return `  <url>${locAndLastmod(entry)}${alternateLinks(entry)}</url>\n`;
}

/** A URL set around lines from urlLine; the xhtml namespace only when some line has alternates. */
export function wrapUrlSet(lines: readonly string[], withAlternates: boolean): string {
  const namespaces = withAlternates ? `xmlns="${SITEMAP_NS}" xmlns:xhtml="${XHTML_NS}"` : `xmlns="${SITEMAP_NS}"`;
  return `${XML_DECLARATION}\n<urlset ${namespaces}>\n${lines.join('')}</urlset>\n`;
}

/** A sitemap: one <url> per page, with its translations as xhtml:link alternates. */
export function renderUrlSet(entries: readonly SitemapEntry[]): string {
  return wrapUrlSet(entries.map(urlLine), entries.some(hasAlternates));
}

/** One <url> of a Google News sitemap (https://developers.google.com/search/docs/crawling-indexing/sitemaps/news-sitemap). */
export function newsLine(publication: NewsPublication, entry: NewsSitemapEntry): string {
  const pub = `<news:publication>${element('news:name', publication.name)}${element('news:language', publication.language)}</news:publication>`;
  return [
    `  <url>${element('loc', entry.loc)}\n`,
    `    <news:news>${pub}${element('news:publication_date', entry.publishedAt.toISOString())}${element('news:title', entry.title)}</news:news>\n`,
    '  </url>\n',
  ].join('');
}

export function wrapNewsUrlSet(lines: readonly string[]): string {
  return `${XML_DECLARATION}\n<urlset xmlns="${SITEMAP_NS}" xmlns:news="${NEWS_NS}">\n${lines.join('')}</urlset>\n`;
}

/** The Google News language of a locale: the ISO 639 language, except Chinese which keeps its script region. */
export function newsLanguage(locale: string): string {
  const lower = locale.trim().toLowerCase().replace(/_/g, '-');
  if (/^zh-(cn|sg|hans)/.test(lower)) return 'zh-cn';
  if (/^zh-(tw|hk|mo|hant)/.test(lower)) return 'zh-tw';
  return lower.split('-')[0] || 'en';
}

/**
 * robots.txt: everything may be crawled except search results, per-reader fragments and the live-update stream, in
 * every edition (prefixes '' and '/ar' …); /live is one stream for the whole site.
 */
export function renderRobotsTxt(sitemapUrls: readonly string[], editionPrefixes: readonly string[] = ['']): string {
  const prefixes = editionPrefixes.map((p) => p.replace(/[^\w/-]/g, ''));
  const lines = ['User-agent: *', 'Allow: /', 'Disallow: /live', ...prefixes.flatMap((p) => [`Disallow: ${p}/search`, `Disallow: ${p}/fragment/`, `Disallow: ${p}/following/stories`]), ''];
  // A line break in a configured URL would smuggle in a directive of its own.
  return `${[...lines, ...sitemapUrls.map((url) => `Sitemap: ${url.replace(/[\r\n]/g, '')}`)].join('\n')}\n`;
}
