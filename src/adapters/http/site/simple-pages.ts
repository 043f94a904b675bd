/** @module Pages with little data: Following (filled in the browser), 404 Not Found, 410 Gone, errors. */
import type { ArticleSummary } from '../../../core/articles/article.js';
import { html } from '../html/html.js';
import { articleList } from './components/article-card.js';
import { renderPage } from './layout.js';
import type { SiteContext } from './site-context.js';

export function renderFollowingPage(site: SiteContext): string {
  const main = html`<h1>Following</h1>
<div class="following" data-following>
  <p>Follow the topics you care about with the <strong>Follow</strong> buttons on stories. The latest stories on those topics show up here. Your choices stay in this browser; no account is needed.</p>
  <noscript><p>This page needs JavaScript to read the topics you follow. Every topic also has its own page and feed.</p></noscript>
</div>`;
  return renderPage(site, { title: 'Following', description: 'The latest stories on the topics you follow', path: '/following', noindex: true }, main);
}

/** The list the Following page asks for with the slugs kept in the browser. */
export function renderFollowingFragment(site: SiteContext, topics: { slug: string; name: string }[], stories: ArticleSummary[], unknown: string[]): string {
  if (topics.length === 0) {
    return html`<section class="following-results" data-unknown-topics="${unknown.join(',')}">
  <p>None of the topics you followed is on this site any more. Follow topics from any story to see their news here.</p>
</section>`.toString();
  }
  return html`<section class="following-results" aria-labelledby="following-h" data-unknown-topics="${unknown.join(',')}">
  <h2 id="following-h">Latest on the topics you follow</h2>
  <ul class="followed-topics" aria-label="Topics you follow">${topics.map((t) => html`<li>
    <a href="/topic/${encodeURIComponent(t.slug)}">${t.name}</a>
    <button type="button" class="follow-button" data-follow-topic="${t.slug}" data-topic-name="${t.name}" aria-pressed="true" hidden>Follow<span class="visually-hidden"> ${t.name}</span></button>
  </li>`)}</ul>
  ${stories.length ? articleList(site, stories) : html`<p>No stories on these topics yet.</p>`}
</section>`.toString();
}

export function renderNotFoundPage(site: SiteContext, path: string): string {
  const main = html`<h1>Page not found</h1>
<p>There is no page at <code>${path}</code>. It may have moved, or the link may be mistyped.</p>
<p><a href="/">Go to the front page</a> or <a href="/search">search the stories</a>.</p>`;
  return renderPage(site, { title: 'Page not found', description: 'Page not found', path, noindex: true }, main);
}

export function renderGonePage(site: SiteContext, path: string): string {
  const main = html`<h1>This story has been withdrawn</h1>
<p>The story that was published here is no longer available.</p>
<p><a href="/">Go to the front page</a>.</p>`;
  return renderPage(site, { title: 'Story withdrawn', description: 'This story is no longer available', path, noindex: true }, main);
}

/** A server error, or with `problem` a request we could not answer (the message is the DomainError's safe text). */
export function renderErrorPage(site: SiteContext, path: string, problem: string | null = null): string {
  const main = problem
    ? html`<h1>We could not show this page</h1><p>${problem}</p><p><a href="/">Go to the front page</a>.</p>`
    : html`<h1>Something went wrong</h1><p>We could not show this page just now. Please try again in a moment.</p>`;
  return renderPage(site, { title: 'Error', description: 'Error', path, noindex: true }, main);
}
