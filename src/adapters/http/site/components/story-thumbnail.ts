/** @module A story's lead photo as a list thumbnail: srcset from the library's variants, width and height, lazy below the fold. */
import type { ArticleSummary } from '../../../../core/articles/article.js';
import type { Photo } from '../../../../core/media/photo.js';
import { html, safeUrl, type SafeHtml } from '../../html/html.js';
import { responsivePhoto } from './responsive-photo.js';

/** The thumbnail's width in site.css (.card-thumb): 6.5rem on a phone, 10rem from 40rem up. */
export const THUMBNAIL_SIZES = '(max-width: 640px) 104px, 160px';

export type StoryPhotos = ReadonlyMap<string, Photo>;

/**
 * The thumbnail of a story with a photo file, or nothing (a caption without a photo stays on the story's page).
 * A photo from the library brings its variants; one from elsewhere (an import) is a plain img of its known size.
 */
export function storyThumbnail(story: Pick<ArticleSummary, 'lead' | 'leadMediaId'>, photos: StoryPhotos | undefined, options: { lazy: boolean; sizes?: string }): SafeHtml {
  const lead = story.lead;
  if (!lead?.url) return html``;
  const sizes = options.sizes ?? THUMBNAIL_SIZES;
  if (story.leadMediaId) {
    // Never the full-size fallback as a thumbnail: a page that did not look the photo up shows none.
    const photo = photos?.get(story.leadMediaId);
    return photo ? html`<div class="card-thumb">${responsivePhoto(photo, lead.alt, { lazy: options.lazy, sizes })}</div>` : html``;
  }
  return html`<div class="card-thumb"><img src="${safeUrl(lead.url)}" alt="${lead.alt}"${lead.width && lead.height ? html` width="${lead.width}" height="${lead.height}"` : ''} decoding="async"${options.lazy ? html` loading="lazy"` : ''}></div>`;
}
