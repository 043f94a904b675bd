/** @module The public corrections page of an edition: every correction of its published stories, newest first, with the story it corrects. */
import { articlePath, type ArticleSummary } from '../../../core/articles/article.js';
import { formatEditionDate } from '../../../core/articles/update-time.js';
import type { PublicCorrection } from '../../../core/articles/article-store.js';
import { html } from '../html/html.js';
import { isolate, storyDirection } from './components/bidi-text.js';
import { renderPage } from './layout.js';
import { editionPath, type SiteContext } from './site-context.js';

export const CORRECTIONS_PAGE_SIZE = 50;

/** `older`: the cursor of the next (older) page, when there is one. */
export function renderCorrectionsPage(site: SiteContext, corrections: PublicCorrection[], older: string | null, paged: boolean): string {
  const { t } = site;
  const path = editionPath(site, '/corrections');
  const story = (c: PublicCorrection) => ({ slug: c.article.slug, edition: site.edition }) as Pick<ArticleSummary, 'slug' | 'edition'>;
  const main = html`<section class="corrections-page" aria-labelledby="corrections-h">
  <h1 id="corrections-h">${t.html('corrections.heading')}</h1>
  <p>${t.html('corrections.intro', { site: isolate(site.siteName) })}</p>
  ${corrections.length === 0 ? html`<p class="empty-state">${t.html('corrections.none')}</p>` : html`<ol class="corrections-list">${corrections.map((c) => html`<li>
    <p class="corrections-story"><a href="${articlePath(story(c))}" dir="${storyDirection(site, { edition: site.edition })}">${c.article.headline}</a></p>
    <p class="correction-note">${t.html('article.correctionNote', { date: html`<time datetime="${c.createdAt.toISOString()}">${formatEditionDate(c.createdAt, site.edition)}</time>`, note: c.note })}</p>
  </li>`)}</ol>`}
  ${older ? html`<nav class="pager" aria-label="${t.html('corrections.pages')}"><a rel="next" href="${path}?before=${encodeURIComponent(older)}">${t.html('corrections.older')}</a></nav>` : ''}
</section>`;
  return renderPage(site, {
    title: t('corrections.heading'),
    description: t('corrections.intro', { site: site.siteName }),
    path,
    // Older pages are reached by their link; only the newest is the page to find.
    ...(paged ? { noindex: true } : {}),
  }, main);
}
