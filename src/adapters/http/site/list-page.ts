/** @module Section, topic, author and latest pages: a titled list of stories with keyset paging and feeds. */
import type { ArticleSummary } from '../../../core/articles/article.js';
import { html } from '../html/html.js';
import { articleList } from './components/article-card.js';
import { renderPage } from './layout.js';
import type { SiteContext } from './site-context.js';

export interface ListContext {
  title: string;
  /** e.g. "Topic · Person" */
  kicker: string | null;
  description: string;
  /** Canonical path of the first page. */
  path: string;
  /** Path of this list's RSS feed; Atom and JSON Feed sit beside it. */
  feedPath: string;
  stories: ArticleSummary[];
  nextCursor: string | null;
  isFirstPage: boolean;
  /** Extra markup under the title (the follow button of a topic). */
  actions?: ReturnType<typeof html>;
}

export function renderListPage(site: SiteContext, ctx: ListContext): string {
  const feedBase = ctx.feedPath.replace(/\.xml$/, '');
  const main = html`<header class="list-header">
  ${ctx.kicker ? html`<p class="kicker">${ctx.kicker}</p>` : ''}
  <h1>${ctx.title}</h1>
  ${ctx.actions ?? ''}
  <p class="feeds">Follow by feed: <a href="${ctx.feedPath}">RSS</a> · <a href="${feedBase}.atom">Atom</a> · <a href="${feedBase}.json">JSON Feed</a></p>
</header>
${ctx.stories.length ? articleList(site, ctx.stories, { headingLevel: 2 }) : html`<p>No stories here yet.</p>`}
<nav class="pager" aria-label="More stories">
  ${ctx.isFirstPage ? '' : html`<a href="${ctx.path}">Newest stories</a>`}
  ${ctx.nextCursor ? html`<a rel="next" href="${ctx.path}?before=${ctx.nextCursor}">Older stories</a>` : ''}
</nav>`;
  return renderPage(site, {
    title: ctx.title,
    description: ctx.description,
    path: ctx.path,
    noindex: !ctx.isFirstPage,
    feeds: [{ title: `${ctx.title} | ${site.siteName}`, path: ctx.feedPath }],
  }, main);
}
