/** @module One story as every feed format sees it: bylines, plain-text headline, all highlights, full text and lead image, with absolute URLs. */
import { articlePath, bodyText, type Article } from '../../../core/articles/article.js';
import { pickFallback, type Photo } from '../../../core/media/photo.js';
import { html } from '../html/html.js';
import { articleBody } from '../site/components/body-blocks.js';
import { leadImage } from '../site/components/article-parts.js';
import { mediaUrl } from '../site/components/responsive-photo.js';
import { absoluteHttpUrl, withAbsoluteUrls } from './feed-html.js';

export interface FeedPerson {
  name: string;
  /** Absolute URL of the person's (or organisation's) page, when there is one. */
  url: string | null;
  /** Only ever set when an address is known: RSS <author> must be an e-mail address. */
  email?: string;
}

export interface FeedImage {
  url: string;
  /** MIME type, when known from the photo's format or the file name. */
  type: string | null;
  width: number | null;
  height: number | null;
  /** Size of the file served at `url`, when known (library photos): an RSS enclosure needs it. */
  bytes: number | null;
  alt: string;
  caption: string;
  credit: string | null;
}

export interface FeedEntry {
  /** Absolute canonical URL, also the entry's id. */
  url: string;
  headline: string;
  /** Every highlight, one per line; the lede when the story has none. */
  summaryText: string;
  /** The same as escaped HTML: a list of the highlights, or the lede as a paragraph. */
  summaryHtml: string;
  /** The story as the article page renders it (lead photo, dateline, body), with absolute URLs; null when the site sends summaries only. */
  contentHtml: string | null;
  image: FeedImage | null;
  /** Bylines in order; an agency story without bylines names the agency, a house story the publication. */
  authors: FeedPerson[];
  section: { name: string; url: string };
  published: Date;
  updated: Date;
}

export interface FeedEntryContext {
  siteUrl: string;
  /** The publication, credited on stories with neither a byline nor an agency. */
  publisher: FeedPerson;
  fullText: boolean;
}

const MIME_BY_FORMAT: Record<string, string> = { jpeg: 'image/jpeg', jpg: 'image/jpeg', png: 'image/png', webp: 'image/webp', avif: 'image/avif', gif: 'image/gif' };

function leadOf(article: Article, photo: Photo | null, siteUrl: string): FeedImage | null {
  const lead = article.lead;
  if (!lead?.url) return null;
  const text = { alt: lead.alt, caption: lead.caption, credit: lead.credit };
  if (photo) {
    const variant = pickFallback(photo);
    return { url: `${siteUrl}${mediaUrl(variant.key)}`, type: MIME_BY_FORMAT[variant.format] ?? null, width: variant.width, height: variant.height, bytes: variant.bytes, ...text };
  }
  const url = absoluteHttpUrl(siteUrl, lead.url);
  if (!url) return null;
  const extension = new URL(url).pathname.split('.').pop()?.toLowerCase() ?? '';
  return { url, type: MIME_BY_FORMAT[extension] ?? null, width: lead.width, height: lead.height, bytes: null, ...text };
}

function authorsOf(article: Article, context: FeedEntryContext): FeedPerson[] {
  const prefix = article.edition.pathPrefix;
  if (article.authors.length > 0) return article.authors.map((a) => ({ name: a.name, url: `${context.siteUrl}${prefix}/author/${encodeURIComponent(a.slug)}` }));
  if (article.source.kind === 'agency') return [{ name: article.source.agency, url: null }];
  return [context.publisher];
}

/** Every highlight, else the lede: what a reader of the feed sees before opening the story. */
function summaryOf(article: Article): { text: string; html: string } {
  if (article.highlights.length > 0) {
    return { text: article.highlights.join('\n'), html: html`<ul>${article.highlights.map((h) => html`<li>${h}</li>`)}</ul>`.toString() };
  }
  const lede = article.body.find((b) => b.type === 'paragraph');
  const text = lede ? bodyText([lede]) : '';
  return { text, html: text ? html`<p>${text}</p>`.toString() : '' };
}

/** The article page's own renderers (escaped text, sanitised HTML blocks), in the story's language and direction. */
function fullTextOf(article: Article, photos: ReadonlyMap<string, Photo>, siteUrl: string): string {
  const lead = article.leadMediaId ? photos.get(article.leadMediaId) ?? null : null;
  const { language, direction } = article.edition;
  const rendered = html`<div lang="${language}" dir="${direction}">${leadImage(article.lead, lead)}${articleBody(article.body, article.dateline, photos)}</div>`;
  return withAbsoluteUrls(rendered.toString(), siteUrl);
}

export function feedEntry(article: Article, photos: ReadonlyMap<string, Photo>, context: FeedEntryContext): FeedEntry {
  const { siteUrl } = context;
  const summary = summaryOf(article);
  const leadPhoto = article.leadMediaId ? photos.get(article.leadMediaId) ?? null : null;
  // Published stories always carry both times; the fallbacks only keep the types honest.
  const updated = article.updatedAt ?? article.firstPublishedAt ?? new Date(0);
  return {
    url: `${siteUrl}${articlePath(article)}`,
    headline: article.headline,
    summaryText: summary.text,
    summaryHtml: summary.html,
    contentHtml: context.fullText ? fullTextOf(article, photos, siteUrl) : null,
    image: leadOf(article, leadPhoto, siteUrl),
    authors: authorsOf(article, context),
    section: { name: article.section.name, url: `${siteUrl}${article.edition.pathPrefix}/section/${encodeURIComponent(article.section.slug)}` },
    published: article.firstPublishedAt ?? updated,
    updated,
  };
}
