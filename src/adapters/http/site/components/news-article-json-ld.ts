/** @module schema.org NewsArticle JSON-LD for an article page (with its inLanguage), serialised so it cannot break out of its script. */
import { articlePath, summaryOf, type Article } from '../../../../core/articles/article.js';
import { html, jsonForScript, safeUrl, type SafeHtml } from '../../html/html.js';
import { absoluteUrl, editionPath, type SiteContext } from '../site-context.js';

export function newsArticleData(site: SiteContext, article: Article): Record<string, unknown> {
  const url = absoluteUrl(site, articlePath(article));
  const imageUrl = article.lead?.url ? safeUrl(article.lead.url) : '#';
  const image = imageUrl !== '#' ? [new URL(imageUrl, site.siteUrl).href] : undefined;
  const authors = article.authors.length
    ? article.authors.map((a) => ({ '@type': 'Person', name: a.name, url: absoluteUrl(site, editionPath(site, `/author/${encodeURIComponent(a.slug)}`)) }))
    : [{ '@type': 'Organization', name: article.source.kind === 'agency' ? article.source.agency : site.siteName }];
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.headline,
    // Machine-readable: the BCP 47 language of the story, never localised text.
    inLanguage: article.edition?.language ?? site.edition.language,
    description: summaryOf(article),
    ...(image ? { image } : {}),
    datePublished: article.firstPublishedAt?.toISOString(),
    dateModified: (article.updatedAt ?? article.firstPublishedAt)?.toISOString(),
    ...(article.dateline ? { dateline: article.dateline } : {}),
    author: authors,
    publisher: { '@type': 'Organization', name: site.siteName, url: site.siteUrl },
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    url,
    articleSection: article.section.name,
    keywords: article.topics.map((t) => t.name),
    isAccessibleForFree: true,
  };
}

export function newsArticleJsonLd(site: SiteContext, article: Article): SafeHtml {
  return html`<script type="application/ld+json">${jsonForScript(newsArticleData(site, article))}</script>`;
}
