/** @module A library photo as <picture>: WebP and fallback srcsets, sizes, and width/height so the page never shifts. */
import { pickFallback, srcsetFor, type Photo } from '../../../../core/media/photo.js';
import { html, type SafeHtml } from '../../html/html.js';

export const mediaUrl = (key: string) => `/media/${key}`;

/** `sizes` for the article column: full width on phones, at most the 720 px column on wide screens. */
export const ARTICLE_SIZES = '(max-width: 760px) 100vw, 720px';

export function responsivePhoto(photo: Photo, alt: string, options: { lazy: boolean; sizes?: string }): SafeHtml {
  const fallback = pickFallback(photo);
  const webp = srcsetFor(photo, 'webp', mediaUrl);
  const fallbackSet = fallback.format === 'webp' ? '' : srcsetFor(photo, fallback.format, mediaUrl);
  const sizes = options.sizes ?? ARTICLE_SIZES;
  return html`<picture>${webp ? html`<source type="image/webp" srcset="${webp}" sizes="${sizes}">` : ''}<img src="${mediaUrl(fallback.key)}"${
    fallbackSet ? html` srcset="${fallbackSet}" sizes="${sizes}"` : ''} alt="${alt}" width="${photo.width}" height="${photo.height}" decoding="async"${options.lazy ? html` loading="lazy"` : ''}></picture>`;
}
