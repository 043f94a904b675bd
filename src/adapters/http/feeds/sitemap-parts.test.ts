/** @module Unit tests of sitemap splitting at the protocol's real limits (50,000 URLs, 50 MB) and of the part file names. */
import { describe, expect, it } from 'vitest';
import {
  monthPartFile, NEWS_SITEMAP_MAX_URLS, parseMonthPartFile, parseNewsPartFile, SITEMAP_MAX_BYTES, SITEMAP_MAX_URLS, splitSitemapLines, surelyFitsOneFile,
} from './sitemap-parts.js';

const LIMITS = { maxUrls: SITEMAP_MAX_URLS, maxBytes: SITEMAP_MAX_BYTES, wrapperBytes: 200 };

describe('the protocol limits', () => {
  it('are the protocol’s own numbers', () => {
    expect(SITEMAP_MAX_URLS).toBe(50_000);
    expect(SITEMAP_MAX_BYTES).toBe(52_428_800);
    expect(NEWS_SITEMAP_MAX_URLS).toBe(1_000);
  });
});

describe('splitSitemapLines', () => {
  it('puts 50,000 URLs in a file and the 50,001st in the next', () => {
    const lines = Array.from({ length: SITEMAP_MAX_URLS + 1 }, () => '  <url><loc>https://news.test/article/x</loc></url>\n');
    expect(splitSitemapLines(lines, LIMITS)).toEqual([{ start: 0, end: SITEMAP_MAX_URLS }, { start: SITEMAP_MAX_URLS, end: SITEMAP_MAX_URLS + 1 }]);
    expect(splitSitemapLines(lines.slice(1), LIMITS)).toEqual([{ start: 0, end: SITEMAP_MAX_URLS }]);
  });

  it('cuts before a line that would take a file past 50 MB, counting UTF-8 bytes', () => {
    // 2,000 bytes each (Arabic letters take two): 26,214 fit beside the wrapper, far fewer than 50,000 URLs.
    const line = `  <url><loc>https://news.test/${'ع'.repeat(978)}x</loc></url>\n`;
    expect(Buffer.byteLength(line)).toBe(2_000);
    const fit = Math.floor((SITEMAP_MAX_BYTES - LIMITS.wrapperBytes) / 2_000);
    const parts = splitSitemapLines(Array.from({ length: 30_000 }, () => line), LIMITS);
    expect(parts).toEqual([{ start: 0, end: fit }, { start: fit, end: 30_000 }]);
    for (const p of parts) expect(LIMITS.wrapperBytes + (p.end - p.start) * 2_000).toBeLessThanOrEqual(SITEMAP_MAX_BYTES);
  });

  it('splits news at 1,000 URLs and gives an empty list one empty file', () => {
    const news = { ...LIMITS, maxUrls: NEWS_SITEMAP_MAX_URLS };
    const parts = splitSitemapLines(Array.from({ length: 2_001 }, () => 'x'), news);
    expect(parts.map((p) => p.end - p.start)).toEqual([1_000, 1_000, 1]);
    expect(splitSitemapLines([], news)).toEqual([{ start: 0, end: 0 }]);
  });
});

describe('surelyFitsOneFile', () => {
  it('trusts the counts only without translations and within both limits at the longest slug', () => {
    expect(surelyFitsOneFile({ count: 50_000, longestSlug: 80, translated: 0 }, 40, LIMITS)).toBe(false);
    expect(surelyFitsOneFile({ count: 40_000, longestSlug: 80, translated: 0 }, 40, LIMITS)).toBe(true);
    expect(surelyFitsOneFile({ count: 50_001, longestSlug: 10, translated: 0 }, 40, LIMITS)).toBe(false);
    expect(surelyFitsOneFile({ count: 10, longestSlug: 10, translated: 1 }, 40, LIMITS)).toBe(false);
  });
});

describe('part file names', () => {
  it('keep the month’s own name for the first part and number the rest', () => {
    expect(monthPartFile('2026-12', 1)).toBe('2026-12.xml');
    expect(monthPartFile('2026-12', 2)).toBe('2026-12-2.xml');
    expect(parseMonthPartFile('2026-12.xml')).toEqual({ month: '2026-12', part: 1 });
    expect(parseMonthPartFile('2026-12-2.xml')).toEqual({ month: '2026-12', part: 2 });
    expect(parseMonthPartFile('2026-12-17.xml')).toEqual({ month: '2026-12', part: 17 });
    for (const bad of ['2026-12-1.xml', '2026-12-0.xml', '2026-12-02.xml', '2026-13.xml', '2026-1.xml', '2026-12.txt', '../2026-12.xml']) expect(parseMonthPartFile(bad), bad).toBeNull();
    expect(parseNewsPartFile('1.xml')).toBe(1);
    for (const bad of ['0.xml', '01.xml', 'a.xml', '1.xml.gz']) expect(parseNewsPartFile(bad), bad).toBeNull();
  });
});
