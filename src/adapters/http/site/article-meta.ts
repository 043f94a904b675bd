/** @module A story's images for link previews and structured data: its lead photo (exact variant sizes), else the site's share image. */
import type { Article } from '../../../core/articles/article.js';
import type { Photo } from '../../../core/media/photo.js';
import { safeUrl } from '../html/html.js';
import { mediaUrl } from './components/responsive-photo.js';
import { absoluteUrl, type SiteContext } from './site-context.js';
import { pickVariant, shareImageOf, type SiteImage } from './site-images.js';

/** Google's article guidance: images of at least 50,000 pixels (width × height). */
const MIN_STRUCTURED_PIXELS = 50_000;

export interface ArticleImages {
  /** og:image and twitter:image: one large image. */
  preview: SiteImage;
  /** schema.org `image`: every large enough variant of the lead photo, widest first; never empty. */
  structured: SiteImage[];
}

export function articleImages(site: SiteContext, article: Pick<Article, 'headline' | 'lead' | 'leadMediaId'>, photos: ReadonlyMap<string, Photo> = new Map()): ArticleImages {
  const { lead } = article;
  const photo = lead?.url && article.leadMediaId ? (photos.get(article.leadMediaId) ?? null) : null;
  const alt = lead?.alt || photo?.alt || lead?.caption || article.headline;
  if (photo) {
    const asImage = (v: Photo['variants'][number]): SiteImage => ({ url: absoluteUrl(site, mediaUrl(v.key)), width: v.width, height: v.height, alt });
    const widest = pickVariant(photo, 1600);
    const preview = asImage(widest);
    const large = photo.variants.filter((v) => v.format === widest.format && v.width <= widest.width && v.width * v.height >= MIN_STRUCTURED_PIXELS)
      .sort((a, b) => b.width - a.width).map(asImage);
    return { preview, structured: large.length ? large : [preview] };
  }
  // A lead photo outside the library (an imported capture's): its own address, made absolute, and its size if recorded.
  // A /media/ variant whose library photo is not at hand has the original's size recorded, not the variant's: none then.
  const url = lead?.url ? safeUrl(lead.url) : '#';
  if (url !== '#' && !url.startsWith('mailto:')) {
    const sized = !url.startsWith('/media/') && lead?.width && lead.height;
    const image = { url: new URL(url, site.siteUrl).href, width: sized ? lead.width : null, height: sized ? lead.height : null, alt };
    return { preview: image, structured: [image] };
  }
  const share = shareImageOf(site);
  return { preview: share, structured: [share] };
}
