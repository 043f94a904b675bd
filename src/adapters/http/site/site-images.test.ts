import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../core/media/photo.js';
import { parseStoredImage, pickVariant, publisherLogoOf, shareImageOf, storedImageOf } from './site-images.js';

const photo: Photo = {
  id: 'ab12cd34-0000', originalFormat: 'jpeg', width: 2400, height: 1350, bytes: 1, caption: 'c', credit: 'x', alt: 'قوارب 🚤', uploadedBy: null, createdAt: new Date(0),
  variants: [320, 640, 1024, 1600].flatMap((w) => (['webp', 'jpeg'] as const).map((format) => ({ width: w, height: Math.round((w * 1350) / 2400), format, key: `ab/ab12cd34-0000-${w}.${format === 'jpeg' ? 'jpg' : 'webp'}`, bytes: 1 }))),
};
const site = { siteUrl: 'https://news.example', siteName: 'الأخبار 日报' };

describe('site images', () => {
  it('pick the widest JPEG/PNG variant within bounds for previews and logos', () => {
    expect(pickVariant(photo, 1600)).toMatchObject({ width: 1600, format: 'jpeg' });
    expect(pickVariant(photo, 640, 112)).toMatchObject({ width: 640, format: 'jpeg' });
    expect(pickVariant({ variants: photo.variants.filter((v) => v.format === 'webp') }, 1000)).toMatchObject({ width: 640, format: 'webp' });
  });

  it('fall back to the generated images, described by the site name', () => {
    expect(shareImageOf(site)).toEqual({ url: 'https://news.example/share-image.png', width: 1200, height: 630, alt: 'الأخبار 日报' });
    expect(publisherLogoOf({ ...site, publisherLogo: '' })).toEqual({ url: 'https://news.example/publisher-logo.png', width: 512, height: 512, alt: 'الأخبار 日报' });
  });

  it('use an admin\'s photo, stored with the variant chosen', () => {
    const stored = JSON.stringify(storedImageOf(photo, 'share'));
    expect(shareImageOf({ ...site, shareImage: stored })).toEqual({ url: 'https://news.example/media/ab/ab12cd34-0000-1600.jpg', width: 1600, height: 900, alt: 'قوارب 🚤' });
  });

  it('ignore a stored value that is not exactly what the settings page writes', () => {
    for (const bad of ['{', '[]', '{"mediaId":"x","path":"javascript:alert(1)","width":1,"height":1,"alt":""}', '{"mediaId":"x","path":"//evil.example/a.jpg","width":1,"height":1,"alt":""}', '{"mediaId":"x","path":"/media/ab/a.jpg","width":-1,"height":1,"alt":""}']) {
      expect(parseStoredImage(bad), bad).toBeNull();
      expect(shareImageOf({ ...site, shareImage: bad }).url).toBe('https://news.example/share-image.png');
    }
  });
});
