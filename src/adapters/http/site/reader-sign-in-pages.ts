/** @module The pages before a reader is signed in: the sign-in form, "check your inbox", confirm a link, a link that no longer works, an account deleted. */
import { html, type SafeHtml } from '../html/html.js';
import { renderPage } from './layout.js';
import { editionPath, type SiteContext } from './site-context.js';

/** The form that asks for a sign-in link (on the sign-in page, and again under "check your inbox" and a dead link). */
export function signInForm(site: SiteContext, values: { email: string; csrf: string; error: string | null }): SafeHtml {
  const { t } = site;
  return html`<form class="account-form" method="post" action="${editionPath(site, '/account/sign-in')}" novalidate>
  <input type="hidden" name="_csrf" value="${values.csrf}">
  <div class="account-field">
    <label for="reader-email">${t.html('account.signIn.email')}</label>
    <input id="reader-email" name="email" type="email" autocomplete="email" inputmode="email" dir="ltr" maxlength="320" required value="${values.email}"${values.error ? html` aria-invalid="true" aria-describedby="reader-email-error"` : ''}>
    ${values.error ? html`<p class="account-error" id="reader-email-error" role="alert">${values.error}</p>` : ''}
  </div>
  <button class="account-button" type="submit">${t.html('account.signIn.submit')}</button>
</form>`;
}

function accountPage(site: SiteContext, title: string, path: string, main: SafeHtml): string {
  return renderPage(site, { title, description: title, path: editionPath(site, path), noindex: true }, html`<div class="account">${main}</div>`);
}

export function renderSignInPage(site: SiteContext, values: { email: string; csrf: string; error: string | null }): string {
  const { t } = site;
  return accountPage(site, t('account.signIn.title'), '/account/sign-in', html`<h1>${t.html('account.signIn.title')}</h1>
<p>${t.html('account.signIn.intro')}</p>
${signInForm(site, values)}`);
}

export function renderCheckInboxPage(site: SiteContext, email: string, csrf: string): string {
  const { t } = site;
  return accountPage(site, t('account.checkInbox.title'), '/account/sign-in', html`<h1>${t.html('account.checkInbox.title')}</h1>
<p role="status">${t.html('account.checkInbox.body', { email: html`<bdi dir="ltr">${email}</bdi>` })}</p>
<p>${t.html('account.checkInbox.help')}</p>
${signInForm(site, { email, csrf, error: null })}`);
}

/**
 * A link opens this page, not a session: mail scanners that fetch links do not spend them; the reader's button does.
 * `email`: the account the link signs in to (null when the link no longer works: the button then says so), shown so a
 * reader sent someone else's link does not sign in to it unawares.
 */
export function renderConfirmLinkPage(site: SiteContext, token: string, csrf: string, email: string | null): string {
  const { t } = site;
  return accountPage(site, t('account.verify.title'), '/account/verify', html`<h1>${t.html('account.verify.title')}</h1>
${email ? html`<p class="account-verify-as"><strong>${t.html('account.verify.as', { email: html`<bdi dir="ltr">${email}</bdi>` })}</strong></p>
<p>${t.html('account.verify.notYou')}</p>` : ''}
<p>${t.html('account.verify.body')}</p>
<form class="account-form" method="post" action="${editionPath(site, '/account/verify')}">
  <input type="hidden" name="_csrf" value="${csrf}">
  <input type="hidden" name="token" value="${token}">
  <button class="account-button" type="submit">${t.html('account.verify.submit')}</button>
</form>`);
}

export function renderLinkInvalidPage(site: SiteContext, csrf: string): string {
  const { t } = site;
  return accountPage(site, t('account.linkInvalid.title'), '/account/verify', html`<h1>${t.html('account.linkInvalid.title')}</h1>
<p>${t.html('account.linkInvalid.body')}</p>
${signInForm(site, { email: '', csrf, error: null })}`);
}

export function renderAccountDeletedPage(site: SiteContext): string {
  const { t } = site;
  return accountPage(site, t('account.deleted.title'), '/account', html`<h1>${t.html('account.deleted.title')}</h1>
<p role="status">${t.html('account.deleted.body')}</p>
<p><a href="${editionPath(site, '/')}">${t.html('masthead.home')}</a></p>`);
}

/** "This form expired" on the sign-in form (a missing or foreign double-submit token). */
export function renderFormExpiredPage(site: SiteContext, csrf: string): string {
  return renderSignInPage(site, { email: '', csrf, error: site.t('account.signIn.formExpired') });
}
