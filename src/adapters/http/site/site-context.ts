/** @module What every reader page needs to know about the site, its edition and the moment it is rendered. */
import type { SitePageKind } from '../../../core/site-pages/site-page.js';
import type { NamedRef } from '../../../core/articles/article.js';
import type { Edition } from '../../../core/editions/edition.js';
import type { Translate } from '../i18n/translate.js';
import type { SiteImage } from './site-images.js';

export interface AssetUrls {
  css: string;
  printCss: string;
  js: string;
  icon: string;
  /** The newsroom's editor script and stylesheet (only newsroom pages load them). */
  newsroomJs: string;
  newsroomCss: string;
}

export interface SiteContext {
  siteName: string;
  siteDescription: string;
  /** Absolute origin without trailing slash, e.g. https://news.example.com */
  siteUrl: string;
  /** The edition this page belongs to: its language, direction, locale, zone and URL prefix. */
  edition: Edition;
  /** Every edition of the site, first (served at /) first: the language switcher. */
  editions: readonly Edition[];
  /** The edition's words: every reader-facing string of a page goes through it (ICU messages, rule 16). */
  t: Translate;
  /** The sections of this page's edition. */
  sections: NamedRef[];
  assets: AssetUrls;
  now: Date;
  /** The admin's share image and publisher logo (site settings, see site-images.ts); the generated defaults when absent. */
  shareImage?: string;
  publisherLogo?: string;
  /** The static pages this edition has (About, Contact …), linked from the footer. */
  pages?: readonly SitePageKind[];
}

/** This page in another edition (a translation), announced with hreflang and offered as "Read in …". */
export interface PageAlternate {
  edition: Edition;
  /** Site-relative path of the translated page. */
  path: string;
}

/** The head metadata of one page. */
export interface PageMeta {
  title: string;
  description: string;
  /** Site-relative canonical path (with the edition's prefix). */
  path: string;
  /** Feeds to announce with <link rel="alternate">. */
  feeds?: { title: string; path: string }[];
  type?: 'website' | 'article';
  /** The page's own image for link previews (a story's lead photo); the site's share image when absent. */
  image?: SiteImage | null;
  noindex?: boolean;
  /** The same page in other editions (hreflang alternates); the page's own edition is not listed. */
  alternates?: PageAlternate[];
}

export function absoluteUrl(site: Pick<SiteContext, 'siteUrl'>, path: string): string {
  return `${site.siteUrl}${path.startsWith('/') ? path : `/${path}`}`;
}

/** A path inside the page's edition: `/latest` → `/ar/latest` on the Arabic edition. */
export function editionPath(site: Pick<SiteContext, 'edition'>, path: string): string {
  const prefix = site.edition.pathPrefix;
  if (!prefix) return path;
  return path === '/' ? `${prefix}/` : `${prefix}${path}`;
}
