/** @module The Section select of the newsroom: sections grouped by edition (picking a section picks the story's edition). */
import type { NamedRef } from '../../../core/articles/article.js';
import type { Edition } from '../../../core/editions/edition.js';
import { html, type SafeHtml } from '../html/html.js';

export type EditionSection = NamedRef & { edition: string };

/** Sections by edition, in edition order; sections of an edition this process does not know come last, under their code. */
export function sectionsByEdition<S extends EditionSection>(sections: readonly S[], editions: readonly Pick<Edition, 'id' | 'name' | 'language'>[]) {
  const known = editions.map((edition) => ({ edition, sections: sections.filter((s) => s.edition === edition.id) }));
  const strays = [...new Set(sections.map((s) => s.edition))].filter((id) => !editions.some((e) => e.id === id))
    .map((id) => ({ edition: { id, name: id, language: id }, sections: sections.filter((s) => s.edition === id) }));
  return [...known, ...strays].filter((g) => g.sections.length > 0);
}

/** The options of a Section select; grouped under each edition's name when the site has more than one. */
export function sectionOptions(sections: readonly EditionSection[], editions: readonly Pick<Edition, 'id' | 'name' | 'language'>[], selected: string): SafeHtml {
  const option = (s: NamedRef) => html`<option value="${s.slug}"${s.slug === selected ? ' selected' : ''} dir="auto">${s.name}</option>`;
  const groups = sectionsByEdition(sections, editions);
  if (groups.length <= 1 && editions.length <= 1) return html`${sections.map(option)}`;
  return html`${groups.map((g) => html`<optgroup label="${g.edition.name}" lang="${g.edition.language}">${g.sections.map(option)}</optgroup>`)}`;
}
