/** @module Tests of the editor document ⇄ body conversion: round trips, every block, hostile input. */
import { describe, expect, it } from 'vitest';
import type { BodyBlock } from './article.js';
import { blocksToDoc, docToBlocks } from './rich-text-doc.js';

const everyBlock: BodyBlock[] = [
  { type: 'paragraph', text: 'Plain words.' },
  {
    type: 'paragraph',
    text: 'The minister said no, twice.',
    runs: [
      { text: 'The minister ' },
      { text: 'said no', bold: true },
      { text: ', ' },
      { text: 'twice', italic: true, href: 'https://example.com/a?b=1&c=2' },
      { text: '.' },
    ],
  },
  { type: 'heading', text: 'What happens next', level: 2 },
  { type: 'heading', text: 'The vote', level: 3 },
  { type: 'quote', text: 'We will not move.', cite: 'A spokesperson' },
  { type: 'quote', text: 'Bold words', cite: null, runs: [{ text: 'Bold', bold: true }, { text: ' words' }] },
  { type: 'list', ordered: false, items: ['One', 'Two'] },
  { type: 'list', ordered: true, items: ['First', 'Second', 'Third'] },
  { type: 'html', html: '<table><tr><td>1</td></tr></table>' },
  { type: 'image', mediaId: 'm1', url: '/media/m1/960.webp', caption: 'The harbour at dawn', credit: 'Ana Ruiz', alt: 'Boats', width: 960, height: 640 },
  { type: 'image', mediaId: null, url: 'https://wire.example/p.jpg', caption: '', credit: null, alt: '', width: null, height: null },
  { type: 'embed', url: 'https://video.example/v/1', title: 'The speech' },
  { type: 'embed', url: 'https://social.example/p/2', title: null },
];

function textMatchesRuns(blocks: BodyBlock[]): void {
  for (const block of blocks) {
    if ((block.type === 'paragraph' || block.type === 'quote') && block.runs) {
      expect(block.runs.map((r) => r.text).join('')).toBe(block.text);
      expect(block.runs.some((r) => r.bold || r.italic || r.href !== undefined)).toBe(true);
      expect(block.runs.every((r) => r.text !== '')).toBe(true);
    }
  }
}

const text = (value: string, marks?: unknown[]) => (marks ? { type: 'text', text: value, marks } : { type: 'text', text: value });
const para = (...content: unknown[]) => ({ type: 'paragraph', content });
const doc = (...content: unknown[]) => ({ type: 'doc', content });

