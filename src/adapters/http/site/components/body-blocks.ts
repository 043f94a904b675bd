/** @module Renders an article body: text blocks escaped, HTML blocks through the allow-list sanitiser, names and captions isolated. */
import sanitizeHtml from 'sanitize-html';
import type { BodyBlock, BodyImage, TextRun } from '../../../../core/articles/article.js';
import type { Photo } from '../../../../core/media/photo.js';
import { responsivePhoto } from './responsive-photo.js';
import { html, raw, safeUrl, type SafeHtml } from '../../html/html.js';

const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'h2', 'h3', 'h4', 'strong', 'b', 'em', 'i', 'a', 'blockquote', 'ul', 'ol', 'li', 'br', 'figure', 'figcaption', 'cite', 'q', 'sub', 'sup'],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowProtocolRelative: false,
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'noopener nofollow ugc' }) },
};

/** The only way body HTML from staff or wires reaches a page. */
export function sanitizeBodyHtml(dirty: string): string {
  return sanitizeHtml(dirty, SANITIZE_OPTIONS);
}

/** Inline formatting; a link whose URL is not http(s)/mailto loses its link, never its text. */
function runs(list: TextRun[] | undefined, text: string): SafeHtml | string {
  if (!list) return text;
  return html`${list.map((r) => {
    let out: SafeHtml = html`${r.text}`;
    if (r.italic) out = html`<em>${out}</em>`;
    if (r.bold) out = html`<strong>${out}</strong>`;
    const href = r.href ? safeUrl(r.href) : '';
    return href && href !== '#' ? html`<a href="${href}" rel="noopener nofollow">${out}</a>` : out;
  })}`;
}

function figure(b: BodyImage, photo: Photo | undefined): SafeHtml {
  // Captions and credits come from photographers and agencies: each keeps its own direction.
  const caption = b.caption || b.credit
    ? html`<figcaption><span dir="auto">${b.caption}</span>${b.credit ? html` <span class="credit" dir="auto">${b.credit}</span>` : ''}</figcaption>`
    : '';
  if (photo) return html`<figure class="body-photo">${responsivePhoto(photo, b.alt, { lazy: true })}${caption}</figure>`;
  const size = b.width && b.height ? html` width="${b.width}" height="${b.height}"` : '';
  return html`<figure class="body-photo"><img src="${safeUrl(b.url)}" alt="${b.alt}" loading="lazy" decoding="async"${size}>${caption}</figure>`;
}

function block(b: BodyBlock, dateline: string | null, isFirst: boolean, photos: ReadonlyMap<string, Photo>): SafeHtml {
  switch (b.type) {
    case 'paragraph':
      return isFirst && dateline
        ? html`<p><span class="dateline" dir="auto">${dateline}:</span> ${runs(b.runs, b.text)}</p>`
        : html`<p>${runs(b.runs, b.text)}</p>`;
    case 'heading':
      return b.level === 2 ? html`<h2>${b.text}</h2>` : html`<h3>${b.text}</h3>`;
    case 'quote':
      return html`<blockquote><p>${runs(b.runs, b.text)}</p>${b.cite ? html`<footer>— <bdi>${b.cite}</bdi></footer>` : ''}</blockquote>`;
    case 'list': {
      const items = b.items.map((i) => html`<li>${i}</li>`);
      return b.ordered ? html`<ol>${items}</ol>` : html`<ul>${items}</ul>`;
    }
    case 'html':
      return raw(sanitizeBodyHtml(b.html));
    case 'image':
      return figure(b, b.mediaId ? photos.get(b.mediaId) : undefined);
    case 'embed':
      return html`<p class="embed"><a href="${safeUrl(b.url)}" rel="noopener nofollow" dir="auto">${b.title ?? b.url}</a></p>`;
  }
}

/**
 * The dateline leads the first paragraph, as in "SEOUL: Investigators …", isolated: a Latin dateline in an
 * Arabic story keeps its colon. Blocks take the story's direction from the <article> around them.
 */
export function articleBody(blocks: BodyBlock[], dateline: string | null, photos: ReadonlyMap<string, Photo> = new Map()): SafeHtml {
  const firstParagraph = blocks.findIndex((b) => b.type === 'paragraph');
  return html`${blocks.map((b, i) => block(b, dateline, i === firstParagraph, photos))}`;
}

