import { describe, expect, it } from 'vitest';
import { slugify, uniqueSlug } from './slug.js';

describe('slugify', () => {
  it('makes readable slugs from headlines', () => {
    expect(slugify('Kyiv says Ukraine missiles hit army radars in Russia')).toBe('kyiv-says-ukraine-missiles-hit-army-radars-in-russia');
    expect(slugify('German prosecutor says currently ‘no prospect’ of charges against Madeleine McCann suspect'))
      .toBe('german-prosecutor-says-currently-no-prospect-of-charges-against-madeleine-mccann');
  });

  it('drops accents and apostrophes, keeps other scripts', () => {
    expect(slugify('Café in Köln: Putin’s “visit”')).toBe('cafe-in-koln-putins-visit');
    expect(slugify('ولي العهد السعودي يلتقي')).toBe('ولي-العهد-السعودي-يلتقي');
  });

  it('cuts long headlines at a word boundary under 80 characters', () => {
    const slug = slugify('Russia and North Korea sign partnership deal that appears to be the strongest since Cold War');
    expect(slug.length).toBeLessThanOrEqual(80);
    expect(slug.endsWith('-')).toBe(false);
    expect('russia-and-north-korea-sign-partnership-deal-that-appears-to-be-the-strongest-since-cold-war'.startsWith(slug)).toBe(true);
  });

  it('keeps every script readable, in NFC', () => {
    const cases: [string, string][] = [
      ['Зеленский visits Łódź factory', 'зеленский-visits-łodz-factory'],
      ['Йошкар-Ола', 'йошкар-ола'],
      ['وَلِيُّ العَهْدِ', 'ولي-العهد'],
      ['الـــعـــهد', 'العهد'],
      ['שָׁלוֹם עולם', 'שלום-עולם'],
      ['Αθήνα σήμερα', 'αθηνα-σημερα'],
      ['서울 시장 선거', '서울-시장-선거'],
      ['北京 大学', '北京-大学'],
      ['नमस्ते दुनिया', 'नमस्ते-दुनिया'],
      ['ภาษาไทย วันนี้', 'ภาษาไทย-วันนี้'],
      ['ﷲ ﻻ', 'الله-لا'],
      ['Ｆｕｌｌ ｗｉｄｔｈ', 'full-width'],
    ];
    for (const [text, slug] of cases) {
      expect(slugify(text)).toBe(slug);
      expect(slugify(text)).toBe(slugify(text).normalize('NFC'));
    }
    expect(slugify('각 신문')).toBe('각-신문');
  });

  it('leaves emoji, controls and bidi marks out of slugs', () => {
    expect(slugify('👩‍👩‍👧 family day 🎉')).toBe('family-day');
    expect(slugify('‫مرحبا‬ ‏world')).toBe('مرحبا-world');
    expect(slugify('🎉🎉')).toBe('story');
  });

  it('falls back when nothing is left', () => {
    expect(slugify('!!! ???')).toBe('story');
    expect(slugify('', 'topic')).toBe('topic');
  });
});

describe('uniqueSlug', () => {
  it('appends -2, -3 … to taken slugs', async () => {
    const taken = new Set(['story', 'story-2']);
    expect(await uniqueSlug('story', async (s) => taken.has(s))).toBe('story-3');
    expect(await uniqueSlug('fresh', async (s) => taken.has(s))).toBe('fresh');
  });
});
