/** @module The parts of an article page: badge, byline, lead photo, follow, highlights, topics, in the edition's words. */
import { articlePath, isUpdated, type Article, type LeadImage } from '../../../../core/articles/article.js';
import type { Photo } from '../../../../core/media/photo.js';
import { html, safeUrl, type SafeHtml } from '../../html/html.js';
import type { Translate } from '../../i18n/translate.js';
import { editionPath, type PageAlternate, type SiteContext } from '../site-context.js';
import { isolate } from './bidi-text.js';
import { responsivePhoto } from './responsive-photo.js';

/** The headline; the Update badge is in the page's words, the headline in its own direction and isolated from the badge. */
export function headline(site: SiteContext, article: Article, level: 1 | 2): SafeHtml {
  const badge = isUpdated(article) ? html`<span class="update-badge">${site.t.html('article.updateBadge')}</span> ` : '';
  const text = article.edition ? isolate(article.headline, article.edition.direction) : html`${article.headline}`;
  // The id lets the story's sidebar say whose it is ("Related: {headline}"), so every sidebar landmark has its own name.
  return level === 1
    ? html`<h1 class="article-headline" id="t-${article.id}">${badge}${text}</h1>`
    : html`<h2 class="article-headline" id="t-${article.id}">${badge}<a href="${articlePath(article)}">${text}</a></h2>`;
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

/**
 * A Follow button; the browser script relabels it ("Following") from the page's messages. It is in the page from the
 * start, invisible until the script makes it work (`data-enhance`, see site.css), so nothing moves when it does.
 */
export function followButton(t: Translate, topic: { slug: string; name: string }, pressed = false): SafeHtml {
  return html`<button type="button" class="follow-button" data-follow-topic="${topic.slug}" data-topic-name="${topic.name}" aria-pressed="${String(pressed)}" data-enhance>${t.html('article.follow')}<span class="visually-hidden"> ${isolate(topic.name)}</span></button>`;
}

/** The same button for a section (its page and the Following page): followed sections live beside the topics in localStorage. */
export function followSectionButton(t: Translate, section: { slug: string; name: string }, pressed = false): SafeHtml {
  return html`<button type="button" class="follow-button" data-follow-section="${section.slug}" data-topic-name="${section.name}" aria-pressed="${String(pressed)}" data-enhance>${t.html('article.follow')}<span class="visually-hidden"> ${isolate(section.name)}</span></button>`;
}

/** The same button for an author (their page): followed authors live beside topics and sections in localStorage and the account. */
export function followAuthorButton(t: Translate, author: { slug: string; name: string }, pressed = false): SafeHtml {
  return html`<button type="button" class="follow-button" data-follow-author="${author.slug}" data-topic-name="${author.name}" aria-pressed="${String(pressed)}" data-enhance>${t.html('article.follow')}<span class="visually-hidden"> ${isolate(author.name)}</span></button>`;
}

/**
 * "Follow 8 topics": one disclosure, closed, so the story comes first on a phone (a <details>: it opens without the
 * script). Follow buttons work in the browser (followed topics live in localStorage); without JS, each topic links to its page.
 */
export function followBox(site: SiteContext, article: Article): SafeHtml {
  if (article.topics.length === 0) return html``;
  const { t } = site;
  return html`<details class="follow">
  <summary>${t.html('article.followCount', { count: article.topics.length })}</summary>
  <ul>${article.topics.map((topic) => html`<li>
    <a class="topic-link" href="${editionPath(site, `/topic/${encodeURIComponent(topic.slug)}`)}" dir="auto">${topic.name}</a>
    ${followButton(t, topic)}
  </li>`)}</ul>
</details>`;
}

export function highlights(site: SiteContext, article: Article): SafeHtml {
  if (article.highlights.length === 0) return html``;
  return html`<ul class="highlights" aria-label="${site.t.html('article.highlights')}">${article.highlights.map((h) => html`<li>${h}</li>`)}</ul>`;
}

/**
 * Under the headline: "By A and B" (each a link to the author's page), the agency ("Source: Reuters") and, for a
 * story with neither, the site's own staff ("Dateline staff") rather than a bare "Staff". Names isolated, as they
 * may be written in another script.
 */
export function byline(site: SiteContext, article: Article): SafeHtml {
  const { t } = site;
  const authors = article.authors.map((a) => html`<a href="${editionPath(site, `/author/${encodeURIComponent(a.slug)}`)}" dir="auto">${a.name}</a>`);
  const parts: SafeHtml[] = [];
  if (authors.length) parts.push(html`<span class="authors">${t.html('article.byline', { authors: t.list(authors) })}</span>`);
  if (article.source.kind === 'agency') parts.push(html`<span class="source">${t.html('article.source', { agency: isolate(article.source.agency) })}</span>`);
  if (parts.length === 0) parts.push(html`<span class="source">${t.html('article.staff', { site: isolate(site.siteName) })}</span>`);
  return html`<p class="byline">${parts.map((part, i) => (i ? html`<span aria-hidden="true"> · </span>${part}` : part))}</p>`;
}

export function topicList(site: SiteContext, article: Article): SafeHtml {
  if (article.topics.length === 0) return html``;
  // Named after its own story: infinite scroll puts several stories' topic lists on one page, and landmarks need distinct names.
  const heading = `topics-${article.id}`;
  return html`<nav class="topics" aria-labelledby="${heading}"><h2 class="visually-hidden" id="${heading}">${site.t.html('article.topics')}<span> · </span>${article.headline}</h2><ul>${article.topics.map(
    (topic) => html`<li><a href="${editionPath(site, `/topic/${encodeURIComponent(topic.slug)}`)}" data-kind="${topic.kind}" dir="auto">${topic.name}</a></li>`,
  )}</ul></nav>`;
}
