/** @module The signed-in reader's account page (preferences, follows, export, delete, sign out) and the confirmation before deletion. */
import { renderPushControl } from './push-control.js';
import type { FollowList } from '../../../core/readers/reader-follows.js';
import type { Reader } from '../../../core/readers/reader.js';
import { intlLocale } from '../../../core/editions/edition.js';
import { html, type SafeHtml } from '../html/html.js';
import { isolate } from './components/bidi-text.js';
import { renderPage } from './layout.js';
import { editionPath, type SiteContext } from './site-context.js';

export interface AccountView {
  reader: Reader;
  csrf: string;
  follows: FollowList;
  notice: 'saved' | 'welcome' | 'invalid' | null;
}

const KINDS = [['topic', 'topics'], ['section', 'sections'], ['author', 'authors']] as const;

function choices(site: SiteContext, reader: Reader): { hours: SafeHtml[]; weekdays: SafeHtml[] } {
  const locale = intlLocale(site.edition);
  const hourText = new Intl.DateTimeFormat(locale, { hour: 'numeric', minute: '2-digit', timeZone: 'UTC' });
  const dayText = new Intl.DateTimeFormat(locale, { weekday: 'long', timeZone: 'UTC' });
  const selected = (on: boolean) => (on ? html` selected` : '');
  // 2024-01-01 was a Monday: day n of the ISO week is 2024-01-0n.
  return {
    hours: Array.from({ length: 24 }, (_, h) => html`<option value="${h}"${selected(h === reader.digestHour)}>${hourText.format(Date.UTC(2024, 0, 1, h))}</option>`),
    weekdays: Array.from({ length: 7 }, (_, i) => html`<option value="${i + 1}"${selected(i + 1 === reader.digestWeekday)}>${dayText.format(Date.UTC(2024, 0, i + 1))}</option>`),
  };
}

function preferencesForm(site: SiteContext, view: AccountView): SafeHtml {
  const { t } = site;
  const { reader } = view;
  const { hours, weekdays } = choices(site, reader);
  const checked = (on: boolean) => (on ? html` checked` : '');
  return html`<section class="account-section" aria-labelledby="prefs-h">
  <h2 id="prefs-h">${t.html('account.prefs.heading')}</h2>
  <form class="account-form" method="post" action="${editionPath(site, '/account/preferences')}">
    <input type="hidden" name="_csrf" value="${view.csrf}">
    <fieldset class="account-choices"><legend>${t.html('account.prefs.digest')}</legend>
      ${(['off', 'daily', 'weekly'] as const).map((choice) => html`<label><input type="radio" name="digest" value="${choice}"${checked(reader.digest === choice)}> ${t.html('account.prefs.digestChoice', { choice })}</label>`)}
    </fieldset>
    <div class="account-field"><label for="digest-hour">${t.html('account.prefs.hour', { zone: site.edition.timeZone })}</label>
      <select id="digest-hour" name="digestHour">${hours}</select></div>
    <div class="account-field"><label for="digest-weekday">${t.html('account.prefs.weekday')}</label>
      <select id="digest-weekday" name="digestWeekday">${weekdays}</select></div>
    <label class="account-check"><input type="checkbox" name="newsletters" value="on"${checked(reader.newsletters)}> ${t.html('account.prefs.newsletters')}</label>
    <label class="account-check"><input type="checkbox" name="alertEmail" value="on"${checked(reader.alertEmail)}> ${t.html('account.prefs.alertEmail')}</label>
    <button class="account-button" type="submit">${t.html('account.prefs.save')}</button>
  </form>
  ${renderPushControl(site)}
</section>`;
}

