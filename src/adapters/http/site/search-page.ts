/** @module The search page of an edition: the query form, ranked results with highlighted matches, paging, in the edition's words. */
import { articlePath, type ArticleSummary } from '../../../core/articles/article.js';
import { MATCH_END, MATCH_START } from '../../../core/search/search-index.js';
import { MAX_QUERY_LENGTH, type SearchQueryProblem } from '../../../core/search/search-query.js';
import { html, type SafeHtml } from '../html/html.js';
import { storySectionPath } from './components/article-card.js';
import { editionLanguage, isolate, storyDirection } from './components/bidi-text.js';
import { storyThumbnail, type StoryPhotos } from './components/story-thumbnail.js';
import { updateTime } from './components/update-time.js';
import { renderPage } from './layout.js';
import { editionPath, type SiteContext } from './site-context.js';

export interface SearchContext {
  query: string;
  /** Why the query could not run (worded in the reader's language here); null when it ran. */
  problem: SearchQueryProblem | null;
  results: { summary: ArticleSummary; headline: string; snippet: string }[];
  total: number;
  totalCapped: boolean;
  order: 'relevance' | 'newest';
  page: number;
  pageCount: number;
  /** The library photos behind the results' lead images, for thumbnails. */
  photos?: StoryPhotos;
}

/** Text with match markers from the index, escaped, with the matches in <mark>. */
export function markedText(text: string): SafeHtml {
  const parts: SafeHtml[] = [];
  let rest = text;
  while (rest.length) {
    const start = rest.indexOf(MATCH_START);
    if (start < 0) {
      parts.push(html`${rest}`);
      break;
    }
    const end = rest.indexOf(MATCH_END, start);
    const stop = end < 0 ? rest.length : end;
    parts.push(html`${rest.slice(0, start)}<mark>${rest.slice(start + 1, stop)}</mark>`);
    rest = end < 0 ? '' : rest.slice(end + 1);
  }
  return html`${parts}`;
}

function pager(site: SiteContext, ctx: SearchContext): SafeHtml {
  if (ctx.pageCount <= 1) return html``;
  const { t } = site;
  const link = (page: number, label: string, rel: string) =>
    html`<a rel="${rel}" href="${editionPath(site, '/search')}?q=${encodeURIComponent(ctx.query)}&amp;page=${page}">${label}</a>`;
  return html`<nav class="pager" aria-label="${t.html('search.pager')}">
  ${ctx.page > 1 ? link(ctx.page - 1, t('search.previous'), 'prev') : ''}
  <span>${t('search.pageOf', { page: ctx.page, count: ctx.pageCount })}</span>
  ${ctx.page < ctx.pageCount ? link(ctx.page + 1, t('search.next'), 'next') : ''}
</nav>`;
}

function resultList(site: SiteContext, ctx: SearchContext): SafeHtml {
  const { t } = site;
  // The query is echoed in its own bidi isolate: it may be typed in any script.
  const query = isolate(ctx.query);
  if (ctx.problem) return html`<p class="search-problem" role="alert">${t('search.problem', { problem: ctx.problem, max: MAX_QUERY_LENGTH })}</p>`;
  if (!ctx.query) return html`<p>${t.html('search.hint')}</p>`;
  if (ctx.results.length === 0) return html`<p role="status">${t.html('search.noMatch', { query })}</p>`;
  const count = t.html(ctx.totalCapped ? 'search.countCapped' : 'search.count', { total: ctx.total, query, order: ctx.order });
  return html`<p role="status">${count}</p>
<ol class="search-results">${ctx.results.map((r, i) => {
    const thumbnail = storyThumbnail(r.summary, ctx.photos, { lazy: i > 0 });
    return html`<li><article class="card${thumbnail.toString() ? ' card-with-thumb' : ''}"${editionLanguage(site, r.summary)}>
  ${thumbnail}
  <h2 class="card-headline"><a href="${articlePath(r.summary)}" dir="${storyDirection(site, r.summary)}">${markedText(r.headline)}</a></h2>
  <p class="snippet">${markedText(r.snippet)}</p>
  <p class="card-meta"><a class="card-section" href="${storySectionPath(site, r.summary)}">${r.summary.section.name}</a> ${updateTime(site, r.summary.updatedAt)}</p>
</article></li>`;
  })}</ol>
${pager(site, ctx)}`;
}

export function renderSearchPage(site: SiteContext, ctx: SearchContext): string {
  const { t } = site;
  const main = html`<h1>${t.html('search.heading')}</h1>
<form class="search-form" role="search" aria-label="${t.html('search.field')}" action="${editionPath(site, '/search')}" method="get">
  <label for="q">${t.html('search.field')}</label>
  <input id="q" type="search" name="q" value="${ctx.query}" maxlength="${MAX_QUERY_LENGTH}" dir="auto">
  <button type="submit">${t.html('search.button')}</button>
</form>
${resultList(site, ctx)}`;
  return renderPage(site, {
    title: ctx.query ? t('search.title', { query: ctx.query }) : t('search.heading'),
    description: t('search.description', { site: site.siteName }),
    path: editionPath(site, '/search'),
    noindex: true,
  }, main);
}
