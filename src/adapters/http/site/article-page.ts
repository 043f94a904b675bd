/** @module The article page, and the same story as a fragment for infinite scroll. */
import { articlePath, isUpdated, summaryOf, type Article, type ArticleSummary } from '../../../core/articles/article.js';
import type { Photo } from '../../../core/media/photo.js';
import { html, type SafeHtml } from '../html/html.js';
import { articleList } from './components/article-card.js';
import { byline, followBox, headline, highlights, leadImage, shareBox, topicList } from './components/article-parts.js';
import { articleBody } from './components/body-blocks.js';
import { newsArticleJsonLd } from './components/news-article-json-ld.js';
import { updateTime } from './components/update-time.js';
import { renderPage } from './layout.js';
import type { SiteContext } from './site-context.js';

export interface ArticleContext {
  article: Article;
  next: ArticleSummary | null;
  related: ArticleSummary[];
  /** Library photos the story shows (lead and body), by id. */
  photos?: ReadonlyMap<string, Photo>;
}

function corrections(article: Article): SafeHtml {
  if (!article.corrections?.length) return html``;
  return html`<section class="corrections" aria-label="Corrections">${article.corrections.map((c) => html`<p class="correction-note"><strong>Correction</strong> <time datetime="${c.createdAt.toISOString()}">${c.createdAt.toISOString().slice(0, 10)}</time>: ${c.note}</p>`)}</section>`;
}

function storyElement(site: SiteContext, article: Article, level: 1 | 2, photos: ReadonlyMap<string, Photo> = new Map()): SafeHtml {
  const when = article.updatedAt ?? article.firstPublishedAt;
  return html`<article class="story" data-url="${articlePath(article)}" data-title="${article.headline}" aria-labelledby="h-${article.id}">
  <header class="story-header" id="h-${article.id}">
    <p class="kicker"><a href="/section/${encodeURIComponent(article.section.slug)}">${article.section.name}</a></p>
    ${headline(article, level)}
  </header>
  ${leadImage(article.lead, article.leadMediaId ? (photos.get(article.leadMediaId) ?? null) : null)}
  <div class="story-tools">
    ${shareBox(site, article)}
    <p class="story-time">${when ? updateTime(site, when) : ''}</p>
    ${followBox(article)}
  </div>
  ${highlights(article)}
  <div class="story-body">
    ${articleBody(article.body, article.dateline, photos)}
  </div>
  <footer class="story-footer">
    ${byline(article)}
    ${article.updateNote ? html`<p class="update-note"><strong>Update:</strong> ${article.updateNote}</p>` : ''}
    ${corrections(article)}
    ${isUpdated(article) ? html`<p class="what-changed"><a href="${articlePath(article)}/changes">What changed</a></p>` : ''}
    ${topicList(article)}
  </footer>
</article>`;
}

function nextStoryLink(next: ArticleSummary | null): SafeHtml {
  if (!next) return html`<p class="stream-end">You are up to date.</p>`;
  const slug = encodeURIComponent(next.slug);
  return html`<nav class="next-story" aria-label="Next story">
  <a rel="next" href="/article/${slug}" data-next-fragment="/fragment/article/${slug}">Next story: <span>${next.headline}</span></a>
</nav>`;
}

export function renderArticlePage(site: SiteContext, ctx: ArticleContext): string {
  const { article } = ctx;
  const related = ctx.related.length
    ? html`<aside class="related" aria-labelledby="related-h"><h2 id="related-h">Related stories</h2>${articleList(site, ctx.related, { showHighlight: false })}</aside>`
    : '';
  const main = html`<div class="article-layout">
  <div class="article-stream" data-stream>
    ${storyElement(site, article, 1, ctx.photos)}
    ${nextStoryLink(ctx.next)}
  </div>
  ${related}
</div>`;
  return renderPage(site, {
    title: article.headline,
    description: summaryOf(article),
    path: articlePath(article),
    type: 'article',
    image: article.lead?.url ?? null,
    feeds: [{ title: `${article.section.name} | ${site.siteName}`, path: `/section/${encodeURIComponent(article.section.slug)}/feed.xml` }],
  }, main, newsArticleJsonLd(site, article));
}

/** The next story as the infinite scroll appends it: its <article> and the link to the one after. */
export function renderArticleFragment(site: SiteContext, ctx: Omit<ArticleContext, 'related'>): string {
  return html`${storyElement(site, ctx.article, 2, ctx.photos)}${nextStoryLink(ctx.next)}`.toString();
}
