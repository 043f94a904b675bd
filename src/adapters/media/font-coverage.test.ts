import { describe, expect, it } from 'vitest';
import { ASCII_ONLY, canDraw, loadFontCoverage, parseCharsets } from './font-coverage.js';

describe('font coverage', () => {
  it('merges the charsets of every font into sorted ranges', () => {
    expect(parseCharsets('20-7e a0-17f\n600-6ff 41\n\n100-2ff 1f4f0')).toEqual([[0x20, 0x7e], [0xa0, 0x2ff], [0x600, 0x6ff], [0x1f4f0, 0x1f4f0]]);
    expect(parseCharsets('')).toEqual([]);
  });

  it('checks every visible character, not spaces, joiners, selectors or combining marks', () => {
    const latinArabic = parseCharsets('20-7e 600-6ff');
    expect(canDraw(latinArabic, 'Dateline دايتلاين')).toBe(true);
    expect(canDraw(latinArabic, 'ذَهَبَ\u200d')).toBe(true);
    expect(canDraw(latinArabic, '日报')).toBe(false);
    expect(canDraw(latinArabic, 'News 📰')).toBe(false);
    expect(canDraw(ASCII_ONLY, 'Новости')).toBe(false);
    expect(canDraw(ASCII_ONLY, 'news.example.com')).toBe(true);
  });

  it('reads this machine\'s fonts, which draw at least printable ASCII', async () => {
    const coverage = await loadFontCoverage();
    expect(canDraw(coverage, 'Dateline 2025')).toBe(true);
    expect(await loadFontCoverage()).toBe(coverage);
  });
});
