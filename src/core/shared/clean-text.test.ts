import { describe, expect, it } from 'vitest';
import { cleanDeep, cleanLine, cleanMultiline } from './clean-text.js';

describe('cleanLine and cleanMultiline', () => {
  it('removes C0 and C1 controls but keeps newlines where they belong', () => {
    expect(cleanLine('Breaking\u0001 news\u0085 now\u009f')).toBe('Breaking news  now');
    expect(cleanMultiline('one\r\ntwo\rthree\u2028four\u0000')).toBe('one\ntwo\nthree\nfour');
    expect(cleanLine('tab\there\nand line')).toBe('tab here and line');
  });

  it('normalises to NFC', () => {
    const decomposed = 'Cafe\u0301 in Lo\u0301dz';
    expect(cleanLine(decomposed)).toBe('Café in Lódz');
    expect(cleanLine('\u1100\u1161\u11a8')).toBe('각');
  });

  it('keeps every script, emoji ZWJ sequences, combining marks and bidi controls', () => {
    const samples = [
      'زيارة ولي العهد إلى سيول', 'فارسی\u200cها', 'שלום עולם', 'Зеленский visits Łódź factory', 'Αθήνα',
      '北京 東京 서울', 'नमस्ते दुनिया', 'ภาษาไทย', '👩‍👩‍👧 🏳️‍🌈 👍🏽', 'e\u0301\u0323', '\u202bRTL\u202c \u2067iso\u2069 \u200f',
    ];
    for (const text of samples) expect(cleanLine(text)).toBe(text.normalize('NFC'));
  });

  it('drops lone surrogates and noncharacters but keeps astral characters', () => {
    expect(cleanLine('a\ud800b\udc00c')).toBe('abc');
    expect(cleanLine('x\ufffey\ufdd0z\u{1fffe}')).toBe('xyz');
    expect(cleanLine('𝄞 \u{1F600} \u{20000}')).toBe('𝄞 \u{1F600} \u{20000}');
  });
});

describe('cleanDeep', () => {
  it('cleans every string of a form or JSON body but the fields it must keep', () => {
    const body = { headline: 'A\u0001B', blocks: [{ text: 'e\u0301' }], n: 3, ok: true, none: null, password: 'p\u0001w' };
    expect(cleanDeep(body, new Set(['password']))).toEqual({ headline: 'AB', blocks: [{ text: 'é' }], n: 3, ok: true, none: null, password: 'p\u0001w' });
  });
});
