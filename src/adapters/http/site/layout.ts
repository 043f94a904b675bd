/** @module The page shell: head metadata, masthead with sections, main landmark, footer. */
import { html, safeUrl, type SafeHtml } from '../html/html.js';
import { absoluteUrl, type PageMeta, type SiteContext } from './site-context.js';

function headMeta(site: SiteContext, meta: PageMeta): SafeHtml {
  const canonical = absoluteUrl(site, meta.path);
  const title = meta.title === site.siteName ? site.siteName : `${meta.title} | ${site.siteName}`;
  const image = meta.image ? safeUrl(meta.image) : null;
  return html`<title>${title}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${canonical}">
${meta.noindex ? html`<meta name="robots" content="noindex">` : ''}
<meta property="og:site_name" content="${site.siteName}">
<meta property="og:type" content="${meta.type ?? 'website'}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${canonical}">
${image ? html`<meta property="og:image" content="${image}">` : ''}
<meta name="twitter:card" content="${image ? 'summary_large_image' : 'summary'}">
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
${(meta.feeds ?? []).map((f) => html`<link rel="alternate" type="application/rss+xml" title="${f.title}" href="${f.path}">`)}`;
}

function masthead(site: SiteContext, currentPath: string): SafeHtml {
  const link = (path: string, label: string) =>
    html`<li><a href="${path}"${currentPath === path ? html` aria-current="page"` : ''}>${label}</a></li>`;
  return html`<header class="masthead">
  <div class="masthead-inner">
    <a class="brand" href="/">${site.siteName}</a>
    <form class="search-box" role="search" aria-label="Site search" action="/search" method="get">
      <label for="site-search" class="visually-hidden">Search stories</label>
      <input id="site-search" type="search" name="q" placeholder="Search" maxlength="200">
      <button type="submit">Search</button>
    </form>
  </div>
  <nav class="sections-nav" aria-label="Sections">
    <ul>${link('/', 'Home')}${site.sections.map((s) => link(`/section/${encodeURIComponent(s.slug)}`, s.name))}${link('/following', 'Following')}</ul>
  </nav>
</header>`;
}

export function renderPage(site: SiteContext, meta: PageMeta, main: SafeHtml, extraHead: SafeHtml = html``): string {
  return html`<!doctype html>
<html lang="${site.edition.locale.split('-')[0] ?? 'en'}" data-locale="${site.edition.locale}" data-time-zone="${site.edition.timeZone}">
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
<a class="skip-link" href="#main">Skip to content</a>
${masthead(site, meta.path)}
<main id="main" tabindex="-1">
${main}
</main>
<footer class="site-footer">
  <p>${site.siteName} · ${site.siteDescription}</p>
  <p><a href="/feed.xml">RSS</a> · <a href="/feed.atom">Atom</a> · <a href="/feed.json">JSON Feed</a> · <a href="/sitemap.xml">Sitemap</a></p>
</footer>
</body>
</html>`.toString();
}
