import { describe, expect, it } from 'vitest';
import { indexedText, queryInTerms, searchTermsFor, wordSpans } from './search-terms.js';

const arabic = searchTermsFor('ar');
if (!arabic) throw new Error('Arabic has terms made here');

describe('searchTermsFor', () => {
  it('makes terms for Arabic (any region) and leaves English and other languages to the engine', () => {
    expect(searchTermsFor('ar-SA')).not.toBeNull();
    expect(searchTermsFor('AR')).not.toBeNull();
    expect(searchTermsFor('en')).toBeNull();
    expect(searchTermsFor('fr')).toBeNull();
  });

  it('gives Arabic words one stem each and other scripts lower-cased whole', () => {
    expect(arabic.of('والمدرسةِ')).toEqual(['مدرس']);
    expect(arabic.of('Siemens')).toEqual(['siemens']);
    expect(arabic.of('٢٠١٣')).toEqual(['2013']);
    expect(arabic.of('ـــ')).toEqual([]);
    expect(arabic.of('ﷺ')).toHaveLength(4);
  });

  it('lets through every word that may have a term (with any hamza, tashkeel or case) and few others', () => {
    const mayHave = arabic.candidates(['رياض', 'مدرس', 'siemens', '2013']);
    for (const word of ['الرياض', 'بالرِّيَاضِ', 'والمدرسة', 'مدرسـة', 'SIEMENS', '٢٠١٣', 'ﻻ', 'ً']) expect(mayHave(word), word).toBe(true);
    for (const word of ['جدة', 'مدارس', 'Siemen', '2014']) expect(mayHave(word), word).toBe(false);
    expect(arabic.candidates([])('الرياض')).toBe(false);
  });
});

describe('wordSpans', () => {
  it('keeps tashkeel inside its word and splits on punctuation', () => {
    const text = 'قالَ: "الكِتَابُ" (Siemens)';
    expect(wordSpans(text).map(({ start, end }) => text.slice(start, end))).toEqual(['قالَ', 'الكِتَابُ', 'Siemens']);
  });
});

describe('indexedText and queryInTerms', () => {
  it('indexes one term per word, in order, so phrases still match', () => {
    expect(indexedText('افتتاح مترو الرياض، اليوم.', arabic)).toBe('افتتاح مترو رياض يوم');
  });

  it('puts a query in index terms and drops words with none', () => {
    expect(queryInTerms({ terms: [['الرِّيَاض'], ['مترو', 'الرياض'], ['ـ']], text: 'x' }, arabic))
      .toEqual({ terms: [['رياض'], ['مترو', 'رياض']], text: 'x' });
    expect(queryInTerms({ terms: [['ـ'], ['ً']], text: 'ـ ً' }, arabic)).toBeNull();
  });
});
