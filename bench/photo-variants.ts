/** Upload-to-variants: time the photo processor on a 12 MP photo-like JPEG, written to a temp dir through the disk storage. */
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { createDiskMediaStorage } from '../src/adapters/media/disk-media-storage.js';
import { createPhotoProcessor } from '../src/adapters/media/image-variants.js';
import { percentile } from './publish-to-visible.js';

export interface PhotoVariantTimes {
  megapixels: number;
  ms: number[];
  medianMs: number;
  inputBytes: number;
  /** Sizes of the last run's variants, e.g. "1600.webp": 244570. */
  variantBytes: Record<string, number>;
}

const WIDTH = 4000;
const HEIGHT = 3000;
const RUNS = 5;

/**
 * Gradients, textures and grain, so it compresses like a camera JPEG (~3.6 MB at quality 90) rather
 * than a flat colour; a seeded generator keeps every run on the same bytes.
 */
async function photoLikeJpeg(): Promise<Buffer> {
  const pixels = Buffer.alloc(WIDTH * HEIGHT * 3);
  let seed = 1;
  const grain = (): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return (seed / 0x7fffffff - 0.5) * 60; };
  const clamp = (v: number): number => Math.max(0, Math.min(255, v));
  for (let y = 0; y < HEIGHT; y++) {
    for (let x = 0; x < WIDTH; x++) {
      const at = (y * WIDTH + x) * 3;
      const n = grain();
      pixels[at] = clamp((x / WIDTH) * 200 + 30 * Math.sin(x / 37 + y / 53) + n);
      pixels[at + 1] = clamp((y / HEIGHT) * 180 + 40 * Math.sin(x / 91) * Math.cos(y / 71) + n);
      pixels[at + 2] = clamp(120 + 60 * Math.sin((x + y) / 140) + n);
    }
  }
  return sharp(pixels, { raw: { width: WIDTH, height: HEIGHT, channels: 3 } }).blur(0.6).jpeg({ quality: 90 }).toBuffer();
}

export async function measurePhotoVariants(): Promise<PhotoVariantTimes> {
  const input = await photoLikeJpeg();
  const root = await mkdtemp(join(tmpdir(), 'dateline-bench-photos-'));
  try {
    const processor = createPhotoProcessor({ storage: createDiskMediaStorage(root), maxBytes: 50_000_000, maxPixels: 100_000_000 });
    const ids = { newId: () => randomUUID() };
    const ms: number[] = [];
    let variantBytes: Record<string, number> = {};
    for (let run = 0; run < RUNS; run++) {
      const started = performance.now();
      const photo = await processor.process(input, ids);
      ms.push(Math.round(performance.now() - started));
      variantBytes = Object.fromEntries(photo.variants.map((v) => [`${v.width}.${v.format}`, v.bytes]));
    }
    return { megapixels: (WIDTH * HEIGHT) / 1e6, ms, medianMs: percentile(ms, 50), inputBytes: input.length, variantBytes };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
