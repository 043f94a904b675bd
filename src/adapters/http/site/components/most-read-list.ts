/** @module "Most read": the edition's most read stories of the last 24 hours, ranked, as a block of a page's sidebar or rail. */
import { articlePath, type ArticleSummary } from '../../../../core/articles/article.js';
import { html, type SafeHtml } from '../../html/html.js';
import type { SiteContext } from '../site-context.js';
import { editionLanguage, storyDirection } from './bidi-text.js';

/** Nothing at all when nothing was read yet: an empty heading helps no one. `id` keeps the heading's id unique on the page. */
export function mostReadList(site: SiteContext, stories: readonly ArticleSummary[], id = 'most-read-h'): SafeHtml {
  if (stories.length === 0) return html``;
  return html`<section class="most-read" aria-labelledby="${id}">
  <h2 id="${id}" class="block-title">${site.t.html('mostRead.heading')}</h2>
  <ol class="most-read-list">${stories.map((s) => html`<li${editionLanguage(site, s)}><a href="${articlePath(s)}" dir="${storyDirection(site, s)}">${s.headline}</a></li>`)}</ol>
</section>`;
}
