/** @module The editions admin pages: every edition with its address, the form to add one, and the form to change one. */
import type { Edition } from '../../../core/editions/edition.js';
import type { EditionForm } from '../../../core/editions/edition-service.js';
import { html, type SafeHtml } from '../html/html.js';

export const EMPTY_EDITION_FORM: EditionForm = { id: '', language: '', name: '', locale: '', numberingSystem: 'latn', timeZone: 'UTC', direction: null };

export function formOfEdition(e: Edition): EditionForm {
  return { id: e.id, language: e.language, name: e.name, locale: e.locale, numberingSystem: e.numberingSystem, timeZone: e.timeZone, direction: e.direction };
}

const addressOf = (e: Edition) => (e.pathPrefix ? `${e.pathPrefix}/` : '/');

function editionTable(editions: readonly Edition[]): SafeHtml {
  return html`<table class="nr-table"><caption class="visually-hidden">Editions, in menu order</caption>
<thead><tr><th scope="col">Name</th><th scope="col">Code</th><th scope="col">Address</th><th scope="col">Language</th><th scope="col">Locale and digits</th><th scope="col">Time zone</th><th scope="col">Direction</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>${editions.map((e) => html`<tr>
  <td lang="${e.language}" dir="${e.direction}">${e.name}</td><td>${e.id}</td><td><a href="${addressOf(e)}">${addressOf(e)}</a></td>
  <td>${e.language}</td><td>${e.locale} · ${e.numberingSystem === 'arab' ? 'Arabic-Indic digits' : 'Latin digits'}</td><td>${e.timeZone}</td>
  <td>${e.direction === 'rtl' ? 'Right to left' : 'Left to right'}</td><td><a href="/newsroom/editions/${e.id}">Edit</a></td></tr>`)}</tbody></table>`;
}

/** The fields of the add and edit forms; the code is fixed once an edition exists (it is its address). */
function editionFields(values: EditionForm, fixedId: boolean): SafeHtml {
  const option = (value: string, label: string, current: string) => html`<option value="${value}"${value === current ? ' selected' : ''}>${label}</option>`;
  return html`<div class="field-row">
    <div class="field"><label class="field-label" for="e-id">Code</label>
      ${fixedId ? html`<input id="e-id" type="text" value="${values.id}" readonly aria-describedby="e-id-hint">` : html`<input id="e-id" name="id" type="text" value="${values.id}" required maxlength="20" pattern="[a-zA-Z]{2,3}(-[a-zA-Z0-9]{2,8})?" aria-describedby="e-id-hint">`}
      <p class="field-hint" id="e-id-hint">${fixedId ? 'The code is the edition\u2019s address and does not change.' : 'Two or three letters (ar, fr, zh-hant): the edition is served under /code/.'}</p></div>
    <div class="field"><label class="field-label" for="e-name">Name</label><input id="e-name" name="name" type="text" value="${values.name}" required maxlength="60" dir="auto" aria-describedby="e-name-hint">
      <p class="field-hint" id="e-name-hint">In the edition's own language: English, العربية.</p></div>
  </div>
  <div class="field-row">
    <div class="field"><label class="field-label" for="e-language">Language (BCP 47)</label><input id="e-language" name="language" type="text" value="${values.language}" required maxlength="35" placeholder="ar"></div>
    <div class="field"><label class="field-label" for="e-locale">Locale of dates and numbers</label><input id="e-locale" name="locale" type="text" value="${values.locale}" required maxlength="35" placeholder="ar-SA"></div>
    <div class="field"><label class="field-label" for="e-digits">Digits</label><select id="e-digits" name="numberingSystem">${option('latn', 'Latin (0123)', values.numberingSystem)}${option('arab', 'Arabic-Indic (٠١٢٣)', values.numberingSystem)}</select></div>
  </div>
  <div class="field-row">
    <div class="field"><label class="field-label" for="e-zone">Time zone (IANA)</label><input id="e-zone" name="timeZone" type="text" value="${values.timeZone}" required maxlength="64" placeholder="Asia/Riyadh"></div>
    <div class="field"><label class="field-label" for="e-direction">Direction</label><select id="e-direction" name="direction">${option('', 'From the language', values.direction ?? '')}${option('ltr', 'Left to right', values.direction ?? '')}${option('rtl', 'Right to left', values.direction ?? '')}</select></div>
  </div>`;
}

export function editionsPage(editions: readonly Edition[], csrf: string, values: EditionForm): SafeHtml {
  return html`<h1>Editions</h1>
<p class="field-hint">The first edition is served at /, each other one under its code (/ar/ …). A story belongs to the edition of its section.</p>
${editionTable(editions)}
<h2>Add an edition</h2>
<form class="nr-form" method="post" action="/newsroom/editions"><input type="hidden" name="_csrf" value="${csrf}">
  ${editionFields(values, false)}
  <div class="button-row"><button class="btn btn-primary" type="submit">Add edition</button></div>
</form>`;
}

export function editionEditPage(id: string, csrf: string, values: EditionForm): SafeHtml {
  return html`<h1>Edit edition <bdi>${values.name || id}</bdi></h1>
<form class="nr-form" method="post" action="/newsroom/editions/${id}"><input type="hidden" name="_csrf" value="${csrf}">
  ${editionFields({ ...values, id }, true)}
  <div class="button-row"><button class="btn btn-primary" type="submit">Save edition</button> <a href="/newsroom/editions">Back to editions</a></div>
</form>`;
}
