/**
 * @module The site's own images for link previews and structured data: the share image (pages and stories without
 * a photo) and the publisher logo, each an admin's pick from the media library or a generated default; and which
 * variant of a library photo a preview or a logo uses.
 */
import { z } from 'zod';
import type { Photo, PhotoVariant } from '../../../core/media/photo.js';
import { mediaUrl } from './components/responsive-photo.js';
import { absoluteUrl, type SiteContext } from './site-context.js';

/** An image as previews and schema.org want it: an absolute URL, its size in pixels when known, its text alternative. */
export interface SiteImage {
  url: string;
  width: number | null;
  height: number | null;
  alt: string;
}

/** The generated defaults, served by site-image-routes.ts at stable addresses. */
export const DEFAULT_SHARE_IMAGE = { path: '/share-image.png', width: 1200, height: 630 } as const;
export const DEFAULT_PUBLISHER_LOGO = { path: '/publisher-logo.png', width: 512, height: 512 } as const;

/** What the `shareImage` and `publisherLogo` settings hold: the chosen library photo and the variant in use. */
const storedImage = z.object({
  mediaId: z.string().min(1).max(100),
  path: z.string().regex(/^\/media\/[a-z0-9]{2}\/[a-z0-9-]+\.(jpg|png|webp)$/),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  alt: z.string().max(1000),
});
export type StoredSiteImage = z.infer<typeof storedImage>;

/** The stored choice, or null when none is set (or the value does not parse: the default is never worse than a broken image). */
export function parseStoredImage(value: string | undefined): StoredSiteImage | null {
  if (!value) return null;
  try {
    const parsed = storedImage.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Previews want large images: the widest JPEG/PNG variant up to `maxWidth` (WebP only when there is nothing else), else the narrowest. */
export function pickVariant(photo: Pick<Photo, 'variants'>, maxWidth: number, minWidth = 0): PhotoVariant {
  const others = photo.variants.filter((v) => v.format !== 'webp');
  const pool = (others.length > 0 ? others : photo.variants).slice().sort((a, b) => a.width - b.width);
  const chosen = pool.filter((v) => v.width <= maxWidth && v.width >= minWidth).at(-1) ?? pool.filter((v) => v.width <= maxWidth).at(-1) ?? pool[0];
  if (!chosen) throw new Error('a photo always has at least one variant');
  return chosen;
}

/** The setting's value for a library photo: the share image at up to 1600 px, the logo at 112–640 px (Google's logo minimum is 112). */
export function storedImageOf(photo: Photo, purpose: 'share' | 'logo'): StoredSiteImage {
  const variant = purpose === 'share' ? pickVariant(photo, 1600) : pickVariant(photo, 640, 112);
  return { mediaId: photo.id, path: mediaUrl(variant.key), width: variant.width, height: variant.height, alt: photo.alt };
}

function resolve(site: Pick<SiteContext, 'siteUrl' | 'siteName'>, stored: StoredSiteImage | null, fallback: { path: string; width: number; height: number }): SiteImage {
  if (stored) return { url: absoluteUrl(site, stored.path), width: stored.width, height: stored.height, alt: stored.alt || site.siteName };
  // The generated image shows the site's name, so the name is its text alternative.
  return { url: absoluteUrl(site, fallback.path), width: fallback.width, height: fallback.height, alt: site.siteName };
}

/** The image of a page or story that has no photo of its own. */
export function shareImageOf(site: Pick<SiteContext, 'siteUrl' | 'siteName' | 'shareImage'>): SiteImage {
  return resolve(site, parseStoredImage(site.shareImage), DEFAULT_SHARE_IMAGE);
}

export function publisherLogoOf(site: Pick<SiteContext, 'siteUrl' | 'siteName' | 'publisherLogo'>): SiteImage {
  return resolve(site, parseStoredImage(site.publisherLogo), DEFAULT_PUBLISHER_LOGO);
}
