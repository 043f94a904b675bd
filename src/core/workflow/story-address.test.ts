import { describe, expect, it } from 'vitest';
import { parseStoryAddress } from './story-address.js';

describe('parseStoryAddress', () => {
  it('reads the slug of a reader address in any edition, with or without the host', () => {
    expect(parseStoryAddress('/article/port-strike')).toEqual({ kind: 'slug', slug: 'port-strike' });
    expect(parseStoryAddress('http://news.test/article/port-strike?utm=x#top')).toEqual({ kind: 'slug', slug: 'port-strike' });
    expect(parseStoryAddress('https://news.test/ar/article/%D8%B2%D9%8A%D8%A7%D8%B1%D8%A9/changes')).toEqual({ kind: 'slug', slug: 'زيارة' });
    expect(parseStoryAddress('  /ar/article/زيارة-ولي-العهد  ')).toEqual({ kind: 'slug', slug: 'زيارة-ولي-العهد' });
  });

  it('reads the id of a newsroom address', () => {
    expect(parseStoryAddress('http://news.test/newsroom/stories/3f2a-11/edit')).toEqual({ kind: 'id', id: '3f2a-11' });
    expect(parseStoryAddress('/newsroom/stories/abc/preview')).toEqual({ kind: 'id', id: 'abc' });
  });

  it('takes a bare word as a slug (or id) and refuses what is no story address', () => {
    expect(parseStoryAddress('port-strike')).toEqual({ kind: 'slug', slug: 'port-strike' });
    expect(parseStoryAddress('')).toBeNull();
    expect(parseStoryAddress('   ')).toBeNull();
    expect(parseStoryAddress('two words')).toBeNull();
    expect(parseStoryAddress('/newsroom/wire/abc')).toBeNull();
    expect(parseStoryAddress('/section/world')).toBeNull();
    expect(parseStoryAddress('/article/')).toBeNull();
  });

  it('keeps a malformed percent-escape as typed', () => {
    expect(parseStoryAddress('/article/100%-sure')).toEqual({ kind: 'slug', slug: '100%-sure' });
  });
});