function followsSection(site: SiteContext, view: AccountView): SafeHtml {
  const { t } = site;
  const empty = KINDS.every(([, list]) => view.follows[list].length === 0);
  const path = (kind: string, slug: string) => `/${kind}/${encodeURIComponent(slug)}`;
  return html`<section class="account-section" aria-labelledby="follows-h" data-account-follows>
  <h2 id="follows-h">${t.html('account.follows.heading')}</h2>
  ${empty ? html`<p>${t.html('account.follows.none')}</p>` : KINDS.filter(([, list]) => view.follows[list].length).map(([kind, list]) => html`<h3>${t.html('account.follows.kind', { kind })}</h3>
  <ul class="account-follows">${view.follows[list].map((f) => html`<li>
    <a href="${editionPath(kind === 'section' && f.edition ? { edition: site.editions.find((e) => e.id === f.edition) ?? site.edition } : site, path(kind, f.slug))}" dir="auto">${f.name}</a>
    <form method="post" action="${editionPath(site, `/account/follows/${kind}/${encodeURIComponent(f.slug)}`)}">
      <input type="hidden" name="_csrf" value="${view.csrf}"><input type="hidden" name="action" value="unfollow">
      <button class="account-link-button" type="submit">${t.html('account.follows.unfollow')}<span class="visually-hidden"> ${isolate(f.name)}</span></button>
    </form>
  </li>`)}</ul>`)}
</section>`;
}

export function renderAccountPage(site: SiteContext, view: AccountView): string {
  const { t } = site;
  const notice = view.notice === 'saved' ? t.html('account.prefs.saved') : view.notice === 'welcome' ? t.html('account.welcome')
    : view.notice === 'invalid' ? t.html('account.prefs.invalid') : null;
  const main = html`<div class="account" data-account data-csrf="${view.csrf}"${view.notice === 'welcome' ? html` data-account-merge` : ''}>
<h1>${t.html('account.title')}</h1>
<p>${t.html('account.signedInAs', { email: html`<bdi dir="ltr">${view.reader.email}</bdi>` })}</p>
${notice ? html`<p class="account-notice" role="status">${notice}</p>` : ''}
${preferencesForm(site, view)}
${followsSection(site, view)}
<section class="account-section" aria-labelledby="data-h">
  <h2 id="data-h">${t.html('account.data.heading')}</h2>
  <p><a href="${editionPath(site, '/account/export.json')}" download>${t.html('account.data.export')}</a></p>
</section>
<section class="account-section" aria-labelledby="delete-h">
  <h2 id="delete-h">${t.html('account.delete.heading')}</h2>
  <p>${t.html('account.delete.intro')}</p>
  <form method="post" action="${editionPath(site, '/account/delete')}">
    <input type="hidden" name="_csrf" value="${view.csrf}">
    <button class="account-button account-danger" type="submit">${t.html('account.delete.submit')}</button>
  </form>
</section>
<form method="post" action="${editionPath(site, '/account/sign-out')}">
  <input type="hidden" name="_csrf" value="${view.csrf}">
  <button class="account-button" type="submit">${t.html('account.signOut')}</button>
</form>
</div>`;
  return renderPage(site, { title: t('account.title'), description: t('account.title'), path: editionPath(site, '/account'), noindex: true }, main);
}

export function renderDeleteConfirmPage(site: SiteContext, reader: Reader, csrf: string): string {
  const { t } = site;
  const main = html`<div class="account">
<h1>${t.html('account.delete.confirmTitle')}</h1>
<p>${t.html('account.delete.confirmBody', { email: html`<bdi dir="ltr">${reader.email}</bdi>` })}</p>
<form method="post" action="${editionPath(site, '/account/delete')}">
  <input type="hidden" name="_csrf" value="${csrf}"><input type="hidden" name="confirm" value="yes">
  <button class="account-button account-danger" type="submit">${t.html('account.delete.confirm')}</button>
</form>
<p><a href="${editionPath(site, '/account')}">${t.html('account.delete.cancel')}</a></p>
</div>`;
  return renderPage(site, { title: t('account.delete.confirmTitle'), description: t('account.delete.confirmTitle'), path: editionPath(site, '/account/delete'), noindex: true }, main);
}
