/** @module Tests for the photo processor: variants, rotation, metadata stripping, and every refusal leaving no file behind. */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { MediaStorage } from '../../core/media/photo.js';
import { createDiskMediaStorage } from './disk-media-storage.js';
import { createPhotoProcessor, type PhotoProcessorOptions } from './image-variants.js';

const ids = { newId: () => randomUUID() };
const LIMITS = { maxBytes: 30_000_000, maxPixels: 100_000_000 };
let root: string;

beforeEach(async () => { root = await mkdtemp(join(tmpdir(), 'dateline-photos-')); });
afterEach(async () => { await rm(root, { recursive: true, force: true }); });

function processor(overrides: Partial<PhotoProcessorOptions> = {}) {
  return createPhotoProcessor({ storage: createDiskMediaStorage(root), ...LIMITS, ...overrides });
}

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : [join(dir, e.name)])));
  return nested.flat();
}

function noise(width: number, height: number, channels: 3 | 4 = 3) {
  return sharp({ create: { width, height, channels, background: 'gray', noise: { type: 'gaussian', mean: 128, sigma: 40 } } });
}

/** True when EXIF IFD0 points to a GPS IFD (tag 0x8825). */
function hasGpsIfd(exif: Buffer | undefined): boolean {
  if (!exif) return false;
  const tiff = exif.subarray(exif.indexOf('Exif\0\0') + 6);
  const le = tiff.toString('latin1', 0, 2) === 'II';
  const u16 = (at: number) => (le ? tiff.readUInt16LE(at) : tiff.readUInt16BE(at));
  const ifd0 = le ? tiff.readUInt32LE(4) : tiff.readUInt32BE(4);
  return Array.from({ length: u16(ifd0) }, (_, i) => u16(ifd0 + 2 + i * 12)).includes(0x8825);
}

/** A one-colour 1-bit PNG claiming any size: kilobytes on disk, `width × height` pixels once decoded. */
function pngOf(width: number, height: number, idat: Buffer): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const length = Buffer.alloc(4); length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0); ihdr.writeUInt32BE(height, 4); ihdr[8] = 1; ihdr[9] = 0;
  return Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

