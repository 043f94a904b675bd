import { describe, expect, it } from 'vitest';
import { foldArabic } from './arabic-text.js';
import { stemArabic } from './arabic-stemmer.js';

const stem = (word: string) => stemArabic(foldArabic(word));

describe('stemArabic', () => {
  it.each([
    ['the article and its clitics', ['المدرسة', 'مدرسة', 'والمدرسة', 'بالمدرسة', 'للمدرسة', 'فالمدرسة', 'وللمدرسة']],
    ['sound plurals and the dual', ['لاعب', 'اللاعبون', 'لاعبين', 'اللاعبان']],
    ['feminine plural and taa marbuta', ['سيارة', 'سيارات', 'السيارات', 'سياره']],
    ['attached pronouns', ['ترشيحاتها', 'ترشيحات', 'ترشيح']],
    ['the accusative tanween alef', ['عاما', 'عامًا', 'العام']],
    ['nisba adjectives', ['الأمريكية', 'الأمريكي', 'أمريكي']],
    ['a lone conjunction before and after the article', ['وزير', 'الوزير', 'والوزير']],
    ['a stem that begins with ال itself', ['التزام', 'الالتزام']],
    ['a stem that begins with أل (ال once folded)', ['ألعاب', 'الألعاب']],
  ])('gives one stem for %s', (_what, words) => {
    expect(new Set(words.map(stem)).size, words.map((w) => `${w}→${stem(w)}`).join(' ')).toBe(1);
  });

  it('leaves a single ف، ب، ل or ك on names and nouns', () => {
    expect(stem('فرنسا')).toBe('فرنس');
    expect(stem('بريطانيا')).toBe('بريطان');
    expect(stem('كندا')).toBe('كند');
    expect(stem('لبنان')).toBe('لبن');
  });

  it('keeps at least three letters', () => {
    expect(stem('بيان')).toBe('بيان');
    expect(stem('سنة')).toBe('سنه');
    expect(stem('الله')).toBe('الل');
    expect(stem('وطن')).toBe('وطن');
  });

  it('keeps broken plurals apart (a light stemmer does not know them)', () => {
    expect(stem('مدارس')).not.toBe(stem('مدرسة'));
  });
});
