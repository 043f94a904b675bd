/** @module A reader page's head metadata: title, description, canonical URL, robots, Open Graph and Twitter cards with an absolute image, hreflang and feeds. */
import { html, type SafeHtml } from '../html/html.js';
import { editionHeadLinks } from './components/edition-links.js';
import { absoluteUrl, type PageMeta, type SiteContext } from './site-context.js';
import { shareImageOf } from './site-images.js';

/**
 * Every page has an image for link previews: its own (a story's lead photo) or the site's share image, always as an
 * absolute URL (Facebook, WhatsApp and LinkedIn drop relative ones), with its size when known and its text alternative.
 */
function previewImage(image: ReturnType<typeof shareImageOf>): SafeHtml {
  return html`<meta property="og:image" content="${image.url}">
${image.width && image.height ? html`<meta property="og:image:width" content="${image.width}">
<meta property="og:image:height" content="${image.height}">
` : ''}<meta property="og:image:alt" content="${image.alt}">
<meta name="twitter:card" content="summary_large_image">
<meta name="twitter:image" content="${image.url}">
<meta name="twitter:image:alt" content="${image.alt}">`;
}

export function headMeta(site: SiteContext, meta: PageMeta): SafeHtml {
  const canonical = absoluteUrl(site, meta.path);
  const title = meta.title === site.siteName ? site.siteName : site.t('page.title', { title: meta.title, site: site.siteName });
  return html`<title>${title}</title>
<meta name="description" content="${meta.description}">
<link rel="canonical" href="${canonical}">
${meta.noindex ? html`<meta name="robots" content="noindex">` : ''}
<meta property="og:site_name" content="${site.siteName}">
<meta property="og:type" content="${meta.type ?? 'website'}">
<meta property="og:title" content="${meta.title}">
<meta property="og:description" content="${meta.description}">
<meta property="og:url" content="${canonical}">
${editionHeadLinks(site, meta)}
${previewImage(meta.image ?? shareImageOf(site))}
<meta name="twitter:title" content="${meta.title}">
<meta name="twitter:description" content="${meta.description}">
${(meta.feeds ?? []).map((f) => html`<link rel="alternate" type="application/rss+xml" title="${f.title}" href="${f.path}">`)}`;
}
