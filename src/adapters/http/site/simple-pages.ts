/** @module Pages with little data, in the edition's words: Following (filled in the browser), 404 Not Found, 410 Gone, errors. */
import type { ArticleSummary } from '../../../core/articles/article.js';
import { html, type SafeHtml } from '../html/html.js';
import { articleList } from './components/article-card.js';
import { followButton, followSectionButton, followAuthorButton } from './components/article-parts.js';

type FollowedSection = { slug: string; name: string; edition: string };
import { everyEditionAlternates, renderPage } from './layout.js';
import { renderPushControl } from './push-control.js';
import { editionPath, type SiteContext } from './site-context.js';

export function renderFollowingPage(site: SiteContext): string {
  const { t } = site;
  const main = html`<h1>${t.html('following.heading')}</h1>
<div class="following" data-following>
  <p>${t.html('following.intro')}</p>
  <noscript><p>${t.html('following.noscript')}</p></noscript>
</div>
${renderPushControl(site)}`;
  return renderPage(site, {
    title: t('following.heading'),
    description: t('following.description'),
    path: editionPath(site, '/following'),
    noindex: true,
    alternates: everyEditionAlternates(site, '/following'),
  }, main);
}

/**
 * The list the Following page asks for with the slugs kept in the browser; stories of other editions carry their own
 * lang and dir. Followed sections (a section belongs to one edition) link to their own edition's page.
 */
export function renderFollowingFragment(site: SiteContext, topics: { slug: string; name: string }[], stories: ArticleSummary[], unknown: string[],
  followed: { sections: FollowedSection[]; unknown: string[]; authors?: { slug: string; name: string }[]; unknownAuthors?: string[] } = { sections: [], unknown: [] }): string {
  const { t } = site;
  const authors = followed.authors ?? [];
  const forget = html` data-unknown-topics="${unknown.join(',')}" data-unknown-sections="${followed.unknown.join(',')}" data-unknown-authors="${(followed.unknownAuthors ?? []).join(',')}"`;
  if (topics.length === 0 && followed.sections.length === 0 && authors.length === 0) {
    return html`<section class="following-results"${forget}>
  <p>${t.html('following.noneLeft')}</p>
</section>`.toString();
  }
  const sectionPath = (s: FollowedSection) => {
    const edition = site.editions.find((e) => e.id === s.edition) ?? site.edition;
    return editionPath({ edition }, `/section/${encodeURIComponent(s.slug)}`);
  };
  return html`<section class="following-results" aria-labelledby="following-h"${forget}>
  <h2 id="following-h">${t.html(followed.sections.length || authors.length ? 'following.latestAll' : 'following.latest')}</h2>
  ${topics.length ? html`<ul class="followed-topics" aria-label="${t.html('following.topics')}">${topics.map((topic) => html`<li>
    <a href="${editionPath(site, `/topic/${encodeURIComponent(topic.slug)}`)}" dir="auto">${topic.name}</a>
    ${followButton(t, topic, true)}
  </li>`)}</ul>` : ''}
  ${followed.sections.length ? html`<ul class="followed-topics" aria-label="${t.html('following.sections')}">${followed.sections.map((section) => html`<li>
    <a href="${sectionPath(section)}" dir="auto">${section.name}</a>
    ${followSectionButton(t, section, true)}
  </li>`)}</ul>` : ''}
  ${authors.length ? html`<ul class="followed-topics" aria-label="${t.html('following.authors')}">${authors.map((author) => html`<li>
    <a href="${editionPath(site, `/author/${encodeURIComponent(author.slug)}`)}" dir="auto">${author.name}</a>
    ${followAuthorButton(t, author, true)}
  </li>`)}</ul>` : ''}
  ${stories.length ? articleList(site, stories) : html`<p>${t.html('following.empty')}</p>`}
</section>`.toString();
}

/** "Go to the front page" and the like: a message's <home> and <search> tags become links in the edition. */
function siteLinks(site: SiteContext) {
  return {
    home: (inner: SafeHtml) => html`<a href="${editionPath(site, '/')}">${inner}</a>`,
    search: (inner: SafeHtml) => html`<a href="${editionPath(site, '/search')}">${inner}</a>`,
  };
}

export function renderNotFoundPage(site: SiteContext, path: string): string {
  const { t } = site;
  const main = html`<h1>${t.html('notFound.title')}</h1>
<p>${t.html('notFound.body', { path: html`<bdi dir="ltr">${path}</bdi>` })}</p>
<p>${t.html('notFound.next', siteLinks(site))}</p>`;
  return renderPage(site, { title: t('notFound.title'), description: t('notFound.title'), path, noindex: true }, main);
}

export function renderGonePage(site: SiteContext, path: string): string {
  const { t } = site;
  const main = html`<h1>${t.html('gone.heading')}</h1>
<p>${t.html('gone.body')}</p>
<p>${t.html('error.frontPage', siteLinks(site))}</p>`;
  return renderPage(site, { title: t('gone.title'), description: t('gone.description'), path, noindex: true }, main);
}

/**
 * A server error, or with `problem` a request we could not answer. The problem is the DomainError's safe
 * text, which the core writes in English: it is shown as it is, isolated, under a heading in the edition's words.
 */
export function renderErrorPage(site: SiteContext, path: string, problem: string | null = null): string {
  const { t } = site;
  const main = problem
    ? html`<h1>${t.html('error.problemHeading')}</h1><p><bdi>${problem}</bdi></p><p>${t.html('error.frontPage', siteLinks(site))}</p>`
    : html`<h1>${t.html('error.heading')}</h1><p>${t.html('error.body')}</p>`;
  return renderPage(site, { title: t('error.title'), description: t('error.title'), path, noindex: true }, main);
}
