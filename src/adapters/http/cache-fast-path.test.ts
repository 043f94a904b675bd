import { describe, expect, it } from 'vitest';
import { keyOf } from './cache-fast-path.js';

describe('keyOf (the cache fast path key of a URL)', () => {
  it('is the path itself for plain ASCII paths', () => {
    expect(keyOf('/article/seoul-crash')).toBe('/article/seoul-crash');
    expect(keyOf('/latest?before=x')).toBeNull();
  });

  it('decodes percent-encoded slugs the way the routes key them', () => {
    const slug = 'زيارة-ولي-العهد';
    expect(keyOf(`/ar/article/${encodeURIComponent(slug)}`)).toBe(`/ar/article/${slug}`);
    expect(keyOf(`/topic/${encodeURIComponent('зеленский')}`)).toBe('/topic/зеленский');
  });

  it('sends anything that does not decode cleanly on to the router', () => {
    expect(keyOf('/article/%E0%A4%A')).toBeNull();
    expect(keyOf('/article/a%3Fb')).toBeNull();
    expect(keyOf('/article/a%00b')).toBeNull();
    expect(keyOf('/article/a%2Fchanges')).toBeNull();
  });
});
