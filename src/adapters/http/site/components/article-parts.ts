/** @module The parts of an article page: badge, lead photo, share, follow, highlights, source, in the edition's words. */
import { articlePath, isUpdated, type Article, type LeadImage } from '../../../../core/articles/article.js';
import type { Photo } from '../../../../core/media/photo.js';
import { html, safeUrl, type SafeHtml } from '../../html/html.js';
import type { Translate } from '../../i18n/translate.js';
import { absoluteUrl, editionPath, type PageAlternate, type SiteContext } from '../site-context.js';
import { isolate } from './bidi-text.js';
import { responsivePhoto } from './responsive-photo.js';

/** The headline; the Update badge is in the page's words, the headline in its own direction and isolated from the badge. */
export function headline(site: SiteContext, article: Article, level: 1 | 2): SafeHtml {
  const badge = isUpdated(article) ? html`<span class="update-badge">${site.t.html('article.updateBadge')}</span> ` : '';
  const text = article.edition ? isolate(article.headline, article.edition.direction) : html`${article.headline}`;
  return level === 1
    ? html`<h1 class="article-headline">${badge}${text}</h1>`
    : html`<h2 class="article-headline">${badge}<a href="${articlePath(article)}">${text}</a></h2>`;
}

/** "Read in العربية": a link to each translation, the edition's name in its own language. */
export function translationLinks(site: SiteContext, alternates: readonly PageAlternate[] | undefined): SafeHtml {
  if (!alternates?.length) return html``;
  return html`<ul class="translations">${alternates.map(({ edition, path }) => html`<li><a href="${path}" hreflang="${edition.language}">${
    site.t.html('article.readIn', { edition: html`<bdi lang="${edition.language}" dir="${edition.direction}">${edition.name}</bdi>` })}</a></li>`)}</ul>`;
}

function credit(lead: LeadImage): SafeHtml {
  return lead.credit ? html` <span class="credit" dir="auto">(${lead.credit})</span>` : html``;
}

function caption(lead: LeadImage): SafeHtml {
  return html`<figcaption><span dir="auto">${lead.caption}</span>${credit(lead)}</figcaption>`;
}

/** A lead photo; without a photo file the caption still shows, as a caption block (never a broken image). */
export function leadImage(lead: LeadImage | null, photo: Photo | null = null): SafeHtml {
  if (!lead) return html``;
  if (photo && lead.url) return html`<figure class="lead">${responsivePhoto(photo, lead.alt, { lazy: false })}${caption(lead)}</figure>`;
  if (!lead.url) return html`<figure class="lead lead-caption-only">${caption(lead)}</figure>`;
  const size = lead.width && lead.height ? html` width="${lead.width}" height="${lead.height}"` : '';
  return html`<figure class="lead"><img src="${safeUrl(lead.url)}" alt="${lead.alt}"${size} decoding="async">${caption(lead)}</figure>`;
}

/** The short URL is Latin on every page: it keeps its own left-to-right direction on an Arabic page. */
export function shareBox(site: SiteContext, article: Article): SafeHtml {
  if (!article.shortCode) return html``;
  const shortUrl = absoluteUrl(site, `/s/${article.shortCode}`);
  const id = `short-${article.shortCode}`;
  return html`<div class="share">
  <label for="${id}">${site.t.html('article.shortUrl')}</label>
  <input id="${id}" class="short-url" type="text" readonly value="${shortUrl}" dir="ltr">
  <button type="button" class="copy-button" data-copy="${id}" hidden>${site.t.html('article.copy')}</button>
  <span class="copy-status" role="status" aria-live="polite"></span>
</div>`;
}

/** A Follow button; the browser script relabels it ("Following") from the page's messages. */
export function followButton(t: Translate, topic: { slug: string; name: string }, pressed = false): SafeHtml {
  return html`<button type="button" class="follow-button" data-follow-topic="${topic.slug}" data-topic-name="${topic.name}" aria-pressed="${String(pressed)}" hidden>${t.html('article.follow')}<span class="visually-hidden"> ${isolate(topic.name)}</span></button>`;
}

/** Follow buttons work in the browser (followed topics live in localStorage); without JS, each topic links to its page and feed. */
export function followBox(site: SiteContext, article: Article): SafeHtml {
  if (article.topics.length === 0) return html``;
  const { t } = site;
  return html`<div class="follow" role="group" aria-label="${t.html('article.followTopics')}">
  <span class="follow-label">${t.html('article.follow')}</span>
  <ul>${article.topics.map((topic) => html`<li>
    <a class="topic-link" href="${editionPath(site, `/topic/${encodeURIComponent(topic.slug)}`)}" dir="auto">${topic.name}</a>
    ${followButton(t, topic)}
  </li>`)}</ul>
</div>`;
}

export function highlights(site: SiteContext, article: Article): SafeHtml {
  if (article.highlights.length === 0) return html``;
  return html`<ul class="highlights" aria-label="${site.t.html('article.highlights')}">${article.highlights.map((h) => html`<li>${h}</li>`)}</ul>`;
}

/** "By A and B", "Source: Reuters" or "Staff"; names isolated, as they may be written in another script. */
export function byline(site: SiteContext, article: Article): SafeHtml {
  const { t } = site;
  const authors = article.authors.map((a) => html`<a href="${editionPath(site, `/author/${encodeURIComponent(a.slug)}`)}" dir="auto">${a.name}</a>`);
  const source = article.source.kind === 'agency'
    ? html`<span class="source">${t.html('article.source', { agency: isolate(article.source.agency) })}</span>`
    : html`<span class="source">${article.authors.length ? '' : t('article.staff')}</span>`;
  return html`<p class="byline">${authors.length ? html`${t.html('article.byline', { authors: t.list(authors) })} ` : ''}${source}</p>`;
}

export function topicList(site: SiteContext, article: Article): SafeHtml {
  if (article.topics.length === 0) return html``;
  // Named after its own story: infinite scroll puts several stories' topic lists on one page, and landmarks need distinct names.
  const heading = `topics-${article.id}`;
  return html`<nav class="topics" aria-labelledby="${heading}"><h2 class="visually-hidden" id="${heading}">${site.t.html('article.topics')}<span> · </span>${article.headline}</h2><ul>${article.topics.map(
    (topic) => html`<li><a href="${editionPath(site, `/topic/${encodeURIComponent(topic.slug)}`)}" data-kind="${topic.kind}" dir="auto">${topic.name}</a></li>`,
  )}</ul></nav>`;
}
