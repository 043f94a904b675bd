import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { parseCharsets } from './font-coverage.js';
import { drawableText, escapeMarkup, renderNameCard } from './name-card.js';

const LATIN_ARABIC = parseCharsets('20-7e a0-17f 600-6ff fe70-feff');
const SIZE = { width: 1200, height: 630 };

/** How many pixels are near white: the lettering (the background is dark blue and red). */
async function inkPixels(png: Buffer): Promise<number> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  let ink = 0;
  for (let i = 0; i < data.length; i += info.channels) if (data[i]! > 200 && data[i + 1]! > 200 && data[i + 2]! > 200) ink++;
  return ink;
}

describe('the generated name card', () => {
  it('escapes the name: markup in it is text', () => {
    expect(escapeMarkup('Tom & Jerry </span><span foreground="red">')).toBe('Tom &amp; Jerry &lt;/span&gt;&lt;span foreground=&quot;red&quot;&gt;');
  });

  it('draws the name if the fonts can, else the name without its emoji, else the host', () => {
    expect(drawableText('الأخبار اليومية', 'news.example.com', LATIN_ARABIC)).toBe('الأخبار اليومية');
    expect(drawableText('Daily 📰 News 🗞️', 'news.example.com', LATIN_ARABIC)).toBe('Daily News');
    expect(drawableText('日报 📰', 'news.example.com', LATIN_ARABIC)).toBe('news.example.com');
    expect(drawableText('日报', '日报.example', LATIN_ARABIC)).toBeNull();
  });

  it('renders a PNG of the asked size with lettering, hostile names included', async () => {
    for (const name of ['Dateline', 'الأخبار اليومية', 'Tom & Jerry </span><b>', '日报 ニュース']) {
      const png = await renderNameCard(name, 'news.example.com', SIZE, LATIN_ARABIC);
      expect(await sharp(png).metadata(), name).toMatchObject({ format: 'png', width: 1200, height: 630 });
      expect(await inkPixels(png), name).toBeGreaterThan(1000);
    }
    const logo = await renderNameCard('Dateline', 'news.example.com', { width: 512, height: 512 }, LATIN_ARABIC);
    expect(await sharp(logo).metadata()).toMatchObject({ width: 512, height: 512 });
  });

  it('leaves the card plain rather than drawing boxes when nothing can be drawn', async () => {
    const png = await renderNameCard('日报', '日报.example', SIZE, LATIN_ARABIC);
    expect(await inkPixels(png)).toBe(0);
  });
});
