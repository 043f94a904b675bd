/** @module Tests for wire text: normalisation, entities, and HTML/NITF bodies through the sanitiser into blocks with runs. */
import { describe, expect, it } from 'vitest';
import { htmlToBodyBlocks } from './wire-html-blocks.js';
import { decodeXmlEntities, markupOfRaw, normaliseText, plainTextToBlocks, textOrHtmlToBody } from './wire-text.js';

describe('wire text', () => {
  it('normalises whitespace and to NFC', () => {
    expect(normaliseText('  Cafe\u0301\u00a0\n opens\t ')).toBe('Café opens');
  });

  it('decodes the XML entities and numeric references only', () => {
    expect(decodeXmlEntities('&lt;p&gt; &amp; &quot;&apos; &#233;&#x20ac; &nbsp;')).toBe('<p> & "\' é€ &nbsp;');
  });

  it('reads CDATA as markup and escaped text as HTML', () => {
    expect(markupOfRaw('<![CDATA[<p>a &amp; b</p>]]>')).toBe('<p>a &amp; b</p>');
    expect(markupOfRaw('&lt;p&gt;Hi&lt;/p&gt;')).toBe('<p>Hi</p>');
  });

  it('makes paragraphs of plain text lines', () => {
    expect(plainTextToBlocks('One\n\n Two \r\nThree')).toEqual(['One', 'Two', 'Three'].map((text) => ({ type: 'paragraph', text })));
    expect(textOrHtmlToBody('Fish &amp; chips').blocks).toEqual([{ type: 'paragraph', text: 'Fish & chips' }]);
  });

  it('turns HTML into headings, paragraphs with runs, quotes, lists and images', () => {
    const body = htmlToBodyBlocks('<h1>Headline again</h1><h2>Sub</h2><div><p>Read <b>this</b> <a href="https://x.test/a">now</a>.</p>Loose text<blockquote><p>Quoted</p></blockquote><ul><li>one</li><li>two</li></ul><figure><img src="https://x.test/p.jpg" width="800" height="600"><figcaption>A photo</figcaption></figure></div>');
    expect(body.blocks).toEqual([
      { type: 'heading', level: 2, text: 'Sub' },
      { type: 'paragraph', text: 'Read this now.', runs: [{ text: 'Read ' }, { text: 'this', bold: true }, { text: ' ' }, { text: 'now', href: 'https://x.test/a' }, { text: '.' }] },
      { type: 'paragraph', text: 'Loose text' },
      { type: 'quote', text: 'Quoted', cite: null },
      { type: 'list', ordered: false, items: ['one', 'two'] },
      { type: 'image', mediaId: null, url: 'https://x.test/p.jpg', caption: 'A photo', credit: null, alt: 'A photo', width: 800, height: 600 },
    ]);
    expect(body.photos).toEqual([{ href: 'https://x.test/p.jpg', width: 800, height: 600, mimeType: null, caption: 'A photo', credit: null }]);
  });

  it('keeps only the caption of a wire image whose address is not http(s): a body image never gets a script, data or relative URL', () => {
    const figure = (src: string) => `<figure><img src="${src}" alt="صورة"><figcaption>تعليق 说明</figcaption></figure>`;
    for (const src of ['javascript:alert(1)', 'data:text/html,x', '//evil.example/p.jpg', 'photos/p.jpg']) {
      const body = htmlToBodyBlocks(figure(src));
      expect(body.blocks, src).toEqual([{ type: 'paragraph', text: 'تعليق 说明' }]);
      expect(body.photos, src).toEqual([]);
    }
  });

  it('reads NITF: head left out, byline and dateline found, hl2 as a subheading', () => {
    const nitf = '<nitf><head><title>T</title></head><body><body.head><hedline><hl1>H</hl1></hedline><byline>By Ann Lee</byline><dateline>PARIS</dateline></body.head><body.content><hl2>Part two</hl2><p>Text.</p><bq><block><p>Said</p></block></bq></body.content></body></nitf>';
    const body = htmlToBodyBlocks(nitf, { nitf: true });
    expect(body.blocks).toEqual([{ type: 'heading', level: 3, text: 'Part two' }, { type: 'paragraph', text: 'Text.' }, { type: 'quote', text: 'Said', cite: null }]);
    expect([body.byline, body.dateline, body.warnings]).toEqual(['By Ann Lee', 'PARIS', []]);
  });
});
