/**
 * @module Sharing a story: the browser's share sheet where it has one, plain links to the networks (no script or request
 * of theirs), and the short URL with its Copy button; every link carries the story's short URL.
 */
import { articlePath, type Article } from '../../../../core/articles/article.js';
import { html, safeUrl, type SafeHtml } from '../../html/html.js';
import { absoluteUrl, type SiteContext } from '../site-context.js';

/** A network's share address for a URL and the story's headline; names stay as the networks write them, in every language. */
interface ShareTarget {
  id: string;
  name: string;
  href(url: string, title: string): string;
}

const q = encodeURIComponent;

export const SHARE_TARGETS: readonly ShareTarget[] = [
  { id: 'whatsapp', name: 'WhatsApp', href: (url, title) => `https://wa.me/?text=${q(`${title} ${url}`)}` },
  { id: 'x', name: 'X', href: (url, title) => `https://x.com/intent/post?url=${q(url)}&text=${q(title)}` },
  { id: 'facebook', name: 'Facebook', href: (url) => `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` },
  { id: 'linkedin', name: 'LinkedIn', href: (url) => `https://www.linkedin.com/sharing/share-offsite/?url=${q(url)}` },
  { id: 'telegram', name: 'Telegram', href: (url, title) => `https://t.me/share/url?url=${q(url)}&text=${q(title)}` },
];

/** The address every share uses: the short URL when the story has one, else its canonical URL. */
export function shareUrlOf(site: SiteContext, article: Pick<Article, 'shortCode' | 'slug' | 'edition'>): string {
  return article.shortCode ? absoluteUrl(site, `/s/${article.shortCode}`) : absoluteUrl(site, articlePath(article));
}

function shareLinks(site: SiteContext, url: string, title: string): SafeHtml {
  const { t } = site;
  const email = `mailto:?subject=${q(title)}&body=${q(`${title}\n\n${url}`)}`;
  // The visible name is part of the accessible one ("Share on X"), so speech input finds the link by what it shows.
  return html`<ul class="share-links">${SHARE_TARGETS.map((target) => html`<li><a class="share-link" data-network="${target.id}" href="${safeUrl(target.href(url, title))}" target="_blank" rel="noopener noreferrer" aria-label="${t('share.on', { network: target.name })}">${target.name}</a></li>`)}<li><a class="share-link" data-network="email" href="${safeUrl(email)}" aria-label="${t('share.byEmail')}">${t.html('share.email')}</a></li></ul>`;
}

/**
 * The share row, rendered whole by the server so every link works without the script. The Share and Copy buttons
 * hold their place from the start (`data-enhance`: invisible until the script makes them work), so nothing moves;
 * Share comes last, so a browser without a share sheet drops it without moving the links.
 * The short URL is Latin on every page: it keeps its own left-to-right direction on an Arabic page.
 */
export function shareBox(site: SiteContext, article: Article): SafeHtml {
  const { t } = site;
  const url = shareUrlOf(site, article);
  const label = `share-${article.id}`;
  const shortLink = article.shortCode
    ? html`<div class="short-link">
    <label for="short-${article.shortCode}">${t.html('article.shortUrl')}</label>
    <input id="short-${article.shortCode}" class="short-url" type="text" readonly value="${url}" dir="ltr">
    <button type="button" class="copy-button" data-copy="short-${article.shortCode}" data-enhance>${t.html('article.copy')}</button>
    <span class="copy-status" role="status" aria-live="polite"></span>
  </div>`
    : '';
  return html`<div class="share" role="group" aria-labelledby="${label}">
  <p class="share-title" id="${label}">${t.html('share.title')}</p>
  <div class="share-row">
    ${shareLinks(site, url, article.headline)}
    <button type="button" class="share-button" data-share-url="${url}" data-share-title="${article.headline}" data-enhance>${t.html('share.button')}</button>
  </div>
  ${shortLink}
</div>`;
}
