/** @module The article page, and the same story as a fragment for infinite scroll, in the edition's words. */
import { formatEditionDate } from '../../../core/articles/update-time.js';
import { articlePath, isUpdated, summaryOf, type Article, type ArticleSummary } from '../../../core/articles/article.js';
import type { Photo } from '../../../core/media/photo.js';
import { html, type SafeHtml } from '../html/html.js';
import { articleList, storySectionPath } from './components/article-card.js';
import { byline, followBox, headline, highlights, leadImage, topicList, translationLinks } from './components/article-parts.js';
import { editionLanguage, isolate, storyDirection } from './components/bidi-text.js';
import { articleBody } from './components/body-blocks.js';
import { newsArticleJsonLd } from './components/news-article-json-ld.js';
import type { AuthorProfile } from '../../../core/authors/author-profile.js';
import { shareBox } from './components/share-tools.js';
import { mostReadList } from './components/most-read-list.js';
import { updateTime } from './components/update-time.js';
import { articleImages } from './article-meta.js';
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
  /** A newsroom preview: banner, noindex, no public address, share or follow tools, no stream into public stories. */
  preview?: boolean;
  /** The edition's most read stories of the last 24 hours (the sidebar, below Related). */
  mostRead?: ArticleSummary[];
  /** The bylines' profiles, for the Person entries of the story's structured data. */
  authorProfiles?: AuthorProfile[];
}

function correctionNote(site: SiteContext, c: { note: string; createdAt: Date }): SafeHtml {
  return html`<p class="correction-note">${site.t.html('article.correctionNote', {
    date: html`<time datetime="${c.createdAt.toISOString()}">${formatEditionDate(c.createdAt, site.edition)}</time>`,
    note: c.note,
  })}</p>`;
}

/** Every correction at the foot, oldest first, with the edition's dates. */
function corrections(site: SiteContext, article: Article): SafeHtml {
  if (!article.corrections?.length) return html``;
  return html`<section class="corrections" id="corrections-${article.id}" aria-label="${site.t.html('article.corrections')}">${article.corrections.map((c) => correctionNote(site, c))}</section>`;
}

/** The latest correction under the headline as well, so a reader knows before the text it corrects; the rest are linked. */
function correctionUnderHeadline(site: SiteContext, article: Article): SafeHtml {
  const all = article.corrections ?? [];
  const latest = all.at(-1);
  if (!latest) return html``;
  const more = all.length > 1 ? html` <a href="#corrections-${article.id}">${site.t.html('article.allCorrections', { count: all.length })}</a>` : '';
  return html`<div class="correction-flag">${correctionNote(site, latest)}${more}</div>`;
}

function storyElement(site: SiteContext, ctx: Omit<ArticleContext, 'related'>, level: 1 | 2): SafeHtml {
  const { article, photos = new Map<string, Photo>() } = ctx;
  const { t } = site;
  const when = article.updatedAt ?? article.firstPublishedAt;
  return html`<article class="story"${editionLanguage(site, article)}${ctx.preview ? '' : html` data-url="${articlePath(article)}"`} data-title="${article.headline}" aria-labelledby="h-${article.id}">
  <header class="story-header" id="h-${article.id}">
    <p class="kicker"><a href="${storySectionPath(site, article)}">${article.section.name}</a></p>
    ${headline(site, article, level)}
    ${byline(site, article)}
    ${correctionUnderHeadline(site, article)}
    ${translationLinks(site, ctx.alternates)}
  </header>
  ${leadImage(article.lead, article.leadMediaId ? (photos.get(article.leadMediaId) ?? null) : null)}
  ${when ? html`<p class="story-time">${updateTime(site, when)}</p>` : ''}
  ${highlights(site, article)}
  <div class="story-body">
    ${articleBody(article.body, article.dateline, photos)}
  </div>
  ${ctx.preview ? '' : html`<div class="story-tools">
    ${shareBox(site, article)}
    ${followBox(site, article)}
  </div>`}
  <footer class="story-footer">
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

/** Says what a preview is: readers cannot see it (yet), or, for a published story, not in this saved state. */
function previewBanner(site: SiteContext, article: Article): SafeHtml {
  const key = article.status === 'published' ? 'preview.bannerPublished' : 'preview.banner';
  return html`<p class="preview-banner" role="note">${site.t.html(key)}</p>`;
}

/**
 * The story's sidebar, Related then Most read (a preview shows neither list of public stories). It sits right after
 * its story, so the tab order follows reading order, and is sticky inside that story's unit, so the sidebar in view is
 * always the one of the story in view. Streamed stories' headings carry the story's id (ids stay unique on the page).
 */
function sidebar(site: SiteContext, ctx: ArticleContext, streamed: boolean): SafeHtml {
  const mostRead = ctx.preview ? [] : (ctx.mostRead ?? []);
  if (!ctx.related.length && !mostRead.length) return html``;
  const suffix = streamed ? `-${ctx.article.id}` : '';
  const relatedId = `related-h${suffix}`;
  const mostReadId = `most-read-h${suffix}`;
  return html`<aside class="related" aria-labelledby="${ctx.related.length ? relatedId : mostReadId} t-${ctx.article.id}">${ctx.related.length ? html`<h2 id="${relatedId}">${site.t.html('article.related')}</h2>${articleList(site, ctx.related, { showHighlight: false, noThumbnail: true })}` : ''}${mostReadList(site, mostRead, mostReadId)}</aside>`;
}

/** A story and its sidebar: one row of the stream. */
function storyUnit(site: SiteContext, ctx: ArticleContext, level: 1 | 2): SafeHtml {
  return html`<div class="story-unit">
    ${storyElement(site, ctx, level)}
    ${sidebar(site, ctx, level === 2)}
  </div>`;
}

export function renderArticlePage(site: SiteContext, ctx: ArticleContext): string {
  const { article } = ctx;
  const main = html`${ctx.preview ? previewBanner(site, article) : ''}<div class="article-layout">
  <div class="article-stream"${ctx.preview ? '' : html` data-stream`}>
    ${storyUnit(site, ctx, 1)}
    ${ctx.preview ? '' : nextStoryLink(site, ctx.next)}
  </div>
</div>`;
  return renderPage(site, {
    title: article.headline,
    description: summaryOf(article),
    path: articlePath(article),
    type: 'article',
    image: articleImages(site, article, ctx.photos).preview,
    feeds: [{ title: site.t('page.title', { title: article.section.name, site: site.siteName }), path: `${storySectionPath(site, article)}/feed.xml` }],
    ...(ctx.alternates?.length ? { alternates: ctx.alternates } : {}),
    ...(ctx.preview ? { noindex: true } : {}),
  }, main, ctx.preview ? html`` : newsArticleJsonLd(site, article, ctx.photos, ctx.authorProfiles));
}

/** The next story as the infinite scroll appends it: its <article> with its own sidebar, and the link to the one after. */
export function renderArticleFragment(site: SiteContext, ctx: ArticleContext): string {
  return html`${storyUnit(site, ctx, 2)}${nextStoryLink(site, ctx.next)}`.toString();
}
