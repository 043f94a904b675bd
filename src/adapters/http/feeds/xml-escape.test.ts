/** @module Unit tests of XML escaping and the Google News language of a locale. */
import { describe, expect, it } from 'vitest';
import { newsLanguage } from './sitemaps.js';
import { escapeXml, stripInvalidXmlChars } from './xml-escape.js';

describe('escapeXml', () => {
  it('escapes the five XML specials, ampersand first so nothing is escaped twice', () => {
    expect(escapeXml(`<a href="x">Tom & Jerry's</a> &amp;`)).toBe('&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&apos;s&lt;/a&gt; &amp;amp;');
  });

  it('drops code points XML cannot carry and keeps tab, newlines and astral characters', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0007c\u000Bd\uFFFEe\uD800f\tg\nh\r😀')).toBe('abcdef\tg\nh\r😀');
    expect(escapeXml('\uDC00x\u001F')).toBe('x');
  });
});

describe('newsLanguage', () => {
  it('keeps the ISO 639 language, except the two Chinese scripts Google News names', () => {
    expect(newsLanguage('en-GB')).toBe('en');
    expect(newsLanguage('fr')).toBe('fr');
    expect(newsLanguage('pt_BR')).toBe('pt');
    expect(newsLanguage('zh-CN')).toBe('zh-cn');
    expect(newsLanguage('zh-Hant-TW')).toBe('zh-tw');
  });
});
