import { describe, expect, it } from 'vitest';
import { foldArabic, isArabicWord } from './arabic-text.js';

describe('foldArabic', () => {
  it.each([
    ['أحمد', 'احمد'], ['إسرائيل', 'اسراييل'], ['آثار', 'اثار'], ['ٱلله', 'الله'],
    ['مؤتمر', 'موتمر'], ['رئيس', 'رييس'], ['مستشفى', 'مستشفي'], ['مدرسة', 'مدرسه'],
    ['کتاب', 'كتاب'], ['ی', 'ي'],
  ])('writes %s as %s', (written, folded) => {
    expect(foldArabic(written)).toBe(folded);
  });

  it('removes tashkeel (harakat, tanween, shadda, sukun, superscript alef), Quranic marks and tatweel', () => {
    expect(foldArabic('الْكِتَابُ')).toBe('الكتاب');
    expect(foldArabic('مُحَمَّدٌ')).toBe('محمد');
    expect(foldArabic('كتاباً')).toBe('كتابا');
    expect(foldArabic('هٰذا')).toBe('هذا');
    expect(foldArabic('العـــربية')).toBe('العربيه');
    expect(foldArabic('الرَّحِيمِۖ')).toBe('الرحيم');
  });

  it('keeps the bare hamza, so ماء (water) does not become ما', () => {
    expect(foldArabic('ماء')).toBe('ماء');
  });

  it('writes Arabic-Indic and Persian digits as ASCII', () => {
    expect(foldArabic('٢٠١٣')).toBe('2013');
    expect(foldArabic('۱۴۰۲')).toBe('1402');
  });

  it('turns presentation forms and ligatures into letters, and lower-cases Latin', () => {
    expect(foldArabic('ﻻ')).toBe('لا');
    expect(foldArabic('ﺍﻟﻌﺮﺑﻴﺔ')).toBe('العربيه');
    expect(foldArabic('WhatsApp')).toBe('whatsapp');
  });
});

describe('isArabicWord', () => {
  it('is true only for words in Arabic letters', () => {
    expect(isArabicWord('كتاب')).toBe(true);
    expect(isArabicWord('ڤيروس')).toBe(true);
    expect(isArabicWord('2013')).toBe(false);
    expect(isArabicWord('2013م')).toBe(false);
    expect(isArabicWord('siemens')).toBe(false);
  });
});
