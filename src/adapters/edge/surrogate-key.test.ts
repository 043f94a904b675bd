import { describe, expect, it } from 'vitest';
import { surrogateKey, surrogateKeyList } from './surrogate-key.js';

const HEADER_SAFE = /^[\x21-\x7e]+$/;

describe('surrogateKey', () => {
  it('keeps ASCII tags as they were', () => {
    expect(surrogateKey('article:seoul-crash')).toBe('article:seoul-crash');
    expect(surrogateKeyList(['home', 'feeds', 'home'])).toBe('home feeds');
  });

  it.each([
    ['Arabic', 'article:زيارة-ولي-العهد'],
    ['Cyrillic', 'topic:зеленский'],
    ['Polish', 'article:łódź-factory'],
    ['CJK', 'topic:서울'],
    ['emoji ZWJ', 'topic:👩‍👩‍👧'],
    ['space and quotes', 'author:a b"c\'(d)*!'],
    ['control characters', 'topic:a\u0001b\u007f'],
  ])('makes %s tags header-safe tokens that decode back', (_, tag) => {
    const key = surrogateKey(tag);
    expect(key).toMatch(HEADER_SAFE);
    expect(decodeURIComponent(key)).toBe(tag.normalize('NFC'));
  });

  it('gives the same key for NFC and NFD spellings of a tag', () => {
    expect(surrogateKey('topic:café')).toBe(surrogateKey('topic:cafe\u0301'));
  });
});
