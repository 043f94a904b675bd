/**
 * @module schema.org NewsArticle JSON-LD for an article page (with its inLanguage), serialised so it cannot break out
 * of its script. It carries what Google's article guidance lists: headline, image (always), datePublished,
 * dateModified, author with name and url, publisher with name, url and logo.
 */
import { articlePath, summaryOf, type Article } from '../../../../core/articles/article.js';
import type { Photo } from '../../../../core/media/photo.js';
import { html, jsonForScript, type SafeHtml } from '../../html/html.js';
import { articleImages } from '../article-meta.js';
import { absoluteUrl, editionPath, type SiteContext } from '../site-context.js';
import { pickVariant, publisherLogoOf, type SiteImage } from '../site-images.js';
import type { AuthorProfile } from '../../../../core/authors/author-profile.js';
import { mediaUrl } from './responsive-photo.js';
import { agencyWebsite } from '../../../../core/wire/wire-agencies.js';

function imageObject(image: SiteImage): Record<string, unknown> {
  return { '@type': 'ImageObject', url: image.url, ...(image.width && image.height ? { width: image.width, height: image.height } : {}) };
}

/**
 * Bylined people link to their author pages, with their profile's role, photo and links when written; a story without
 * a byline is the agency's (its website when known) or the house's (the edition's home).
 */
function authorsOf(site: SiteContext, article: Article, photos?: ReadonlyMap<string, Photo>, profiles: readonly AuthorProfile[] = []): Record<string, unknown>[] {
  if (article.authors.length) {
    return article.authors.map((a) => {
      const profile = profiles.find((p) => p.slug === a.slug);
      const photo = profile?.photoId ? photos?.get(profile.photoId) : undefined;
      const portrait = photo ? pickVariant(photo, 640, 112) : null;
      return {
        '@type': 'Person', name: a.name, url: absoluteUrl(site, editionPath(site, `/author/${encodeURIComponent(a.slug)}`)),
        ...(profile?.jobTitle ? { jobTitle: profile.jobTitle } : {}),
        ...(portrait ? { image: absoluteUrl(site, mediaUrl(portrait.key)) } : {}),
        ...(profile?.links.length ? { sameAs: profile.links.map((l) => l.url) } : {}),
      };
    });
  }
  if (article.source.kind === 'agency') {
    const url = agencyWebsite(article.source.agency);
    return [{ '@type': 'Organization', name: article.source.agency, ...(url ? { url } : {}) }];
  }
  return [{ '@type': 'Organization', name: site.siteName, url: absoluteUrl(site, editionPath(site, '/')) }];
}

export function newsArticleData(site: SiteContext, article: Article, photos?: ReadonlyMap<string, Photo>, profiles?: readonly AuthorProfile[]): Record<string, unknown> {
  const url = absoluteUrl(site, articlePath(article));
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    // Machine-readable: the BCP 47 language of the story, never localised text.
    inLanguage: article.edition?.language ?? site.edition.language,
    description: summaryOf(article),
    image: articleImages(site, article, photos).structured.map(imageObject),
    datePublished: article.firstPublishedAt?.toISOString(),
    dateModified: (article.updatedAt ?? article.firstPublishedAt)?.toISOString(),
    ...(article.dateline ? { dateline: article.dateline } : {}),
    // schema.org's `correction` on CreativeWork: each published correction note with its date.
    ...(article.corrections?.length ? { correction: article.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.note, datePublished: c.createdAt.toISOString() })) } : {}),
    author: authorsOf(site, article, photos, profiles),
    publisher: { '@type': 'NewsMediaOrganization', name: site.siteName, url: absoluteUrl(site, '/'), logo: imageObject(publisherLogoOf(site)) },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: article.section.name,
    keywords: article.topics.map((t) => t.name),
    isAccessibleForFree: true,
  };
}

export function newsArticleJsonLd(site: SiteContext, article: Article, photos?: ReadonlyMap<string, Photo>, profiles?: readonly AuthorProfile[]): SafeHtml {
  return html`<script type="application/ld+json">${jsonForScript(newsArticleData(site, article, photos, profiles))}</script>`;
}
