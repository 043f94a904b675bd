/** @module Tests for bare paragraphs: the texts read without a tree are the texts an HTML parser's tree holds, and anything else is left to the parser. */
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { bareParagraphTexts } from './wire-bare-paragraphs.js';
import { htmlToBodyBlocks } from './wire-html-blocks.js';

/** What the parser makes of the same markup: the text of each top-level `<p>`. */
function parsedTexts(markup: string): string[] {
  return parseDocument(markup, { decodeEntities: true }).children.filter((n) => n.type === 'tag').map((p) => DomUtils.textContent(p));
}

const BARE = [
  '<p>Putin and Kim sign pact</p><p>SEOUL: Investigators probing the crash.</p>',
  '\n  <p>Москва и Пхеньян</p>\n  <p>رئيس كوريا الشمالية كيم جونغ أون</p>\r\n<p>朝鲜 🤝 Cafe\u0301</p>\t',
  '<p>Profits &amp; losses: 5 &lt; 6 &gt; 4, &quot;quoted&quot; &#39;single&#39; &amp;amp;</p>',
  '<p></p><p> </p><p>tab\there  two spaces\u00a0no-break</p>',
  '<p>A story laid out as plain text\n   with an indented second paragraph\nand more lines\nand more</p>',
];

const NOT_BARE = [
  '<p>AT&T &copy; 2025</p>', '<p>x&nbsp;y</p>', '<p>&#x24;4300</p>', '<p class="lead">text</p>', '<P>upper case</P>', '<p>a <b>bold</b> word</p>',
  'text before <p>a</p>', '<p>a</p> text after', '<p>a</p><!-- comment -->', '<p>a</p>\u00a0<p>b</p>', '', '  \n ', '<p>unclosed',
];

describe('bareParagraphTexts', () => {
  it.each(BARE)('reads %j as the parser does', (markup) => {
    expect(bareParagraphTexts(markup)).toEqual(parsedTexts(markup));
  });

  it.each(NOT_BARE)('leaves %j to the parser', (markup) => {
    expect(bareParagraphTexts(markup)).toBeNull();
  });
});

describe('htmlToBodyBlocks on bare paragraphs', () => {
  it('gives the paragraphs, references decoded, spaces folded and empty ones dropped', () => {
    const body = htmlToBodyBlocks('<p>Москва &amp; Пхеньян</p>\n<p></p><p>  朝鲜\t🤝  كوريا </p>');
    expect(body).toEqual({ blocks: [{ type: 'paragraph', text: 'Москва & Пхеньян' }, { type: 'paragraph', text: '朝鲜 🤝 كوريا' }], photos: [], warnings: [] });
  });

  it('reads a paragraph laid out as plain text as its paragraphs', () => {
    const text = 'First paragraph of the story\nstill the first\n\nSecond paragraph\nstill the second';
    expect(htmlToBodyBlocks(`<p>${text}</p>`).blocks).toEqual([
      { type: 'paragraph', text: 'First paragraph of the story' }, { type: 'paragraph', text: 'still the first' },
      { type: 'paragraph', text: 'Second paragraph' }, { type: 'paragraph', text: 'still the second' },
    ]);
  });
});
