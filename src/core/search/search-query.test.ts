import { describe, expect, it } from 'vitest';
import { parseSearchQuery } from './search-query.js';

describe('parseSearchQuery', () => {
  it('splits words and keeps quoted phrases together', () => {
    const result = parseSearchQuery('  Putin "North Korea" treaty ');
    expect(result).toEqual({ ok: true, value: { terms: [['Putin'], ['North', 'Korea'], ['treaty']], text: 'Putin "North Korea" treaty' } });
  });

  it('drops operators and punctuation instead of passing them to the engine', () => {
    const result = parseSearchQuery('Kim* OR (NEAR "a');
    expect(result.ok && result.value.terms).toEqual([['Kim'], ['OR'], ['NEAR'], ['a']]);
  });

  it('names what is wrong with empty, punctuation-only and overlong queries', () => {
    expect(parseSearchQuery('   ')).toEqual({ ok: false, reason: 'EMPTY' });
    expect(parseSearchQuery('?!* "" ()')).toEqual({ ok: false, reason: 'NO_WORDS' });
    expect(parseSearchQuery('x'.repeat(201))).toEqual({ ok: false, reason: 'TOO_LONG' });
  });

  it('keeps words of every script', () => {
    const result = parseSearchQuery('الرياض Köln');
    expect(result.ok && result.value.terms).toEqual([['الرياض'], ['Köln']]);
  });

  it('keeps Arabic tashkeel inside its word', () => {
    const result = parseSearchQuery('الكِتَابُ مُحَمَّد');
    expect(result.ok && result.value.terms).toEqual([['الكِتَابُ'], ['مُحَمَّد']]);
  });
});
