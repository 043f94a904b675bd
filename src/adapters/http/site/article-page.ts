/** @module The article page, and the same story as a fragment for infinite scroll, in the edition's words. */
import { formatEditionDate } from '../../../core/articles/update-time.js';
import { articlePath, isUpdated, summaryOf, type Article, type ArticleSummary } from '../../../core/articles/article.js';
import type { Photo } from '../../../core/media/photo.js';
import { html, type SafeHtml } from '../html/html.js';
import { articleList, storySectionPath } from './components/article-card.js';
import { byline, followBox, headline, highlights, leadImage, shareBox, topicList, translationLinks } from './components/article-parts.js';
import { editionLanguage, isolate, storyDirection } from './components/bidi-text.js';
import { articleBody } from './components/body-blocks.js';
import { newsArticleJsonLd } from './components/news-article-json-ld.js';
import { updateTime } from './components/update-time.js';
import { renderPage } from './layout.js';
import { editionPath, type PageAlternate, type SiteContext } from './site-context.js';

export interface ArticleContext {
  article: Article;
  next: ArticleSummary | null;
  related: ArticleSummary[];
  /** Library photos the story shows (lead and body), by id. */
  photos?: ReadonlyMap<string, Photo>;
  /** The story's translations in other editions: "Read in …" links and hreflang alternates. */
  alternates?: PageAlternate[];
}

function corrections(site: SiteContext, article: Article): SafeHtml {
  if (!article.corrections?.length) return html``;
  return html`<section class="corrections" aria-label="${site.t.html('article.corrections')}">${article.corrections.map((c) => html`<p class="correction-note">${site.t.html('article.correctionNote', {
    date: html`<time datetime="${c.createdAt.toISOString()}">${formatEditionDate(c.createdAt, site.edition)}</time>`,
    note: c.note,
  })}</p>`)}</section>`;
}

function storyElement(site: SiteContext, ctx: Omit<ArticleContext, 'related'>, level: 1 | 2): SafeHtml {
  const { article, photos = new Map<string, Photo>() } = ctx;
  const { t } = site;
  const when = article.updatedAt ?? article.firstPublishedAt;
  return html`<article class="story"${editionLanguage(site, article)} data-url="${articlePath(article)}" data-title="${article.headline}" aria-labelledby="h-${article.id}">
  <header class="story-header" id="h-${article.id}">
    <p class="kicker"><a href="${storySectionPath(site, article)}">${article.section.name}</a></p>
    ${headline(site, article, level)}
    ${translationLinks(site, ctx.alternates)}
  </header>
  ${leadImage(article.lead, article.leadMediaId ? (photos.get(article.leadMediaId) ?? null) : null)}
  <div class="story-tools">
    ${shareBox(site, article)}
    <p class="story-time">${when ? updateTime(site, when) : ''}</p>
    ${followBox(site, article)}
  </div>
  ${highlights(site, article)}
  <div class="story-body">
    ${articleBody(article.body, article.dateline, photos)}
  </div>
  <footer class="story-footer">
    ${byline(site, article)}
    ${article.updateNote ? html`<p class="update-note">${t.html('article.updateNote', { note: article.updateNote })}</p>` : ''}
    ${corrections(site, article)}
    ${isUpdated(article) ? html`<p class="what-changed"><a href="${articlePath(article)}/changes">${t.html('article.whatChanged')}</a></p>` : ''}
    ${topicList(site, article)}
  </footer>
</article>`;
}

function nextStoryLink(site: SiteContext, next: ArticleSummary | null): SafeHtml {
  if (!next) return html`<p class="stream-end">${site.t.html('article.upToDate')}</p>`;
  const fragment = editionPath(site, `/fragment/article/${encodeURIComponent(next.slug)}`);
  return html`<nav class="next-story" aria-label="${site.t.html('article.nextStoryRegion')}">
  <a rel="next" href="${articlePath(next)}" data-next-fragment="${fragment}">${site.t.html('article.nextStory', { headline: isolate(next.headline, storyDirection(site, next)) })}</a>
</nav>`;
}

export function renderArticlePage(site: SiteContext, ctx: ArticleContext): string {
  const { article } = ctx;
  const related = ctx.related.length
    ? html`<aside class="related" aria-labelledby="related-h"><h2 id="related-h">${site.t.html('article.related')}</h2>${articleList(site, ctx.related, { showHighlight: false })}</aside>`
    : '';
  const main = html`<div class="article-layout">
  <div class="article-stream" data-stream>
    ${storyElement(site, ctx, 1)}
    ${nextStoryLink(site, ctx.next)}
  </div>
  ${related}
</div>`;
  return renderPage(site, {
    title: article.headline,
    description: summaryOf(article),
    path: articlePath(article),
    type: 'article',
    image: article.lead?.url ?? null,
    feeds: [{ title: site.t('page.title', { title: article.section.name, site: site.siteName }), path: `${storySectionPath(site, article)}/feed.xml` }],
    ...(ctx.alternates?.length ? { alternates: ctx.alternates } : {}),
  }, main, newsArticleJsonLd(site, article));
}

/** The next story as the infinite scroll appends it: its <article> and the link to the one after. */
export function renderArticleFragment(site: SiteContext, ctx: Omit<ArticleContext, 'related'>): string {
  return html`${storyElement(site, ctx, 2)}${nextStoryLink(site, ctx.next)}`.toString();
}
