/** @module The built assets as the site serves them: the Arabic typeface's files, and site.css naming only served URLs. */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../../../../test/support/test-site.js';
import type { Page } from '../page-cache.js';
import { defaultAssetsDir, loadStaticAssets, resolveStylesheetUrls, type StaticAssets } from './static-assets.js';

/** Code points English text is made of: Basic Latin, Latin-1, dashes, curly quotes, ellipsis, euro. */
const ENGLISH_TEXT = [...Array.from({ length: 0x100 }, (_, i) => i), 0x2013, 0x2014, 0x2018, 0x2019, 0x201c, 0x201d, 0x2026, 0x20ac];
const ARABIC_LETTERS = ['ا', 'ل', 'ع', 'ر', 'ب', 'ي', 'ة', '،', '٣'].map((c) => c.codePointAt(0)!);

function fontFaces(css: string): string[] {
  return [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((m) => m[1]!);
}

function descriptor(face: string, name: string): string | null {
  return new RegExp(`(?:^|;)\\s*${name}\\s*:\\s*([^;]+)`).exec(face)?.[1]?.trim() ?? null;
}

/** `U+0600-06FF, U+204F` → [[0x600, 0x6ff], [0x204f, 0x204f]] (wildcards are not used here, so they fail the test). */
function unicodeRanges(value: string): [number, number][] {
  return value.split(',').map((part) => {
    const m = /^U\+([0-9A-F]+)(?:-([0-9A-F]+))?$/i.exec(part.trim());
    if (!m) throw new Error(`unexpected unicode-range part ${part}`);
    return [parseInt(m[1]!, 16), parseInt(m[2] ?? m[1]!, 16)];
  });
}

function urlsIn(css: string): string[] {
  return [...css.matchAll(/url\(\s*["']?([^"')]*)["']?\s*\)/g)].map((m) => m[1]!);
}

function pageOf(assets: StaticAssets, url: string): Page {
  const page = assets.byPath.get(url);
  if (!page) throw new Error(`not served: ${url}`);
  return page;
}

describe('static assets', () => {
  // dist/assets is built by test/support/global-setup.ts, as by `npm run build`.
  const assets = loadStaticAssets(defaultAssetsDir());
  const siteCss = pageOf(assets, assets.urls.css).body.toString('utf8');

  it('site.css names only URLs the site serves', () => {
    for (const key of ['css', 'printCss', 'newsroomCss'] as const) {
      for (const url of urlsIn(pageOf(assets, assets.urls[key]).body.toString('utf8'))) expect(assets.byPath.has(url), url).toBe(true);
    }
    expect(urlsIn(siteCss).length).toBeGreaterThan(0);
  });

  it('serves each font of site.css as font/woff2 under the hash of its bytes, cached for a year', () => {
    const sources = fontFaces(siteCss).flatMap((face) => urlsIn(descriptor(face, 'src') ?? ''));
    expect(sources).toHaveLength(2);
    for (const url of sources) {
      const page = pageOf(assets, url);
      expect(page.contentType).toBe('font/woff2');
      expect(page.maxAge).toBe(31536000);
      expect(page.body.subarray(0, 4).toString('latin1')).toBe('wOF2');
      const hash = createHash('sha256').update(page.body).digest('base64url').slice(0, 10);
      expect(url).toBe(`/assets/${/^\/assets\/([\w-]+)\./.exec(url)?.[1]}.${hash}.woff2`);
    }
  });

  it('every @font-face is Arabic only, swaps in, and offers woff2 in 400 or 700 only', () => {
    const faces = fontFaces(siteCss);
    expect(faces.length).toBeGreaterThan(0);
    for (const face of faces) {
      const ranges = unicodeRanges(descriptor(face, 'unicode-range') ?? 'missing');
      const covers = (cp: number) => ranges.some(([from, to]) => cp >= from && cp <= to);
      expect(ARABIC_LETTERS.every(covers)).toBe(true);
      expect(ENGLISH_TEXT.filter(covers)).toEqual([]);
      expect(descriptor(face, 'font-display')).toBe('swap');
      expect(['400', '700']).toContain(descriptor(face, 'font-weight'));
      expect(descriptor(face, 'src')).toMatch(/^url\("[^"]+\.woff2"\) format\("woff2"\)$/);
    }
  });

  it('sets the Arabic face only in rules for Arabic-language text, so English pages never load it', () => {
    const family = /"Noto Naskh Arabic"/;
    const css = siteCss.replace(/\/\*[\s\S]*?\*\//g, '').replace(/@font-face\s*\{[^}]*\}/g, '');
    const rules = [...css.matchAll(/([^{}]+)\{([^}]*)\}/g)];
    const naming = rules.filter((r) => family.test(r[2]!));
    expect(naming.length).toBeGreaterThan(0);
    for (const [, selector] of naming) expect(selector!.trim()).toMatch(/:lang\(ar\)$/);
  });

  it('a stylesheet naming a file that was not built fails loudly; data: URLs pass', () => {
    const built = new Map([['a.woff2', '/assets/a.abc.woff2']]);
    expect(resolveStylesheetUrls('src: url(a.woff2)', built, 'x.css')).toBe('src: url("/assets/a.abc.woff2")');
    expect(resolveStylesheetUrls('b: url("data:image/png;base64,AA")', built, 'x.css')).toBe('b: url("data:image/png;base64,AA")');
    expect(() => resolveStylesheetUrls("src: url('gone.woff2')", built, 'x.css')).toThrow(/x\.css names url\(gone\.woff2\)/);
  });
});

describe('fonts over HTTP', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite({ withFixture: false });
  });
  afterAll(async () => {
    await site.close();
  });

  it('the stylesheet a page links names fonts answered as font/woff2, immutable', async () => {
    const home = await site.app.inject({ method: 'GET', url: '/' });
    const cssUrl = /<link rel="stylesheet" href="([^"]+)">/.exec(home.body)?.[1];
    const css = await site.app.inject({ method: 'GET', url: cssUrl! });
    const fonts = urlsIn(css.body).filter((u) => u.endsWith('.woff2'));
    expect(fonts).toHaveLength(2);
    for (const url of fonts) {
      const res = await site.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('font/woff2');
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    }
  });
});
