/** @module Photo processor (sharp): checks an upload by its content, then stores the original and its responsive variants. */
import { availableParallelism } from 'node:os';
import sharp, { type SharpOptions } from 'sharp';
import { ACCEPTED_PHOTO_FORMATS_TEXT, MediaError } from '../../core/media/media-errors.js';
import {
  PHOTO_WIDTHS, isMediaId, originalKey, planVariantWidths, variantFormatsFor, variantKey,
  type MediaStorage, type PhotoFormat, type PhotoVariant, type ProcessedPhoto, type VariantFormat,
} from '../../core/media/photo.js';
import type { IdGenerator } from '../../core/shared/ids.js';

export interface PhotoProcessorOptions {
  storage: MediaStorage;
  /** Largest upload accepted, in bytes; more is MEDIA_TOO_LARGE (HTTP 413). */
  maxBytes: number;
  /** Largest width × height decoded, e.g. 100_000_000; more is MEDIA_TOO_MANY_PIXELS. */
  maxPixels: number;
  widths?: readonly number[];
  /** Variants encoded at once; defaults to the number of CPUs (libvips itself runs one thread per image here). */
  concurrency?: number;
}

export interface PhotoProcessor {
  process(bytes: Buffer, ids: IdGenerator): Promise<ProcessedPhoto>;
}

interface Inspected { format: PhotoFormat; width: number; height: number; hasAlpha: boolean }
interface Pixels { data: Buffer; width: number; height: number; channels: 1 | 2 | 3 | 4 }

/**
 * Measured on a 12 MP photo (bench/photo-variants.ts): WebP effort 2 is ~35% faster than 4 for files
 * ~4% larger; mozjpeg would save ~25% on the JPEG fallback, which few readers download, for ~100 ms more.
 */
const WEBP = { quality: 80, effort: 2 } as const;
const JPEG = { quality: 80, progressive: true, mozjpeg: false } as const;
const PNG = { compressionLevel: 6, adaptiveFiltering: false } as const;

type Sniffed = { accepted: true; format: PhotoFormat } | { accepted: false; name: string };

const AVIF_BRANDS = new Set(['avif', 'avis']);
const HEIC_BRANDS = new Set(['heic', 'heix', 'heim', 'heis', 'hevc', 'hevx', 'hevm', 'hevs', 'mif1', 'msf1']);

