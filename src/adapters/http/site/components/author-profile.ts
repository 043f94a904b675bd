/**
 * @module An author page's profile: photo (a library photo's srcset), role, bio and links under the name; and its
 * schema.org ProfilePage JSON-LD whose main entity is the Person (url, image, jobTitle, description, sameAs).
 */
import type { AuthorProfile } from '../../../../core/authors/author-profile.js';
import type { Photo } from '../../../../core/media/photo.js';
import { html, jsonForScript, safeUrl, type SafeHtml } from '../../html/html.js';
import { absoluteUrl, type SiteContext } from '../site-context.js';
import { pickVariant } from '../site-images.js';
import { isolate } from './bidi-text.js';
import { mediaUrl, responsivePhoto } from './responsive-photo.js';

/** A portrait is shown at most 160 CSS pixels wide (96 on a phone). */
const PORTRAIT_SIZES = '(max-width: 760px) 96px, 160px';

export function authorProfileBlock(site: SiteContext, author: AuthorProfile, photo: Photo | null | undefined): SafeHtml {
  const { t } = site;
  if (!photo && !author.jobTitle && !author.bio && !author.links.length) return html``;
  const links = author.links.map((l) => html`<li><a href="${safeUrl(l.url)}" rel="me noopener" dir="auto">${l.label === 'Website' ? t('author.website') : l.label}<span class="visually-hidden"> ${isolate(author.name)}</span></a></li>`);
  return html`<div class="author-profile">
  ${photo ? html`<div class="author-photo">${responsivePhoto(photo, t('author.photoAlt', { author: author.name }), { lazy: false, sizes: PORTRAIT_SIZES })}</div>` : ''}
  <div class="author-about">
    ${author.jobTitle ? html`<p class="author-role" dir="auto">${author.jobTitle}</p>` : ''}
    ${author.bio ? html`<p class="author-bio" dir="auto">${author.bio}</p>` : ''}
    ${links.length ? html`<ul class="author-links" aria-label="${t('author.links', { author: author.name })}">${links}</ul>` : ''}
  </div>
</div>`;
}

export function authorProfileData(site: SiteContext, author: AuthorProfile, photo: Photo | null | undefined, path: string): Record<string, unknown> {
  const url = absoluteUrl(site, path);
  const image = photo ? pickVariant(photo, 640, 112) : null;
  return {
    '@context': 'https://schema.org',
    '@type': 'ProfilePage',
    url,
    inLanguage: site.edition.language,
    mainEntity: {
      '@type': 'Person',
      name: author.name,
      url,
      ...(image ? { image: { '@type': 'ImageObject', url: absoluteUrl(site, mediaUrl(image.key)), width: image.width, height: image.height } } : {}),
      ...(author.jobTitle ? { jobTitle: author.jobTitle } : {}),
      ...(author.bio ? { description: author.bio } : {}),
      ...(author.links.length ? { sameAs: author.links.map((l) => l.url) } : {}),
      worksFor: { '@type': 'NewsMediaOrganization', name: site.siteName, url: absoluteUrl(site, '/') },
    },
  };
}

export function authorProfileJsonLd(site: SiteContext, author: AuthorProfile, photo: Photo | null | undefined, path: string): SafeHtml {
  return html`<script type="application/ld+json">${jsonForScript(authorProfileData(site, author, photo, path))}</script>`;
}
