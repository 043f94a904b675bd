/** @module The parts of an article page (DESIGN.md §1): badge, lead photo, share, follow, highlights, source. */
import { isUpdated, type Article, type LeadImage } from '../../../../core/articles/article.js';
import { html, safeUrl, type SafeHtml } from '../../html/html.js';
import { absoluteUrl, type SiteContext } from '../site-context.js';
import type { Photo } from '../../../../core/media/photo.js';
import { responsivePhoto } from './responsive-photo.js';

export function headline(article: Article, level: 1 | 2): SafeHtml {
  const badge = isUpdated(article) ? html`<span class="update-badge">Update</span> ` : '';
  return level === 1
    ? html`<h1 class="article-headline">${badge}${article.headline}</h1>`
    : html`<h2 class="article-headline">${badge}<a href="/article/${encodeURIComponent(article.slug)}">${article.headline}</a></h2>`;
}

function credit(lead: LeadImage): SafeHtml {
  return lead.credit ? html` <span class="credit">(${lead.credit})</span>` : html``;
}

/** A lead photo; without a photo file the caption still shows, as a caption block (never a broken image). */
export function leadImage(lead: LeadImage | null, photo: Photo | null = null): SafeHtml {
  if (!lead) return html``;
  if (photo && lead.url) {
    return html`<figure class="lead">${responsivePhoto(photo, lead.alt, { lazy: false })}<figcaption>${lead.caption}${credit(lead)}</figcaption></figure>`;
  }
  if (!lead.url) {
    return html`<figure class="lead lead-caption-only"><figcaption>${lead.caption}${credit(lead)}</figcaption></figure>`;
  }
  const size = lead.width && lead.height ? html` width="${lead.width}" height="${lead.height}"` : '';
  return html`<figure class="lead"><img src="${safeUrl(lead.url)}" alt="${lead.alt}"${size} decoding="async"><figcaption>${lead.caption}${credit(lead)}</figcaption></figure>`;
}

export function shareBox(site: SiteContext, article: Article): SafeHtml {
  if (!article.shortCode) return html``;
  const shortUrl = absoluteUrl(site, `/s/${article.shortCode}`);
  const id = `short-${article.shortCode}`;
  return html`<div class="share">
  <label for="${id}">Short Url</label>
  <input id="${id}" class="short-url" type="text" readonly value="${shortUrl}">
  <button type="button" class="copy-button" data-copy="${id}" hidden>Copy</button>
  <span class="copy-status" role="status" aria-live="polite"></span>
</div>`;
}

/** Follow buttons work in the browser (followed topics live in localStorage); without JS, each topic links to its page and feed. */
export function followBox(article: Article): SafeHtml {
  if (article.topics.length === 0) return html``;
  return html`<div class="follow" role="group" aria-label="Follow topics">
  <span class="follow-label">Follow</span>
  <ul>${article.topics.map((t) => html`<li>
    <a class="topic-link" href="/topic/${encodeURIComponent(t.slug)}">${t.name}</a>
    <button type="button" class="follow-button" data-follow-topic="${t.slug}" data-topic-name="${t.name}" aria-pressed="false" hidden>Follow<span class="visually-hidden"> ${t.name}</span></button>
  </li>`)}</ul>
</div>`;
}

export function highlights(article: Article): SafeHtml {
  if (article.highlights.length === 0) return html``;
  return html`<ul class="highlights" aria-label="Highlights">${article.highlights.map((h) => html`<li>${h}</li>`)}</ul>`;
}

export function byline(article: Article): SafeHtml {
  const authors = article.authors.map((a, i) => html`${i > 0 ? ', ' : ''}<a href="/author/${encodeURIComponent(a.slug)}">${a.name}</a>`);
  const source = article.source.kind === 'agency' ? html`<span class="source">Source: ${article.source.agency}</span>` : html`<span class="source">${article.authors.length ? '' : 'Staff'}</span>`;
  return html`<p class="byline">${authors.length ? html`By ${authors} ` : ''}${source}</p>`;
}

export function topicList(article: Article): SafeHtml {
  if (article.topics.length === 0) return html``;
  return html`<nav class="topics" aria-label="Topics in this story"><h2 class="visually-hidden">Topics</h2><ul>${article.topics.map(
    (t) => html`<li><a href="/topic/${encodeURIComponent(t.slug)}" data-kind="${t.kind}">${t.name}</a></li>`,
  )}</ul></nav>`;
}
