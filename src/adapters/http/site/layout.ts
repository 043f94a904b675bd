/** @module The page shell in the edition's language and direction: head (metadata in head-meta.ts), masthead with sections and editions, main landmark, footer. */
import { intlLocale } from '../../../core/editions/edition.js';
import { html, type SafeHtml } from '../html/html.js';
import { clientMessageData } from '../i18n/client-message-data.js';
import { isolate } from './components/bidi-text.js';
import { editionSwitcher } from './components/edition-links.js';
import { headMeta } from './head-meta.js';
import { sitePageLinks } from './components/site-page-links.js';
import { editionPath, type PageMeta, type SiteContext } from './site-context.js';

function masthead(site: SiteContext, meta: PageMeta): SafeHtml {
  const { t } = site;
  const link = (path: string, label: string) =>
    html`<li><a href="${path}"${meta.path === path ? html` aria-current="page"` : ''}>${label}</a></li>`;
  const sections = site.sections.map((s) => link(editionPath(site, `/section/${encodeURIComponent(s.slug)}`), s.name));
  return html`<header class="masthead">
  <div class="masthead-inner">
    <a class="brand" href="${editionPath(site, '/')}">${site.siteName}</a>
    ${editionSwitcher(site, meta)}
    <form class="search-box" role="search" aria-label="${t.html('masthead.searchRegion')}" action="${editionPath(site, '/search')}" method="get">
      <label for="site-search" class="visually-hidden">${t.html('search.field')}</label>
      <input id="site-search" type="search" name="q" placeholder="${t.html('search.placeholder')}" maxlength="200" dir="auto">
      <button type="submit">${t.html('search.button')}</button>
    </form>
  </div>
  <nav class="sections-nav" aria-label="${t.html('masthead.sections')}">
    <ul>${link(editionPath(site, '/'), t('masthead.home'))}${link(editionPath(site, '/latest'), t('masthead.latest'))}${sections}${link(editionPath(site, '/following'), t('masthead.following'))}${link(editionPath(site, '/account'), t('masthead.account'))}</ul>
  </nav>
</header>`;
}

function footer(site: SiteContext): SafeHtml {
  const { t } = site;
  return html`<footer class="site-footer">
  <p>${isolate(site.siteName)} · ${isolate(site.siteDescription)}</p>
  <p><a href="${editionPath(site, '/feed.xml')}">${t.html('feed.rss')}</a> · <a href="${editionPath(site, '/feed.atom')}">${t.html('feed.atom')}</a> · <a href="${editionPath(site, '/feed.json')}">${t.html('feed.json')}</a> · <a href="${editionPath(site, '/sitemap.xml')}">${t.html('footer.sitemap')}</a> · <a href="${editionPath(site, '/corrections')}">${t.html('footer.corrections')}</a></p>
  ${sitePageLinks(site)}
</footer>`;
}

/**
 * A whole reader page. `<html>` carries the edition for the browser script: its language and direction,
 * the Intl locale (with digits) and zone the ticking times use, its id and path prefix for live updates,
 * and the script's words as JSON (a data attribute: the CSP allows no inline script).
 */
export function renderPage(site: SiteContext, meta: PageMeta, main: SafeHtml, extraHead: SafeHtml = html``): string {
  const { edition, t } = site;
  return html`<!doctype html>
<html lang="${edition.language}" dir="${edition.direction}" data-locale="${intlLocale(edition)}" data-time-zone="${edition.timeZone}" data-edition="${edition.id}" data-path-prefix="${edition.pathPrefix}" data-messages="${clientMessageData(t)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${headMeta(site, meta)}
<link rel="icon" href="${site.assets.icon}" type="image/svg+xml">
<link rel="stylesheet" href="${site.assets.css}">
<link rel="stylesheet" href="${site.assets.printCss}" media="print">
<script src="${site.assets.js}" defer></script>
${extraHead}
</head>
<body>
<a class="skip-link" href="#main">${t.html('page.skipLink')}</a>
${masthead(site, meta)}
<main id="main" tabindex="-1">
${main}
</main>
${footer(site)}
</body>
</html>`.toString();
}

/** The same page in every other edition (home, Latest: each edition has one), as PageMeta alternates. */
export function everyEditionAlternates(site: SiteContext, path: string): NonNullable<PageMeta['alternates']> {
  return site.editions.filter((e) => e.id !== site.edition.id).map((edition) => ({ edition, path: editionPath({ edition }, path) }));
}
