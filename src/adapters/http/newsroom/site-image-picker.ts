/**
 * @module The settings page's share image and publisher logo: pick a photo from the media library (upload it there
 * first) or keep the image generated from the site's name; the choice is stored with the variant readers get.
 */
import type { MediaLibrary } from '../../../core/media/media-library.js';
import type { Photo } from '../../../core/media/photo.js';
import { html, type SafeHtml } from '../html/html.js';
import { mediaUrl } from '../site/components/responsive-photo.js';
import { parseStoredImage, pickVariant, storedImageOf, DEFAULT_PUBLISHER_LOGO, DEFAULT_SHARE_IMAGE } from '../site/site-images.js';

export type SiteImagePurpose = 'share' | 'logo';

const FIELDS: Record<SiteImagePurpose, { name: 'shareImage' | 'publisherLogo'; legend: string; hint: string; generated: string }> = {
  share: {
    name: 'shareImage', legend: 'Share image',
    hint: 'Shown in link previews (Facebook, WhatsApp, LinkedIn, X) of stories without a photo and of every other page. Landscape, at least 1200×630, works best.',
    generated: DEFAULT_SHARE_IMAGE.path,
  },
  logo: {
    name: 'publisherLogo', legend: 'Publisher logo',
    hint: 'The publisher\'s logo in every story\'s structured data (search engines). At least 112×112; square works best.',
    generated: DEFAULT_PUBLISHER_LOGO.path,
  },
};

/** A group of radio buttons: the generated image, the current choice, and the library's newest photos. */
export function siteImageFieldset(purpose: SiteImagePurpose, stored: string | undefined, library: readonly Photo[]): SafeHtml {
  const field = FIELDS[purpose];
  const current = parseStoredImage(stored);
  const chosen = current?.mediaId ?? '';
  const option = (value: string, src: string, label: string, alt: string) => html`<li><label class="media-card"><span><input type="radio" name="${field.name}" value="${value}"${value === chosen ? html` checked` : ''}> ${label}</span><img src="${src}" alt="${alt}" loading="lazy"></label></li>`;
  const photos = library.filter((p) => p.id !== chosen);
  return html`<fieldset class="field"><legend class="field-label">${field.legend}</legend>
  <p class="field-hint">${field.hint} Upload photos in the <a href="/newsroom/media">media library</a>.</p>
  <ul class="media-grid">
    ${option('', field.generated, 'Generated from the site name', 'The site name on the masthead colour')}
    ${current ? option(current.mediaId, current.path, 'Current choice', current.alt) : ''}
    ${photos.map((p) => option(p.id, mediaUrl(pickVariant(p, 640).key), p.caption || p.alt, p.alt))}
  </ul>
</fieldset>`;
}

/** The setting's value for a submitted choice: '' (generated), or the photo's stored form; null when the photo is gone. */
export async function siteImageValue(media: Pick<MediaLibrary, 'find'>, purpose: SiteImagePurpose, mediaId: string): Promise<string | null> {
  if (!mediaId) return '';
  const photo = await media.find(mediaId);
  return photo ? JSON.stringify(storedImageOf(photo, purpose)) : null;
}
