/** @module "What changed": the public differences between the published versions of an updated story (minor edits left out). */
import { articlePath, type Article } from '../../../core/articles/article.js';
import { storyDiff } from '../../../core/revisions/word-diff.js';
import type { Revision } from '../../../core/articles/article-workflow-store.js';
import { html, type SafeHtml } from '../html/html.js';
import { fieldDiffs } from '../html/word-diff-html.js';
import { isolate, storyDirection } from './components/bidi-text.js';
import { updateTime, type TimeEvent } from './components/update-time.js';
import { renderPage } from './layout.js';
import type { SiteContext } from './site-context.js';

const EVENT: Record<string, TimeEvent> = { created: 'firstPublished', published: 'firstPublished', republished: 'publishedAgain', updated: 'updated', corrected: 'corrected' };

/** The word diffs of two versions, each field named in the edition's words. */
function differences(site: SiteContext, before: Revision, after: Revision): SafeHtml {
  const diffs = storyDiff(before.fields, after.fields).map((d) => ({ ...d, label: site.t('changes.field', { field: d.field }) }));
  return diffs.length ? fieldDiffs(diffs) : html`<p class="empty-state">${site.t.html('changes.noDifferences')}</p>`;
}

export function renderChangesPage(site: SiteContext, article: Article, versions: Revision[]): string {
  const { t } = site;
  const pairs = versions.slice(1).map((v, i) => ({ before: versions[i]!, after: v })).reverse();
  const first = versions[0];
  const main = html`<article class="changes-page" aria-labelledby="changes-h">
  <h1 id="changes-h">${t.html('changes.heading', { headline: isolate(article.headline, storyDirection(site, article)) })}</h1>
  <p><a href="${articlePath(article)}">${t.html('changes.back')}</a></p>
  ${pairs.length === 0 ? html`<p class="empty-state">${t.html('changes.none')}</p>` : ''}
  ${pairs.map(({ before, after }) => html`<section class="change">
    <h2>${updateTime(site, after.createdAt, EVENT[after.kind] ?? 'updated')}</h2>
    ${after.note ? html`<p class="update-note">${after.note}</p>` : ''}
    ${differences(site, before, after)}
  </section>`)}
  ${first ? html`<p class="field-hint">${updateTime(site, first.createdAt, EVENT[first.kind] ?? 'firstPublished')}.</p>` : ''}
</article>`;
  return renderPage(site, {
    title: t('changes.title', { headline: article.headline }),
    description: t('changes.description'),
    path: `${articlePath(article)}/changes`,
    noindex: true,
  }, main);
}
