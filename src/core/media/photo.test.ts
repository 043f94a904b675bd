/** @module Tests for photo.ts: variant planning, storage keys, srcset and the img fallback. */
import { describe, expect, it } from 'vitest';
import {
  isMediaId, originalKey, parseMediaKey, pickFallback, planVariantWidths, srcsetFor, variantFormatsFor, variantKey,
  type PhotoVariant,
} from './photo.js';

const ID = '3f2a1b4c-9d8e-4f00-8a1b-2c3d4e5f6a7b';

function variant(width: number, format: PhotoVariant['format']): PhotoVariant {
  return { width, height: Math.round(width * 0.75), format, key: variantKey(ID, width, format), bytes: width * 10 };
}

describe('planVariantWidths', () => {
  it('keeps every width the original can fill, never upscaling', () => {
    expect(planVariantWidths(4000)).toEqual([320, 640, 1024, 1600]);
    expect(planVariantWidths(1600)).toEqual([320, 640, 1024, 1600]);
    expect(planVariantWidths(1200)).toEqual([320, 640, 1024]);
  });

  it('makes one variant at the original width when the photo is narrower than every width', () => {
    expect(planVariantWidths(200)).toEqual([200]);
  });
});

describe('variantFormatsFor', () => {
  it('pairs WebP with the original format, and AVIF with JPEG or, with transparency, PNG', () => {
    expect(variantFormatsFor('jpeg', false)).toEqual(['webp', 'jpeg']);
    expect(variantFormatsFor('png', true)).toEqual(['webp', 'png']);
    expect(variantFormatsFor('webp', true)).toEqual(['webp']);
    expect(variantFormatsFor('avif', false)).toEqual(['webp', 'jpeg']);
    expect(variantFormatsFor('avif', true)).toEqual(['webp', 'png']);
  });
});

describe('media keys', () => {
  it('shards by the first two characters of the id and parses back', () => {
    expect(variantKey(ID, 640, 'webp')).toBe(`3f/${ID}-640.webp`);
    expect(originalKey(ID, 'jpeg')).toBe(`3f/${ID}-original.jpg`);
    expect(parseMediaKey(`3f/${ID}-640.webp`)).toEqual({ shard: '3f', id: ID, kind: 'variant', width: 640, format: 'webp' });
    expect(parseMediaKey(`3f/${ID}-original.jpg`)).toMatchObject({ kind: 'original', width: null, format: 'jpeg' });
  });

  it.each([
    '../etc/passwd', `3f/../${ID}-640.webp`, `/3f/${ID}-640.webp`, `3f/3f/${ID}-640.webp`, `ab/${ID}-640.webp`,
    `3F/${ID.toUpperCase()}-640.webp`, `3f/${ID}-640.gif`, `3f/${ID}.webp`, `3f/${ID}-0640.webp`, `3f\\${ID}-640.webp`,
    `3f/${ID}-640.webp\0`, `3f/${ID}-640.webp.tmp`, '3f/3f-640.webp', '',
  ])('refuses %j', (key) => {
    expect(parseMediaKey(key)).toBeNull();
  });

  it('accepts only generated-looking ids', () => {
    expect(isMediaId(ID)).toBe(true);
    expect(isMediaId('../x')).toBe(false);
    expect(isMediaId('photo.jpg')).toBe(false);
  });
});

describe('srcsetFor and pickFallback', () => {
  const photo = { variants: [variant(1024, 'jpeg'), variant(320, 'webp'), variant(1600, 'jpeg'), variant(320, 'jpeg'), variant(1024, 'webp')] };

  it('lists one format, narrowest first', () => {
    expect(srcsetFor(photo, 'webp', (key) => `/media/${key}`)).toBe(`/media/3f/${ID}-320.webp 320w, /media/3f/${ID}-1024.webp 1024w`);
    expect(srcsetFor(photo, 'png', (key) => key)).toBe('');
  });

  it('falls back to the widest non-WebP variant up to 1024 px', () => {
    expect(pickFallback(photo)).toMatchObject({ format: 'jpeg', width: 1024 });
    expect(pickFallback({ variants: [variant(1600, 'webp'), variant(1200, 'webp')] })).toMatchObject({ width: 1200 });
    expect(() => pickFallback({ variants: [] })).toThrow();
  });
});
