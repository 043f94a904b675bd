/**
 * @module The generated share image and publisher logo: the site's name in white on the masthead's blue, drawn with
 * sharp (an SVG background, the name laid out by Pango, which shapes Arabic and sets right-to-left text itself and
 * shrinks a long name to fit). Nothing is drawn as boxes: emoji the server has no font for are left out of the name,
 * and a name its fonts cannot draw at all (CJK on a machine without a CJK font) gives way to the site's host name.
 */
import sharp, { type OverlayOptions } from 'sharp';
import { canDraw, type Coverage } from './font-coverage.js';

const BACKGROUND = '#12355b';
const ACCENT = '#c8102e';
const INK = '#ffffff';

/** Pango markup is XML: the name is text inside it, never markup. */
export function escapeMarkup(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

function backgroundSvg(width: number, height: number): Buffer {
  const band = Math.round(height * 0.05);
  return Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="${BACKGROUND}"/><rect y="${height - band}" width="${width}" height="${band}" fill="${ACCENT}"/></svg>`);
}

/** The first of the name, the name without its emoji, or the host that the fonts can draw; null if none. */
export function drawableText(name: string, host: string, coverage: Coverage): string | null {
  const withoutEmoji = name.replace(/\p{Extended_Pictographic}|\u200d|\ufe0f/gu, '').replace(/\s+/g, ' ');
  for (const candidate of [name, withoutEmoji, host]) {
    const text = candidate.normalize('NFC').trim();
    if (text && canDraw(coverage, text)) return text;
  }
  return null;
}

/** A PNG of `width`×`height` with the site's name (or host) centred, as large as fits in most of the card. */
export async function renderNameCard(name: string, host: string, size: { width: number; height: number }, coverage: Coverage): Promise<Buffer> {
  const { width, height } = size;
  const text = drawableText(name, host, coverage);
  const layers: OverlayOptions[] = [];
  if (text) {
    const lettering = await sharp({
      text: {
        text: `<span foreground="${INK}">${escapeMarkup(text)}</span>`,
        font: 'sans-serif bold',
        width: Math.round(width * 0.84),
        height: Math.round(height * 0.5),
        align: 'centre',
        // Whole words only: Pango shrinks the type until the longest word fits.
        wrap: 'word',
        rgba: true,
      },
    }).png().toBuffer();
    layers.push({ input: lettering, gravity: 'centre' });
  }
  return sharp(backgroundSvg(width, height)).composite(layers).png({ compressionLevel: 9 }).toBuffer();
}
