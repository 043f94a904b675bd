/**
 * The font bytes a reader's browser downloads for an article, measured in Debian's chromium (a unicode-range face is
 * fetched only when the page uses its characters): an Arabic article should fetch the Arabic face, an English one none.
 */
import { existsSync } from 'node:fs';
import type { Figure } from './report.js';

const CHROMIUM = '/usr/bin/chromium';

/** Bytes of every font response while loading `path`, or null when no chromium is installed. */
async function fontBytes(origin: string, path: string): Promise<{ bytes: number; files: number } | null> {
  if (!existsSync(CHROMIUM)) return null;
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync'],
  });
  try {
    const page = await browser.newPage();
    let bytes = 0;
    let files = 0;
    page.on('response', (response) => {
      if (response.request().resourceType() !== 'font') return;
      files++;
      void response.body().then((b) => { bytes += b.length; }).catch(() => {});
    });
    await page.goto(origin + path, { waitUntil: 'networkidle' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return { bytes, files };
  } finally {
    await browser.close();
  }
}

export async function measureFontBytes(origin: string, englishPath: string, arabicPath: string | null): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const [label, path] of [['English', englishPath], ['Arabic', arabicPath]] as const) {
    if (!path) continue;
    const measured = await fontBytes(origin, path);
    if (!measured) return [];
    figures.push({ name: `font bytes downloaded by an ${label} article (chromium)`, value: measured.bytes / 1024, unit: 'KB', detail: `${measured.files} font file(s)` });
  }
  return figures;
}
