/** @module "What changed": the public differences between the published versions of an updated story (minor edits left out). */
import { articlePath, type Article } from '../../../core/articles/article.js';
import { storyDiff } from '../../../core/revisions/word-diff.js';
import type { Revision } from '../../../core/workflow/newsroom-store.js';
import { html } from '../html/html.js';
import { fieldDiffs } from '../html/word-diff-html.js';
import { updateTime } from './components/update-time.js';
import { renderPage } from './layout.js';
import type { SiteContext } from './site-context.js';

const KIND: Record<string, string> = { created: 'First published', published: 'First published', republished: 'Published again', updated: 'Updated', corrected: 'Corrected' };

export function renderChangesPage(site: SiteContext, article: Article, versions: Revision[]): string {
  const pairs = versions.slice(1).map((v, i) => ({ before: versions[i]!, after: v })).reverse();
  const main = html`<article class="changes-page" aria-labelledby="changes-h">
  <h1 id="changes-h">What changed in “${article.headline}”</h1>
  <p><a href="${articlePath(article)}">Back to the story</a></p>
  ${pairs.length === 0 ? html`<p class="empty-state">No earlier published version of this story is recorded.</p>` : ''}
  ${pairs.map(({ before, after }) => html`<section class="change">
    <h2>${updateTime(site, after.createdAt, KIND[after.kind] ?? 'Updated')}</h2>
    ${after.note ? html`<p class="update-note">${after.note}</p>` : ''}
    ${fieldDiffs(storyDiff(before.fields, after.fields))}
  </section>`)}
  ${versions[0] ? html`<p class="field-hint">${updateTime(site, versions[0].createdAt, KIND[versions[0].kind] ?? 'Published')}.</p>` : ''}
</article>`;
  return renderPage(site, { title: `What changed: ${article.headline}`, description: `Changes to the story since it was first published.`, path: `${articlePath(article)}/changes`, noindex: true }, main);
}
