/** @module Section, topic, author and latest pages: a titled list of stories with keyset paging and feeds. */
import type { ArticleSummary } from '../../../core/articles/article.js';
import { html, type SafeHtml } from '../html/html.js';
import { articleList } from './components/article-card.js';
import { renderPage } from './layout.js';
import type { PageAlternate, SiteContext } from './site-context.js';

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
  /** Extra markup under the title (the follow button of a topic). */
  actions?: SafeHtml;
  /** The same list in other editions (Latest, a topic), for hreflang. */
  alternates?: PageAlternate[];
}

export function renderListPage(site: SiteContext, ctx: ListContext): string {
  const { t } = site;
  const feedBase = ctx.feedPath.replace(/\.xml$/, '');
  // A name (topic, author) may be written in another script than the page's words around it.
  const main = html`<header class="list-header">
  ${ctx.kicker ? html`<p class="kicker">${ctx.kicker}</p>` : ''}
  <h1 dir="auto">${ctx.title}</h1>
  ${ctx.actions ?? ''}
  <p class="feeds">${t.html('list.followByFeed')} <a href="${ctx.feedPath}">${t.html('feed.rss')}</a> · <a href="${feedBase}.atom">${t.html('feed.atom')}</a> · <a href="${feedBase}.json">${t.html('feed.json')}</a></p>
</header>
${ctx.stories.length ? articleList(site, ctx.stories, { headingLevel: 2 }) : html`<p>${t.html('list.empty')}</p>`}
<nav class="pager" aria-label="${t.html('list.pager')}">
  ${ctx.isFirstPage ? '' : html`<a href="${ctx.path}">${t.html('list.newer')}</a>`}
  ${ctx.nextCursor ? html`<a rel="next" href="${ctx.path}?before=${ctx.nextCursor}">${t.html('list.older')}</a>` : ''}
</nav>`;
  return renderPage(site, {
    title: ctx.title,
    description: ctx.description,
    path: ctx.path,
    noindex: !ctx.isFirstPage,
    feeds: [{ title: t('page.title', { title: ctx.title, site: site.siteName }), path: ctx.feedPath }],
    ...(ctx.alternates?.length ? { alternates: ctx.alternates } : {}),
  }, main);
}
