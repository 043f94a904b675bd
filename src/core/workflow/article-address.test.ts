import { describe, expect, it } from 'vitest';
import { parseArticleAddress } from './article-address.js';

describe('parseArticleAddress', () => {
  it('reads the slug of a reader address in any edition, with or without the host', () => {
    expect(parseArticleAddress('/article/port-strike')).toEqual({ kind: 'slug', slug: 'port-strike' });
    expect(parseArticleAddress('http://news.test/article/port-strike?utm=x#top')).toEqual({ kind: 'slug', slug: 'port-strike' });
    expect(parseArticleAddress('https://news.test/ar/article/%D8%B2%D9%8A%D8%A7%D8%B1%D8%A9/changes')).toEqual({ kind: 'slug', slug: 'زيارة' });
    expect(parseArticleAddress('  /ar/article/زيارة-ولي-العهد  ')).toEqual({ kind: 'slug', slug: 'زيارة-ولي-العهد' });
  });

  it('reads the id of a newsroom address', () => {
    expect(parseArticleAddress('http://news.test/newsroom/stories/3f2a-11/edit')).toEqual({ kind: 'id', id: '3f2a-11' });
    expect(parseArticleAddress('/newsroom/stories/abc/preview')).toEqual({ kind: 'id', id: 'abc' });
  });

  it('takes a bare word as a slug (or id) and refuses what is no story address', () => {
    expect(parseArticleAddress('port-strike')).toEqual({ kind: 'slug', slug: 'port-strike' });
    expect(parseArticleAddress('')).toBeNull();
    expect(parseArticleAddress('   ')).toBeNull();
    expect(parseArticleAddress('two words')).toBeNull();
    expect(parseArticleAddress('/newsroom/wire/abc')).toBeNull();
    expect(parseArticleAddress('/section/world')).toBeNull();
    expect(parseArticleAddress('/article/')).toBeNull();
  });

  it('keeps a malformed percent-escape as typed', () => {
    expect(parseArticleAddress('/article/100%-sure')).toEqual({ kind: 'slug', slug: '100%-sure' });
  });
});