describe('blocksToDoc / docToBlocks', () => {
  it('round-trips every block type unchanged', () => {
    expect(docToBlocks(JSON.parse(JSON.stringify(blocksToDoc(everyBlock))))).toEqual(everyBlock);
  });

  it('gives an empty body one empty paragraph, and reads it back as no blocks', () => {
    expect(blocksToDoc([])).toEqual({ type: 'doc', content: [{ type: 'paragraph' }] });
    expect(docToBlocks(blocksToDoc([]))).toEqual([]);
  });

  it('maps blocks to the editor nodes the client registers', () => {
    expect(blocksToDoc(everyBlock).content.map((n) => n.type)).toEqual([
      'paragraph', 'paragraph', 'heading', 'heading', 'blockquote', 'blockquote', 'bulletList', 'orderedList', 'legacyHtml', 'image', 'image', 'embed', 'embed',
    ]);
    expect(blocksToDoc([everyBlock[9]!]).content[0]!.attrs).toEqual({ mediaId: 'm1', src: '/media/m1/960.webp', alt: 'Boats', caption: 'The harbour at dawn', credit: 'Ana Ruiz', width: 960, height: 640 });
  });

  it('turns marks into runs, merges neighbours and omits runs without formatting', () => {
    const blocks = docToBlocks(doc(
      para(text('a '), text('b', [{ type: 'bold' }]), text('c', [{ type: 'bold' }]), text(' d')),
      para(text('only '), text('plain'), text('', [{ type: 'bold' }])),
      para(text('x', [{ type: 'strong' }, { type: 'em' }, { type: 'link', attrs: { href: ' mailto:a@b.c ', target: '_blank' } }])),
    ));
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'a bc d', runs: [{ text: 'a ' }, { text: 'bc', bold: true }, { text: ' d' }] },
      { type: 'paragraph', text: 'only plain' },
      { type: 'paragraph', text: 'x', runs: [{ text: 'x', bold: true, italic: true, href: 'mailto:a@b.c' }] },
    ]);
  });

  it('normalises whitespace inside and across runs and drops empty paragraphs', () => {
    const blocks = docToBlocks(doc(
      para(text('  two\u00a0 spaces\t\n'), text('  bold ', [{ type: 'bold' }]), { type: 'hardBreak' }, text(' end  ')),
      para(), para(text('   ')), para({ type: 'hardBreak' }),
    ));
    expect(blocks).toEqual([{ type: 'paragraph', text: 'two spaces bold end', runs: [{ text: 'two spaces ' }, { text: 'bold ', bold: true }, { text: 'end' }] }]);
    textMatchesRuns(blocks);
  });

  it('clamps heading levels and keeps heading text plain', () => {
    const heading = (level: unknown) => ({ type: 'heading', attrs: { level }, content: [text('Title', [{ type: 'bold' }])] });
    expect(docToBlocks(doc(heading(1), heading(2), heading(3), heading(4), heading(6), heading('x'))).map((b) => b.type === 'heading' && b.level)).toEqual([2, 2, 3, 3, 3, 2]);
    expect(docToBlocks(doc(heading(2)))).toEqual([{ type: 'heading', text: 'Title', level: 2 }]);
  });

  it('flattens nested lists and multi-paragraph items; drops empty items and empty lists', () => {
    const item = (...content: unknown[]) => ({ type: 'listItem', content });
    const blocks = docToBlocks(doc(
      { type: 'bulletList', content: [item(para(text('a')), para(text('b'))), item(para(text('c')), { type: 'orderedList', content: [item(para(text('c1')))] }), item(para())] },
      { type: 'orderedList', content: [item(para())] },
    ));
    expect(blocks).toEqual([{ type: 'list', ordered: false, items: ['a b', 'c', 'c1'] }]);
  });

  it('splits a quote of several paragraphs and gives the attribution to the last', () => {
    const quote = { type: 'blockquote', attrs: { cite: 'Mayor' }, content: [para(text('One.')), para(), para(text('Two.', [{ type: 'italic' }]))] };
    expect(docToBlocks(doc(quote))).toEqual([
      { type: 'quote', text: 'One.', cite: null },
      { type: 'quote', text: 'Two.', cite: 'Mayor', runs: [{ text: 'Two.', italic: true }] },
    ]);
  });

  it('keeps the words of unknown nodes as paragraphs and drops textless ones', () => {
    const blocks = docToBlocks(doc(
      { type: 'codeBlock', content: [text('let x = 1;')] },
      { type: 'horizontalRule' },
      { type: 'mystery', content: [para(text('deep')), para(text('er'))] },
      text('stray text'),
    ));
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'let x = 1;' },
      { type: 'paragraph', text: 'deep er' },
      { type: 'paragraph', text: 'stray text' },
    ]);
  });

  it('drops images and embeds without a URL and cleans their attributes', () => {
    const blocks = docToBlocks(doc(
      { type: 'image', attrs: { src: '' } },
      { type: 'image' },
      { type: 'image', attrs: { src: '/m.jpg', width: '640', height: -3, caption: 7, credit: '  ', mediaId: 42 } },
      { type: 'embed', attrs: { url: '   ' } },
      { type: 'legacyHtml', attrs: { html: '  ' } },
    ));
    expect(blocks).toEqual([{ type: 'image', mediaId: null, url: '/m.jpg', caption: '', credit: null, alt: '', width: 640, height: null }]);
  });

  it('keeps hostile hrefs and markup as data without throwing', () => {
    const blocks = docToBlocks(doc(
      para(text('click', [{ type: 'link', attrs: { href: 'javascript:alert(1)' } }])),
      para(text('<script>alert(1)</script>')),
      { type: 'embed', attrs: { url: 'javascript:alert(2)', title: '<b>x</b>' } },
    ));
    expect(blocks).toEqual([
      { type: 'paragraph', text: 'click', runs: [{ text: 'click', href: 'javascript:alert(1)' }] },
      { type: 'paragraph', text: '<script>alert(1)</script>' },
      { type: 'embed', url: 'javascript:alert(2)', title: '<b>x</b>' },
    ]);
  });

  it('never throws on malformed documents', () => {
    const cyclic: Record<string, unknown> = { type: 'paragraph' };
    cyclic['content'] = [cyclic, text('ok')];
    let deep: unknown = text('bottom');
    for (let i = 0; i < 10_000; i += 1) deep = { type: 'blockquote', content: [deep] };
    const hostile: unknown[] = [
      null, undefined, 42, 'doc', [], {}, { type: 'doc' }, { type: 'doc', content: 'x' }, { type: 'doc', content: [null, 1, 'p', []] },
      doc({ type: 'paragraph', content: [null, 5, { type: 'text' }, { type: 'text', text: 5 }, { type: 'text', text: 'a', marks: 'bold' }, { type: 'text', text: 'b', marks: [null, { type: 'link' }, { type: 'link', attrs: { href: 3 } }] }] }),
      doc({ type: 'heading', attrs: null, content: {} }), doc({ type: 'bulletList', content: [null, { type: 'listItem', content: 'x' }] }),
      doc({ type: '__proto__', content: [text('proto')] }), doc({ type: 'image', attrs: [] }), doc(cyclic), doc(deep),
    ];
    for (const value of hostile) {
      const blocks = docToBlocks(value);
      expect(Array.isArray(blocks)).toBe(true);
      textMatchesRuns(blocks);
    }
    expect(docToBlocks(doc(cyclic))[0]).toMatchObject({ type: 'paragraph' });
  });

  it('text always equals the concatenated runs for generated documents', () => {
    const pieces = [' ', '  ', 'a', 'b c', '\n', '\u00a0x ', 'ü', ''];
    const markSets = [[], [{ type: 'bold' }], [{ type: 'italic' }], [{ type: 'link', attrs: { href: 'https://x.example' } }], [{ type: 'bold' }, { type: 'italic' }]];
    let seed = 7;
    const next = (n: number) => { seed = (seed * 1103515245 + 12345) % 2147483648; return seed % n; };
    for (let round = 0; round < 500; round += 1) {
      const content = Array.from({ length: 1 + next(8) }, () => next(6) === 0 ? { type: 'hardBreak' } : text(pieces[next(pieces.length)]!, markSets[next(markSets.length)]));
      const blocks = docToBlocks(doc(para(...content)));
      textMatchesRuns(blocks);
      for (const block of blocks) {
        if (block.type !== 'paragraph') continue;
        expect(block.text).toBe(block.text.trim());
        expect(block.text).not.toMatch(/\s{2}|[\t\n\u00a0]/);
        expect(docToBlocks(JSON.parse(JSON.stringify(blocksToDoc([block]))))).toEqual([block]);
      }
    }
  });
});
