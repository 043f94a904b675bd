/** @module Tests of reading media library items. */
import { describe, expect, it } from 'vitest';
import { readMediaItem } from './newsroom-media-item.js';

describe('readMediaItem', () => {
  it('reads an item and an upload answer that wraps it', () => {
    const item = { id: 'm1', url: '/media/m1/960.webp', width: 960, height: 640, caption: ' Harbour ', credit: 'Ana', alt: 'Boats' };
    const read = { id: 'm1', url: '/media/m1/960.webp', width: 960, height: 640, caption: 'Harbour', credit: 'Ana', alt: 'Boats' };
    expect(readMediaItem(item)).toEqual(read);
    expect(readMediaItem({ item })).toEqual(read);
  });

  it('refuses items without an id or a safe image URL and cleans the rest', () => {
    for (const url of ['javascript:alert(1)', '//evil.example/x.jpg', 'data:image/png;base64,xx', '', 5]) expect(readMediaItem({ id: 'm', url })).toBeNull();
    expect(readMediaItem({ url: '/x.jpg' })).toBeNull();
    expect(readMediaItem(null)).toBeNull();
    expect(readMediaItem({ id: 3, url: 'https://cdn.example/x.jpg', width: -1, height: 'big', caption: null })).toEqual({ id: '3', url: 'https://cdn.example/x.jpg', width: null, height: null, caption: '', credit: '', alt: '' });
  });
});
