/** @module The unsubscribe page in the reader's edition: the question and a button (GET), the answer (after the POST), or why the link does not work. */
import { html, type SafeHtml } from '../html/html.js';
import { renderPage } from './layout.js';
import { editionPath, type SiteContext } from './site-context.js';
import type { UnsubscribeLink } from '../../../core/mailings/unsubscribe-service.js';

/** The page's canonical path has no token: it never reaches a canonical link, a share tag or a log of links. */
const PAGE_PATH = '/unsubscribe';
/** The reader's account page, with their e-mail preferences (under each edition's prefix; it asks to sign in first). */
export const PREFERENCES_PATH = '/account';
/** The token is in the page's URL: no link on it sends that URL on as a Referer. */
const NO_REFERRER = html`<meta name="referrer" content="no-referrer">`;

function preferencesLine(site: SiteContext): SafeHtml {
  return html`<p>${site.t.html('unsubscribe.preferences', { prefs: (inner) => html`<a href="${editionPath(site, PREFERENCES_PATH)}">${inner}</a>` })}</p>`;
}

export function renderUnsubscribeQuestion(site: SiteContext, link: UnsubscribeLink, email: string, token: string): string {
  const { t } = site;
  const main = html`<section class="unsubscribe">
<h1>${t.html('unsubscribe.title')}</h1>
<p>${t.html('unsubscribe.question', { list: link.list, site: site.siteName })}</p>
<p>${t.html('unsubscribe.address', { email: html`<bdi dir="ltr">${email}</bdi>` })}</p>
<form method="post" action="/unsubscribe/${token}">
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${t.html('unsubscribe.button')}</button>
</form>
${preferencesLine(site)}
</section>`;
  return renderPage(site, { title: t('unsubscribe.title'), description: t('unsubscribe.title'), path: PAGE_PATH, noindex: true }, main, NO_REFERRER);
}

export function renderUnsubscribed(site: SiteContext, link: UnsubscribeLink): string {
  const { t } = site;
  const main = html`<section class="unsubscribe">
<h1>${t.html('unsubscribe.title')}</h1>
<p role="status">${t.html('unsubscribe.done', { list: link.list, site: site.siteName })}</p>
${preferencesLine(site)}
</section>`;
  return renderPage(site, { title: t('unsubscribe.title'), description: t('unsubscribe.title'), path: PAGE_PATH, noindex: true }, main, NO_REFERRER);
}

export function renderInvalidUnsubscribeLink(site: SiteContext): string {
  const { t } = site;
  const main = html`<section class="unsubscribe">
<h1>${t.html('unsubscribe.invalidTitle')}</h1>
<p>${t.html('unsubscribe.invalid')}</p>
${preferencesLine(site)}
</section>`;
  return renderPage(site, { title: t('unsubscribe.invalidTitle'), description: t('unsubscribe.invalidTitle'), path: PAGE_PATH, noindex: true }, main, NO_REFERRER);
}
