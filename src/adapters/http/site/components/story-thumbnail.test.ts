import { describe, expect, it } from 'vitest';
import type { Photo } from '../../../../core/media/photo.js';
import { readerSummary } from '../../../../../test/support/reader-site-context.js';
import { storyThumbnail } from './story-thumbnail.js';

const PHOTO: Photo = {
  id: 'ab12cd34-0000', originalFormat: 'jpeg', width: 1200, height: 800, bytes: 1000, caption: 'c', credit: 'cr', alt: 'a', uploadedBy: null,
  createdAt: new Date('2025-01-01T00:00:00Z'),
  variants: [320, 640, 1024].flatMap((width) => (['webp', 'jpeg'] as const).map((format) => ({
    width, height: (width * 2) / 3, format, key: `ab/ab12cd34-0000-${width}.${format === 'jpeg' ? 'jpg' : 'webp'}`, bytes: 10,
  }))),
};
const LEAD = { url: '/media/ab/ab12cd34-0000-1024.jpg', caption: 'c', credit: null, alt: 'A plant "by the sea"', width: 1200, height: 800 };

describe('storyThumbnail', () => {
  it('a library photo: WebP and JPEG srcsets with sizes, width and height, lazy unless told', () => {
    const story = readerSummary({ lead: LEAD, leadMediaId: PHOTO.id });
    const lazy = storyThumbnail(story, new Map([[PHOTO.id, PHOTO]]), { lazy: true }).toString();
    expect(lazy).toContain('srcset="/media/ab/ab12cd34-0000-320.webp 320w, /media/ab/ab12cd34-0000-640.webp 640w, /media/ab/ab12cd34-0000-1024.webp 1024w"');
    expect(lazy).toContain('sizes="(max-width: 640px) 104px, 160px"');
    expect(lazy).toContain('width="1200" height="800"');
    expect(lazy).toContain('alt="A plant &quot;by the sea&quot;"');
    expect(lazy).toContain('loading="lazy"');
    expect(storyThumbnail(story, new Map([[PHOTO.id, PHOTO]]), { lazy: false }).toString()).not.toContain('loading=');
  });

  it('nothing for a caption without a photo, or a library photo the page did not look up (never the full-size file)', () => {
    expect(storyThumbnail(readerSummary({ lead: { ...LEAD, url: null } }), undefined, { lazy: true }).toString()).toBe('');
    expect(storyThumbnail(readerSummary({ lead: LEAD, leadMediaId: PHOTO.id }), new Map(), { lazy: true }).toString()).toBe('');
  });

  it('a photo from elsewhere (an import) is a plain image of its known size', () => {
    const markup = storyThumbnail(readerSummary({ lead: { ...LEAD, url: 'https://images.example/p.jpg' } }), undefined, { lazy: true }).toString();
    expect(markup).toBe('<div class="card-thumb"><img src="https://images.example/p.jpg" alt="A plant &quot;by the sea&quot;" width="1200" height="800" decoding="async" loading="lazy"></div>');
  });
});
