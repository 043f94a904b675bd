/** @module Links between editions: og:locale and hreflang alternates in the head, the language switcher in the masthead. */
import type { Edition } from '../../../../core/editions/edition.js';
import { html, type SafeHtml } from '../../html/html.js';
import { absoluteUrl, editionPath, type PageMeta, type SiteContext } from '../site-context.js';

/** Open Graph wants language_TERRITORY: en-GB → en_GB; a locale without a region gets its likeliest (ar → ar_EG). */
const ogLocales = new Map<string, string>();

export function ogLocale(locale: string): string {
  let og = ogLocales.get(locale);
  if (og === undefined) {
    try {
      const full = new Intl.Locale(locale).maximize();
      og = full.region ? `${full.language}_${full.region}` : full.language;
    } catch {
      og = locale.replace(/-/g, '_');
    }
    ogLocales.set(locale, og);
  }
  return og;
}

/** An edition's hreflang: its language, or its whole locale when another edition shares the language (en-GB, en-US). */
export function hreflangOf(edition: Edition, editions: readonly Edition[]): string {
  return editions.some((e) => e.id !== edition.id && e.language === edition.language) ? edition.locale : edition.language;
}

/** The page's og:locale, every other edition's as og:locale:alternate, and (with several editions) hreflang links with x-default. */
export function editionHeadLinks(site: SiteContext, meta: PageMeta): SafeHtml {
  const others = site.editions.filter((e) => e.id !== site.edition.id);
  const locales = html`<meta property="og:locale" content="${ogLocale(site.edition.locale)}">
${others.map((e) => html`<meta property="og:locale:alternate" content="${ogLocale(e.locale)}">
`)}`;
  if (others.length === 0) return locales;
  const versions = [{ edition: site.edition, path: meta.path }, ...(meta.alternates ?? [])];
  const first = site.editions[0];
  // Readers whose language has no edition get the first edition's version when the page has one.
  const fallback = versions.find((v) => v.edition.id === first?.id)?.path ?? meta.path;
  return html`${locales}${versions.map((v) => html`<link rel="alternate" hreflang="${hreflangOf(v.edition, site.editions)}" href="${absoluteUrl(site, v.path)}">
`)}<link rel="alternate" hreflang="x-default" href="${absoluteUrl(site, fallback)}">`;
}

/** Each other edition by its own name, in its own language: this page's translation there, else that edition's home. */
export function editionSwitcher(site: SiteContext, meta: PageMeta): SafeHtml {
  const others = site.editions.filter((e) => e.id !== site.edition.id);
  if (others.length === 0) return html``;
  return html`<nav class="edition-switcher" aria-label="${site.t.html('masthead.editions')}"><ul>${others.map((e) => {
    const path = meta.alternates?.find((a) => a.edition.id === e.id)?.path ?? editionPath({ edition: e }, '/');
    return html`<li><a href="${path}" lang="${e.language}" hreflang="${hreflangOf(e, site.editions)}" dir="${e.direction}">${e.name}</a></li>`;
  })}</ul></nav>`;
}