describe('createPhotoProcessor, accepted photos', () => {
  // A 12 MP encode takes seconds on a loaded 2-core machine: a limit for a hung encoder, not a speed claim.
  it('makes WebP and JPEG variants of a 12 MP photo and strips EXIF (GPS included), XMP and IPTC', { timeout: 60_000 }, async () => {
    const input = await noise(4000, 3000)
      .withExif({ IFD0: { Make: 'TestCam' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 30/1 12/1', GPSLongitudeRef: 'W', GPSLongitude: '0/1 7/1 39/1' } })
      .withXmp('<x:xmpmeta xmlns:x="adobe:ns:meta/"/>')
      .jpeg({ quality: 90 }).toBuffer();
    expect(hasGpsIfd((await sharp(input).metadata()).exif)).toBe(true);

    const photo = await processor().process(input, ids);

    expect(photo).toMatchObject({ originalFormat: 'jpeg', width: 4000, height: 3000, bytes: input.length });
    expect(photo.variants.map((v) => `${v.width}x${v.height}.${v.format}`)).toEqual([
      '320x240.jpeg', '320x240.webp', '640x480.jpeg', '640x480.webp', '1024x768.jpeg', '1024x768.webp', '1600x1200.jpeg', '1600x1200.webp',
    ]);
    for (const variant of photo.variants) {
      const bytes = await readFile(join(root, 'public', variant.key));
      const meta = await sharp(bytes).metadata();
      expect(variant.bytes).toBe(bytes.length);
      expect(meta.format).toBe(variant.format);
      expect(hasGpsIfd(meta.exif)).toBe(false);
      expect([meta.exif, meta.xmp, meta.iptc]).toEqual([undefined, undefined, undefined]);
    }
    const original = await readFile(join(root, 'originals', `${photo.id.slice(0, 2)}/${photo.id}-original.jpg`));
    expect(original.equals(input)).toBe(true);
  });

  it('rotates by EXIF orientation 6 and never upscales a small photo', async () => {
    const redLeftBlueRight = await sharp({ create: { width: 400, height: 200, channels: 3, background: 'blue' } })
      .composite([{ input: { create: { width: 200, height: 200, channels: 3, background: 'red' } }, left: 0, top: 0 }])
      .withMetadata({ orientation: 6 }).jpeg().toBuffer();

    const photo = await processor().process(redLeftBlueRight, ids);

    expect([photo.width, photo.height]).toEqual([200, 400]);
    expect(photo.variants.map((v) => [v.width, v.height, v.format])).toEqual([[200, 400, 'jpeg'], [200, 400, 'webp']]);
    const { data, info } = await sharp(join(root, 'public', photo.variants[0]!.key)).raw().toBuffer({ resolveWithObject: true });
    const pixel = (x: number, y: number) => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(pixel(100, 50)[0]).toBeGreaterThan(200);
    expect(pixel(100, 350)[2]).toBeGreaterThan(200);
    expect((await sharp(join(root, 'public', photo.variants[0]!.key)).metadata()).orientation).toBeUndefined();
  });

  it('keeps transparency in PNG and WebP variants of a PNG, widths up to the original', async () => {
    const input = await sharp({ create: { width: 800, height: 600, channels: 4, background: { r: 0, g: 0, b: 0, alpha: 0 } } })
      .composite([{ input: { create: { width: 400, height: 600, channels: 4, background: 'orange' } }, left: 0, top: 0 }]).png().toBuffer();

    const photo = await processor().process(input, ids);

    expect(photo.variants.map((v) => `${v.width}.${v.format}`)).toEqual(['320.png', '320.webp', '640.png', '640.webp']);
    for (const variant of photo.variants) {
      const { data, info } = await sharp(join(root, 'public', variant.key)).raw().toBuffer({ resolveWithObject: true });
      expect(info.channels).toBe(4);
      expect(data[(10 * info.width + info.width - 5) * 4 + 3]).toBe(0);
    }
  });

  it('makes only WebP variants of a WebP', async () => {
    const photo = await processor().process(await noise(700, 500).webp().toBuffer(), ids);
    expect(photo.originalFormat).toBe('webp');
    expect(photo.variants.map((v) => `${v.width}.${v.format}`)).toEqual(['320.webp', '640.webp']);
  });

  it('makes WebP plus JPEG of an AVIF, or WebP plus PNG when it has transparency', async () => {
    const opaque = await processor().process(await noise(500, 400).avif({ effort: 0 }).toBuffer(), ids);
    expect(opaque.originalFormat).toBe('avif');
    expect(opaque.variants.map((v) => `${v.width}.${v.format}`)).toEqual(['320.jpeg', '320.webp']);
    const clear = await processor().process(await noise(500, 400, 4).avif({ effort: 0 }).toBuffer(), ids);
    expect(clear.variants.map((v) => `${v.width}.${v.format}`)).toEqual(['320.png', '320.webp']);
  });
});

describe('createPhotoProcessor, refusals leave no file behind', () => {
  async function refusal(bytes: Buffer, overrides: Partial<PhotoProcessorOptions> = {}) {
    const error = await processor(overrides).process(bytes, ids).then(() => null, (e: unknown) => e);
    expect(await filesUnder(root)).toEqual([]);
    return error as { code: string; message: string; details?: Record<string, unknown> };
  }

  it('refuses a text file whatever it is called', async () => {
    const uploaded = { filename: 'photo.jpg', mimetype: 'image/jpeg', bytes: Buffer.from('Not a photo, just words in a file called photo.jpg\n') };
    expect(await refusal(uploaded.bytes)).toMatchObject({ code: 'MEDIA_NOT_AN_IMAGE', message: expect.stringContaining('JPEG, PNG, WebP or AVIF') });
  });

  it.each([
    ['GIF', () => noise(40, 30).gif().toBuffer()],
    ['TIFF', () => noise(40, 30).tiff().toBuffer()],
    ['SVG', async () => Buffer.from('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>')],
    ['HEIC', async () => { const avif = await noise(40, 30).avif({ effort: 0 }).toBuffer(); avif.write('heic', 8, 'latin1'); avif.write('heic', 20, 'latin1'); return avif; }],
  ])('refuses %s with the list of accepted formats', async (name, make) => {
    expect(await refusal(await make())).toMatchObject({ code: 'MEDIA_UNSUPPORTED_FORMAT', message: `${name} images are not accepted. Upload JPEG, PNG, WebP or AVIF.` });
  });

  it('refuses a truncated JPEG as corrupt', async () => {
    const whole = await noise(1000, 800).jpeg().toBuffer();
    expect(await refusal(whole.subarray(0, whole.length / 2))).toMatchObject({ code: 'MEDIA_CORRUPT' });
  });

  it('refuses more bytes than the limit', async () => {
    const input = await noise(200, 200).jpeg().toBuffer();
    expect(await refusal(input, { maxBytes: 1000 })).toMatchObject({ code: 'MEDIA_TOO_LARGE', details: { bytes: input.length, maxBytes: 1000 } });
  });

  it('refuses a decompression bomb from its header, before decoding a pixel', async () => {
    const bomb = pngOf(20_000, 20_000, deflateSync(Buffer.alloc(20_000 * 2501), { level: 9 }));
    expect(bomb.length).toBeLessThan(200_000);
    expect(await refusal(bomb)).toMatchObject({ code: 'MEDIA_TOO_MANY_PIXELS' });
    // Same header, garbage pixels: decoding them would say MEDIA_CORRUPT, so the refusal came from the header.
    expect(await refusal(pngOf(20_000, 20_000, Buffer.from('garbage')))).toMatchObject({ code: 'MEDIA_TOO_MANY_PIXELS' });
  });

  it('applies the configured pixel limit', async () => {
    expect(await refusal(await noise(1000, 800).jpeg().toBuffer(), { maxPixels: 500_000 })).toMatchObject({ code: 'MEDIA_TOO_MANY_PIXELS', details: { maxPixels: 500_000 } });
  });

  it('removes what it wrote when storage fails midway, and runs at most `concurrency` variants at once', async () => {
    const disk = createDiskMediaStorage(root);
    let writes = 0;
    let running = 0;
    let peak = 0;
    const flaky: MediaStorage = {
      remove: (key) => disk.remove(key),
      async write(key, bytes) {
        running++; peak = Math.max(peak, running);
        await disk.write(key, bytes).finally(() => { running--; });
        if (++writes === 4) throw new Error('disk full');
      },
    };
    await expect(processor({ storage: flaky, concurrency: 2 }).process(await noise(2000, 1500).jpeg().toBuffer(), ids)).rejects.toThrow('disk full');
    expect(await filesUnder(root)).toEqual([]);
    expect(peak).toBeLessThanOrEqual(2);
  });
});