/** The ISO media brands of an `ftyp` box: AVIF and HEIC share the container and differ only here. */
function sniffIsoMedia(bytes: Buffer): Sniffed | null {
  const end = Math.min(bytes.length, bytes.readUInt32BE(0), 256);
  const brands = [bytes.toString('latin1', 8, 12)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(bytes.toString('latin1', at, at + 4));
  if (brands.some((b) => AVIF_BRANDS.has(b))) return { accepted: true, format: 'avif' };
  if (brands.some((b) => HEIC_BRANDS.has(b))) return { accepted: false, name: 'HEIC' };
  return null;
}

/** What the first bytes say the file is; null when they name no image format at all. */
function sniffImageFormat(bytes: Buffer): Sniffed | null {
  const ascii = (from: number, to: number): string => bytes.toString('latin1', from, to);
  if (bytes.length < 12) return null;
  if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { accepted: true, format: 'jpeg' };
  if (ascii(0, 8) === '\x89PNG\r\n\x1a\n') return { accepted: true, format: 'png' };
  if (ascii(0, 4) === 'RIFF' && ascii(8, 12) === 'WEBP') return { accepted: true, format: 'webp' };
  if (ascii(4, 8) === 'ftyp') return sniffIsoMedia(bytes);
  if (ascii(0, 4) === 'GIF8') return { accepted: false, name: 'GIF' };
  if (ascii(0, 4) === 'II*\0' || ascii(0, 4) === 'MM\0*') return { accepted: false, name: 'TIFF' };
  const text = bytes.toString('utf8', 0, 4096).replace(/^\ufeff/, '').trimStart();
  if (text.startsWith('<') && /<svg[\s/>]/i.test(text)) return { accepted: false, name: 'SVG' };
  return null;
}

/** sharp's failure as the upload's fault: over the pixel limit (checked on the header), or undecodable. */
function refusal(error: unknown, maxPixels: number): MediaError {
  const message = error instanceof Error ? error.message : String(error);
  if (/pixel limit/i.test(message)) return tooManyPixels(maxPixels);
  return new MediaError('MEDIA_CORRUPT', 'The photo could not be decoded: the file is damaged or incomplete.', { cause: message });
}

function tooManyPixels(maxPixels: number, size?: { width: number; height: number }): MediaError {
  return new MediaError('MEDIA_TOO_MANY_PIXELS', `The photo has more than ${maxPixels} pixels.`, { ...size, maxPixels });
}

function decoderOptions(maxPixels: number): SharpOptions {
  // failOn 'error' also refuses truncated data; 'warning' would refuse many real camera JPEGs.
  return { failOn: 'error', limitInputPixels: maxPixels, autoOrient: true };
}

/** Format from the bytes, then the header through sharp; nothing is decoded yet. */
async function inspect(bytes: Buffer, maxBytes: number, maxPixels: number): Promise<Inspected> {
  if (bytes.length > maxBytes) {
    throw new MediaError('MEDIA_TOO_LARGE', `The photo is larger than the limit of ${maxBytes} bytes.`, { bytes: bytes.length, maxBytes });
  }
  const sniffed = sniffImageFormat(bytes);
  if (sniffed === null) throw new MediaError('MEDIA_NOT_AN_IMAGE', `The file is not an image. Upload ${ACCEPTED_PHOTO_FORMATS_TEXT}.`);
  if (sniffed.accepted === false) {
    throw new MediaError('MEDIA_UNSUPPORTED_FORMAT', `${sniffed.name} images are not accepted. Upload ${ACCEPTED_PHOTO_FORMATS_TEXT}.`, { format: sniffed.name });
  }
  const meta = await sharp(bytes, decoderOptions(maxPixels)).metadata().catch((error: unknown) => { throw refusal(error, maxPixels); });
  const decoded = meta.format === 'heif' ? (meta.compression === 'av1' ? 'avif' : 'heic') : meta.format;
  if (decoded !== sniffed.format) throw new MediaError('MEDIA_CORRUPT', 'The photo could not be decoded: its header is inconsistent.');
  const { width, height } = meta.autoOrient;
  if (width * height > maxPixels) throw tooManyPixels(maxPixels, { width, height });
  return { format: sniffed.format, width, height, hasAlpha: meta.hasAlpha };
}

/** One decode, rotated and shrunk to the widest variant; raw pixels carry no EXIF, XMP, IPTC or ICC. */
async function decodeOnce(bytes: Buffer, width: number, maxPixels: number): Promise<Pixels> {
  const { data, info } = await sharp(bytes, decoderOptions(maxPixels))
    .resize({ width, withoutEnlargement: true })
    .raw({ depth: 'uchar' })
    .toBuffer({ resolveWithObject: true })
    .catch((error: unknown) => { throw refusal(error, maxPixels); });
  return { data, width: info.width, height: info.height, channels: info.channels };
}

async function encode(pixels: Pixels, width: number, format: VariantFormat): Promise<{ data: Buffer; width: number; height: number }> {
  let image = sharp(pixels.data, { raw: { width: pixels.width, height: pixels.height, channels: pixels.channels } });
  if (width < pixels.width) image = image.resize({ width });
  if (format === 'webp') image = image.webp(WEBP);
  else if (format === 'jpeg') image = image.jpeg(JPEG);
  else if (format === 'png') image = image.png(PNG);
  else throw new Error(`no encoder for ${format} variants`);
  const { data, info } = await image.toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}

/** Runs at most `limit` tasks at once; after a failure starts no more, waits for those running, rethrows. */
async function runBounded(tasks: Array<() => Promise<void>>, limit: number): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && next < tasks.length) {
      const task = tasks[next++]!;
      await task().catch((error: unknown) => { failure ??= { error }; });
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, tasks.length)) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
}

export function createPhotoProcessor(options: PhotoProcessorOptions): PhotoProcessor {
  const { storage, maxBytes, maxPixels } = options;
  const widths = options.widths ?? PHOTO_WIDTHS;
  const concurrency = options.concurrency ?? availableParallelism();

  return {
    async process(bytes, ids) {
      const found = await inspect(bytes, maxBytes, maxPixels);
      const planned = planVariantWidths(found.width, widths);
      const pixels = await decodeOnce(bytes, planned.at(-1)!, maxPixels);
      const id = ids.newId();
      if (!isMediaId(id)) throw new Error('the id generator made an id unfit for a storage key');

      const attempted: string[] = [];
      const save = async (key: string, data: Buffer): Promise<void> => {
        attempted.push(key);
        await storage.write(key, data);
      };
      const variants: PhotoVariant[] = [];
      const tasks = [async () => save(originalKey(id, found.format), bytes)];
      for (const width of planned) {
        for (const format of variantFormatsFor(found.format, found.hasAlpha)) {
          tasks.push(async () => {
            const out = await encode(pixels, width, format);
            const key = variantKey(id, width, format);
            await save(key, out.data);
            variants.push({ width: out.width, height: out.height, format, key, bytes: out.data.length });
          });
        }
      }
      try {
        await runBounded(tasks, concurrency);
      } catch (error) {
        // Storage failures (disk full…) are rethrown as they are: they are ours, not the upload's.
        await Promise.allSettled(attempted.map((key) => storage.remove(key)));
        throw error;
      }
      variants.sort((a, b) => a.width - b.width || a.format.localeCompare(b.format));
      return { id, originalFormat: found.format, width: found.width, height: found.height, bytes: bytes.length, variants };
    },
  };
}
