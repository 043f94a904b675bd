/** @module What every reader page needs to know about the site and the moment it is rendered. */
import type { NamedRef } from '../../../core/articles/article.js';
import type { Edition } from '../../../core/articles/update-time.js';

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
  edition: Edition;
  sections: NamedRef[];
  assets: AssetUrls;
  now: Date;
}

/** The head metadata of one page. */
export interface PageMeta {
  title: string;
  description: string;
  /** Site-relative canonical path. */
  path: string;
  /** Feeds to announce with <link rel="alternate">. */
  feeds?: { title: string; path: string }[];
  type?: 'website' | 'article';
  image?: string | null;
  noindex?: boolean;
}

export function absoluteUrl(site: Pick<SiteContext, 'siteUrl'>, path: string): string {
  return `${site.siteUrl}${path.startsWith('/') ? path : `/${path}`}`;
}
