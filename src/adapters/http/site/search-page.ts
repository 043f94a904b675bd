/** @module The search page: the query form, ranked results with highlighted matches, paging. */
import { articlePath, type ArticleSummary } from '../../../core/articles/article.js';
import { MATCH_END, MATCH_START } from '../../../core/search/search-index.js';
import { html, type SafeHtml } from '../html/html.js';
import { updateTime } from './components/update-time.js';
import { renderPage } from './layout.js';
import type { SiteContext } from './site-context.js';

export interface SearchContext {
  query: string;
  /** Why the query could not run, in words for the reader; null when it ran. */
  problem: string | null;
  results: { summary: ArticleSummary; headline: string; snippet: string }[];
  total: number;
  totalCapped: boolean;
  order: 'relevance' | 'newest';
  page: number;
  pageCount: number;
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

function pager(ctx: SearchContext): SafeHtml {
  if (ctx.pageCount <= 1) return html``;
  const link = (page: number, label: string, rel: string) =>
    html`<a rel="${rel}" href="/search?q=${encodeURIComponent(ctx.query)}&amp;page=${page}">${label}</a>`;
  return html`<nav class="pager" aria-label="Result pages">
  ${ctx.page > 1 ? link(ctx.page - 1, 'Previous', 'prev') : ''}
  <span>Page ${ctx.page} of ${ctx.pageCount}</span>
  ${ctx.page < ctx.pageCount ? link(ctx.page + 1, 'Next', 'next') : ''}
</nav>`;
}

function resultList(site: SiteContext, ctx: SearchContext): SafeHtml {
  if (ctx.problem) return html`<p class="search-problem" role="alert">${ctx.problem}</p>`;
  if (!ctx.query) return html`<p>Type words to look for in headlines, highlights and stories. Use "double quotes" for a phrase.</p>`;
  if (ctx.results.length === 0) return html`<p role="status">No stories match <strong>${ctx.query}</strong>. Try fewer or different words.</p>`;
  return html`<p role="status">${ctx.totalCapped ? `More than ${ctx.total}` : ctx.total} ${ctx.total === 1 ? 'story matches' : 'stories match'} <strong>${ctx.query}</strong>${ctx.order === 'newest' ? ', newest first' : ', best matches first'}.</p>
<ol class="search-results">${ctx.results.map((r) => html`<li><article class="card">
  <h2 class="card-headline"><a href="${articlePath(r.summary)}">${markedText(r.headline)}</a></h2>
  <p class="snippet">${markedText(r.snippet)}</p>
  <p class="card-meta"><a class="card-section" href="/section/${encodeURIComponent(r.summary.section.slug)}">${r.summary.section.name}</a> ${updateTime(site, r.summary.updatedAt)}</p>
</article></li>`)}</ol>
${pager(ctx)}`;
}

export function renderSearchPage(site: SiteContext, ctx: SearchContext): string {
  const main = html`<h1>Search</h1>
<form class="search-form" role="search" aria-label="Search stories" action="/search" method="get">
  <label for="q">Search stories</label>
  <input id="q" type="search" name="q" value="${ctx.query}" maxlength="200">
  <button type="submit">Search</button>
</form>
${resultList(site, ctx)}`;
  return renderPage(site, {
    title: ctx.query ? `Search: ${ctx.query}` : 'Search',
    description: `Search ${site.siteName}`,
    path: '/search',
    noindex: true,
  }, main);
}
