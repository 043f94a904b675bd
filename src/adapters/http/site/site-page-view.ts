/** @module An edition's static page (About, Contact, Corrections policy, Privacy) as readers see it: title, body through the body renderer, last update. */
import type { SitePage } from '../../../core/site-pages/site-page.js';
import { formatEditionDate } from '../../../core/articles/update-time.js';
import { html } from '../html/html.js';
import { articleBody } from './components/body-blocks.js';
import { renderPage } from './layout.js';
import { editionPath, type SiteContext } from './site-context.js';

export function renderSitePage(site: SiteContext, page: SitePage): string {
  const { t } = site;
  const main = html`<article class="site-page">
  <h1 dir="auto">${page.title}</h1>
  <div class="story-body">${articleBody(page.body, null)}</div>
  <p class="site-page-updated">${t.html('sitePage.updated', { date: html`<time datetime="${page.updatedAt.toISOString()}">${formatEditionDate(page.updatedAt, site.edition)}</time>` })}</p>
</article>`;
  const first = page.body.find((b) => b.type === 'paragraph');
  return renderPage(site, {
    title: page.title,
    description: first && 'text' in first ? first.text.slice(0, 200) : page.title,
    path: editionPath(site, `/${page.kind}`),
  }, main);
}
