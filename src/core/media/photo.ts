/** @module Photo: an uploaded picture, its responsive variants, their storage keys, and srcset helpers. */

export type PhotoFormat = 'jpeg' | 'png' | 'webp' | 'avif';
export type VariantFormat = PhotoFormat;

export interface PhotoVariant {
  width: number;
  height: number;
  format: VariantFormat;
  /** Storage key, e.g. "3f/3f2a…-640.webp"; see variantKey. */
  key: string;
  bytes: number;
}

export interface Photo {
  id: string;
  originalFormat: PhotoFormat;
  /** Dimensions as displayed, i.e. after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** Size of the original as uploaded; the original itself is stored privately and never served. */
  bytes: number;
  variants: PhotoVariant[];
  caption: string;
  credit: string;
  alt: string;
  uploadedBy: string | null;
  createdAt: Date;
}

/** What the image processor learns from an upload; the newsroom adds caption, credit, alt and who/when. */
export type ProcessedPhoto = Pick<Photo, 'id' | 'originalFormat' | 'width' | 'height' | 'bytes' | 'variants'>;

/** The widths, in pixels, of the responsive variants. */
export const PHOTO_WIDTHS: readonly number[] = [320, 640, 1024, 1600];

/** Widths to produce: never wider than the original, and at least one (the original width) for small photos. */
export function planVariantWidths(originalWidth: number, widths: readonly number[] = PHOTO_WIDTHS): number[] {
  const fitting = [...new Set(widths)].filter((w) => w <= originalWidth).sort((a, b) => a - b);
  return fitting.length > 0 ? fitting : [originalWidth];
}

/**
 * Formats of each variant: WebP for every browser in use, plus a universal fallback (img src, feeds,
 * og:image). JPEG stays JPEG and PNG stays PNG; AVIF falls back to JPEG (PNG if it has transparency),
 * because AVIF encoding costs seconds per photo and WebP already serves the modern browsers.
 */
export function variantFormatsFor(originalFormat: PhotoFormat, hasAlpha: boolean): VariantFormat[] {
  switch (originalFormat) {
    case 'webp': return ['webp'];
    case 'jpeg': return ['webp', 'jpeg'];
    case 'png': return ['webp', 'png'];
    case 'avif': return ['webp', hasAlpha ? 'png' : 'jpeg'];
  }
}

const EXTENSIONS: Record<PhotoFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp', avif: 'avif' };
const FORMATS_BY_EXTENSION: Record<string, PhotoFormat> = { jpg: 'jpeg', png: 'png', webp: 'webp', avif: 'avif' };
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{7,63}$/;
const KEY_PATTERN = /^([a-z0-9]{2})\/([a-z0-9][a-z0-9-]{7,63})-(original|[1-9][0-9]{0,4})\.(jpg|png|webp|avif)$/;

/** Ids as the generator makes them (UUIDs, lower case): letters, digits and hyphens only, so never a path. */
export function isMediaId(id: string): boolean {
  return ID_PATTERN.test(id);
}

/** Keys shard by the id's first two characters so no directory grows past a few thousand files. */
export function variantKey(id: string, width: number, format: VariantFormat): string {
  return `${id.slice(0, 2)}/${id}-${width}.${EXTENSIONS[format]}`;
}

export function originalKey(id: string, format: PhotoFormat): string {
  return `${id.slice(0, 2)}/${id}-original.${EXTENSIONS[format]}`;
}

export interface MediaKey {
  shard: string;
  id: string;
  /** A public variant, or the private original. */
  kind: 'variant' | 'original';
  width: number | null;
  format: PhotoFormat;
}

/** Null for anything that is not exactly a key this module would generate. */
export function parseMediaKey(key: string): MediaKey | null {
  const match = KEY_PATTERN.exec(key);
  if (!match) return null;
  const [, shard = '', id = '', size = '', extension = ''] = match;
  const format = FORMATS_BY_EXTENSION[extension];
  if (!format || !id.startsWith(shard)) return null;
  const kind = size === 'original' ? 'original' : 'variant';
  return { shard, id, kind, width: kind === 'variant' ? Number(size) : null, format };
}

/** "url 320w, url 640w, …" for the variants of one format, narrowest first; empty if there are none. */
export function srcsetFor(photo: Pick<Photo, 'variants'>, format: VariantFormat, urlOf: (key: string) => string): string {
  return photo.variants
    .filter((v) => v.format === format)
    .sort((a, b) => a.width - b.width)
    .map((v) => `${urlOf(v.key)} ${v.width}w`)
    .join(', ');
}

const FALLBACK_WIDTH = 1024;

/** The variant for a plain img src: the fallback format (not WebP when there is one), widest up to 1024 px. */
export function pickFallback(photo: Pick<Photo, 'variants'>): PhotoVariant {
  const others = photo.variants.filter((v) => v.format !== 'webp');
  const pool = (others.length > 0 ? others : photo.variants).slice().sort((a, b) => a.width - b.width);
  const fitting = pool.filter((v) => v.width <= FALLBACK_WIDTH);
  const chosen = fitting.at(-1) ?? pool[0];
  if (!chosen) throw new Error('a photo always has at least one variant');
  return chosen;
}

/** The port the image processor writes through; disk-media-storage.ts implements it. */
export interface MediaStorage {
  /** Stores bytes under a key from variantKey/originalKey; all or nothing (temp file, then rename). */
  write(key: string, bytes: Uint8Array): Promise<void>;
  /** Removes the file; a key that is already gone is not an error. */
  remove(key: string): Promise<void>;
}
