/** @module "What changed": the public differences between the published versions of an updated story (minor edits left out). */
import { articlePath, isUpdated, type Article } from '../../../core/articles/article.js';
import { storyDiff } from '../../../core/revisions/word-diff.js';
import { formatEditionDate } from '../../../core/articles/update-time.js';
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

/**
 * A story that came in already published (an import, wire copy) starts its history with a `created` version: what
 * happened to it before, its updates included, is not here. Said so, with the story's own first-published time.
 */
function beforeArrival(site: SiteContext, article: Article, first: Revision, noPairs: boolean): SafeHtml {
  const arrived = html`<time datetime="${first.createdAt.toISOString()}">${formatEditionDate(first.createdAt, site.edition)}</time>`;
  const published = article.firstPublishedAt ?? first.createdAt;
  // Updated before it arrived (the Update badge came with it): say why no earlier version is here.
  const predates = noPairs && isUpdated(article);
  return html`${predates ? html`<p class="empty-state">${site.t.html('changes.predatesImport', { site: isolate(site.siteName), date: arrived })}</p>` : ''}
  ${noPairs && !predates ? html`<p class="empty-state">${site.t.html('changes.none')}</p>` : ''}
  <p class="field-hint">${updateTime(site, published, 'firstPublished')}.${noPairs ? '' : html` ${site.t.html('changes.importedOn', { site: isolate(site.siteName), date: arrived })}`}</p>`;
}

export function renderChangesPage(site: SiteContext, article: Article, versions: Revision[]): string {
  const { t } = site;
  const pairs = versions.slice(1).map((v, i) => ({ before: versions[i]!, after: v })).reverse();
  const first = versions[0];
  const arrivedPublished = first?.kind === 'created';
  const main = html`<article class="changes-page" aria-labelledby="changes-h">
  <h1 id="changes-h">${t.html('changes.heading', { headline: isolate(article.headline, storyDirection(site, article)) })}</h1>
  <p><a href="${articlePath(article)}">${t.html('changes.back')}</a></p>
  ${pairs.length === 0 && !arrivedPublished ? html`<p class="empty-state">${t.html('changes.none')}</p>` : ''}
  ${pairs.map(({ before, after }) => html`<section class="change">
    <h2>${updateTime(site, after.createdAt, EVENT[after.kind] ?? 'updated')}</h2>
    ${after.note ? html`<p class="update-note">${after.note}</p>` : ''}
    ${differences(site, before, after)}
  </section>`)}
  ${first && arrivedPublished ? beforeArrival(site, article, first, pairs.length === 0) : ''}
  ${first && !arrivedPublished ? html`<p class="field-hint">${updateTime(site, first.createdAt, EVENT[first.kind] ?? 'firstPublished')}.</p>` : ''}
</article>`;
  return renderPage(site, {
    title: t('changes.title', { headline: article.headline }),
    description: t('changes.description'),
    path: `${articlePath(article)}/changes`,
    noindex: true,
  }, main);
}
