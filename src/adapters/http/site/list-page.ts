/** @module Section, topic, author and latest pages: a titled list of stories with thumbnails, keyset paging, feeds and a rail of the latest. */
import type { ArticleSummary } from '../../../core/articles/article.js';
import { html, type SafeHtml } from '../html/html.js';
import { articleList } from './components/article-card.js';
import type { StoryPhotos } from './components/story-thumbnail.js';
import { renderPage } from './layout.js';
import { editionPath, type PageAlternate, type SiteContext } from './site-context.js';

export interface ListContext {
  title: string;
  /** e.g. "Topic · Person" */
  kicker: string | null;
  description: string;
  /** Canonical path of the first page (with the edition's prefix). */
  path: string;
  /** Path of this list's RSS feed; Atom and JSON Feed sit beside it. */
  feedPath: string;
  stories: ArticleSummary[];
  nextCursor: string | null;
  isFirstPage: boolean;
  /** Extra markup under the title (the follow button of a topic or section). */
  actions?: SafeHtml;
  /** An owner's own words under the title (an author's photo, role, bio and links). */
  intro?: SafeHtml;
  /** Structured data of the owner (an author's ProfilePage). */
  jsonLd?: SafeHtml;
  /** The same list in other editions (Latest, a topic), for hreflang. */
  alternates?: PageAlternate[];
  /** The library photos behind the stories' lead images, for thumbnails. */
  photos?: StoryPhotos;
  /** The edition's latest stories, for the rail beside the list on a wide screen (none on Latest itself). */
  latest?: ArticleSummary[];
}

function latestRail(site: SiteContext, latest: ArticleSummary[] | undefined): SafeHtml {
  if (!latest?.length) return html``;
  const { t } = site;
  return html`<aside class="rail" aria-labelledby="rail-latest-h">
  <h2 class="block-title" id="rail-latest-h">${t.html('home.latest')}</h2>
  ${articleList(site, latest, { showHighlight: false, noThumbnail: true })}
  <p class="more"><a href="${editionPath(site, '/latest')}">${t.html('home.allLatest')}</a></p>
</aside>`;
}

export function renderListPage(site: SiteContext, ctx: ListContext): string {
  const { t } = site;
  const feedBase = ctx.feedPath.replace(/\.xml$/, '');
  // A name (topic, author) may be written in another script than the page's words around it.
  const main = html`<div class="list-layout">
<div class="list-main">
<header class="list-header">
  ${ctx.kicker ? html`<p class="kicker">${ctx.kicker}</p>` : ''}
  <h1 dir="auto">${ctx.title}</h1>
  ${ctx.intro ?? ''}
  ${ctx.actions ?? ''}
  <p class="feeds">${t.html('list.followByFeed')} <a href="${ctx.feedPath}">${t.html('feed.rss')}</a> · <a href="${feedBase}.atom">${t.html('feed.atom')}</a> · <a href="${feedBase}.json">${t.html('feed.json')}</a></p>
</header>
${ctx.stories.length ? articleList(site, ctx.stories, { headingLevel: 2, photos: ctx.photos, eager: true }) : html`<p>${t.html('list.empty')}</p>`}
<nav class="pager" aria-label="${t.html('list.pager')}">
  ${ctx.isFirstPage ? '' : html`<a href="${ctx.path}">${t.html('list.newer')}</a>`}
  ${ctx.nextCursor ? html`<a rel="next" href="${ctx.path}?before=${ctx.nextCursor}">${t.html('list.older')}</a>` : ''}
</nav>
</div>
${latestRail(site, ctx.latest)}
</div>`;
  return renderPage(site, {
    title: ctx.title,
    description: ctx.description,
    path: ctx.path,
    noindex: !ctx.isFirstPage,
    feeds: [{ title: t('page.title', { title: ctx.title, site: site.siteName }), path: ctx.feedPath }],
    ...(ctx.alternates?.length ? { alternates: ctx.alternates } : {}),
  }, main, ctx.jsonLd);
}
