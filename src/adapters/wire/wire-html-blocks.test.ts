/** @module Tests for the wire body converter on what real agencies send: dpa headers, prefixed XHTML, pre, tables, line breaks, dashes, pixels. */
import { describe, expect, it } from 'vitest';
import { htmlToBodyBlocks, isAllowListedHtml } from './wire-html-blocks.js';

describe('htmlToBodyBlocks on agency markup', () => {
  it('reads a dpa digitalwires <header> apart: sub-heading as standfirst, "Von …, dpa" as byline, nothing of it in the body', () => {
    const xhtml = `<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Titel</title></head><body><header>
      <ul class="slugline"><li class="subject">Fußball</li><li class="keyword">Champions League</li></ul>
      <time class="publicationDate" data-datetime="2025-01-28T09:18:00+01:00">28.01.2025 09:18</time>
      <p class="genre">Zusammenfassung</p><h1>Eintracht gewinnt in London</h1><h2>Zwei Tore nach der Pause – Trapp hält</h2>
      <p>Von Anna Müller, dpa</p></header>
      <section class="main"><p><span class="dateline">London <span class="credit">(dpa)</span> - </span>Die Eintracht hat gewonnen.</p><p>Сёма 你好 مرحبا 🎉</p></section></body></html>`;
    const body = htmlToBodyBlocks(xhtml, { xml: true });
    expect(body.blocks).toEqual([{ type: 'paragraph', text: 'London (dpa) - Die Eintracht hat gewonnen.' }, { type: 'paragraph', text: 'Сёма 你好 مرحبا 🎉' }]);
    expect(body).toMatchObject({ headline: 'Eintracht gewinnt in London', standfirst: 'Zwei Tore nach der Pause – Trapp hält', byline: 'Von Anna Müller, dpa' });
  });

  it('keeps namespace-prefixed XHTML paragraphs apart (Reuters html:p)', () => {
    const body = htmlToBodyBlocks('<html:html xmlns:html="http://www.w3.org/1999/xhtml"><html:body><html:p>One.</html:p><html:p>Two.</html:p><x:p>Three.</x:p></html:body></html:html>', { xml: true });
    expect(body.blocks.map((b) => b.type === 'paragraph' && b.text)).toEqual(['One.', 'Two.', 'Three.']);
  });

  it('keeps the lines of a <pre>, a table and <br>-broken text, escaped, and joins hard-wrapped lines', () => {
    const body = htmlToBodyBlocks(`<body><pre>Mexico v Panama
Mexico: Talavera, &lt;Herrera&gt;</pre><table><tr><th></th><th>G</th></tr><tr><td>McNeil NYM</td><td>72</td></tr></table>
      <p>Results:<br/>Aves 1 Moreirense 2<br/>Marítimo 1 Chaves 2</p>
      <p> Blake Ferguson has been named to make his top grade return at <br />centre in the Sydney Roosters NRL trial against Manly on <br />Saturday.</p></body>`, { xml: true });
    expect(body.blocks).toEqual([
      { type: 'html', html: '<p>Mexico v Panama<br>Mexico: Talavera, &lt;Herrera&gt;</p>' },
      { type: 'html', html: '<p>| G<br>McNeil NYM | 72</p>' },
      { type: 'html', html: '<p>Results:<br>Aves 1 Moreirense 2<br>Marítimo 1 Chaves 2</p>' },
      { type: 'paragraph', text: 'Blake Ferguson has been named to make his top grade return at centre in the Sydney Roosters NRL trial against Manly on Saturday.' },
    ]);
  });

  it('reads escaped dash elements as dashes and drops unknown inline elements, never showing a tag', () => {
    const body = htmlToBodyBlocks('<body><p>800&lt;endash&gt;-&lt;/endash&gt;1 000 eläintä, 35&lt;endash&gt;-&lt;/endash&gt;40 %</p><p>Yhtiö <Company>Revenio</Company> &amp;quot;lainaus&amp;quot;</p></body>', { xml: true });
    expect(body.blocks).toEqual([{ type: 'paragraph', text: '800–1 000 eläintä, 35–40 %' }, { type: 'paragraph', text: 'Yhtiö Revenio "lainaus"' }]);
  });

  it('does not take a tracking pixel (at most 2×2) for a photo', () => {
    const body = htmlToBodyBlocks('<p>Text.</p><img src="http://feeds.feedburner.com/~r/x/~4/abc" height="1" width="1" alt=""/><img src="https://x.test/p.jpg" width="800" height="600">');
    expect(body.photos.map((p) => p.href)).toEqual(['https://x.test/p.jpg']);
    expect(body.blocks.filter((b) => b.type === 'image')).toHaveLength(1);
  });

  it('reads markup of bare allowed tags in one parse, to the same blocks as through the sanitiser', () => {
    const simple = [
      '<p>One &amp; two &lt;script&gt;alert(1)&lt;/script&gt;</p><p>Сёма <b>你好</b> <EM>مرحبا</EM> 🎉</p>',
      '<p>Results:<br/>Aves 1<br />Moreirense 2</p><p/><b/>tail</br>',
      '<p>a<b><p>nested</p></b></p></p>&nbsp;&#0;&foo;&#x1F600;',
      '<p>800&lt;endash&gt;-&lt;/endash&gt;1 &amp;quot;x&amp;quot;\u0085\r\n\t  y</p>',
    ];
    // A `<span></span>` is outside the allow-list: it sends the same markup through the sanitiser, and adds nothing.
    for (const markup of simple) {
      expect(isAllowListedHtml(markup)).toBe(true);
      expect(isAllowListedHtml(`${markup}<span></span>`)).toBe(false);
      expect(htmlToBodyBlocks(markup)).toEqual(htmlToBodyBlocks(`${markup}<span></span>`));
    }
    for (const markup of ['<p class="x">a</p>', '<a href="javascript:alert(1)">x</a>', 'a < b', '<!-- c --><p>x</p>', '<script>x</script>', '<p onclick=x>y</p>', '<br/ >', '</p/>']) {
      expect(isAllowListedHtml(markup)).toBe(false);
    }
  });
});
