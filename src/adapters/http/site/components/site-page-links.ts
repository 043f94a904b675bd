/** @module The footer's links to the edition's static pages that have been written, in a fixed order, in the edition's words. */
import { SITE_PAGE_KINDS, type SitePageKind } from '../../../../core/site-pages/site-page.js';
import { html, type SafeHtml } from '../../html/html.js';
import type { MessageKey } from '../../i18n/message-catalogue.js';
import { editionPath, type SiteContext } from '../site-context.js';

/** The footer's words for each page (the page's own title is the staff's). */
export const SITE_PAGE_LABELS: Record<SitePageKind, MessageKey> = {
  about: 'footer.about',
  contact: 'footer.contact',
  'corrections-policy': 'footer.correctionsPolicy',
  privacy: 'footer.privacy',
};

export function sitePageLinks(site: SiteContext): SafeHtml {
  const kinds = SITE_PAGE_KINDS.filter((kind) => site.pages?.includes(kind));
  if (!kinds.length) return html``;
  return html`<nav class="footer-pages" aria-label="${site.t.html('footer.pages')}"><ul>${kinds.map((kind) => html`<li><a href="${editionPath(site, `/${kind}`)}">${site.t.html(SITE_PAGE_LABELS[kind])}</a></li>`)}</ul></nav>`;
}
