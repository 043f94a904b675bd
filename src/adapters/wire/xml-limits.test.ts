/** @module Tests for the XML limits pre-scan: attributes per element, depth and the time budget, each named when refused. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_XML_LIMITS, scanXmlLimits } from './xml-limits.js';

const attributes = (n: number) => Array.from({ length: n }, (_, i) => ` a${i}="v${i}"`).join('');
const nested = (n: number) => `${'<d>'.repeat(n)}text${'</d>'.repeat(n)}`;

describe('XML limits pre-scan', () => {
  it('passes an element at the attribute limit and refuses one past it, naming the limit', () => {
    const limits = { ...DEFAULT_XML_LIMITS, maxAttributesPerElement: 5 };
    expect(scanXmlLimits(`<root><x${attributes(5)}/></root>`, limits)).toBeNull();
    expect(scanXmlLimits(`<root><x${attributes(6)}/></root>`, limits)).toEqual({ error: 'XML refused: an element has 6 attributes, over the limit of 5 per element' });
  });

  it('counts boolean attributes, spaced equals signs and namespaced names, but not values', () => {
    const limits = { ...DEFAULT_XML_LIMITS, maxAttributesPerElement: 3 };
    expect(scanXmlLimits('<x a = "1 b=2 c=3 d=4" xml:lang="ar" checked/>', limits)).toBeNull();
    expect(scanXmlLimits('<x a = "1" xml:lang="ar" checked d=\'4\'/>', limits)).toEqual({ error: expect.stringMatching(/has 4 attributes/) });
  });

  it('does not count what only looks like markup: comments, CDATA, quoted values with > in them', () => {
    const limits = { ...DEFAULT_XML_LIMITS, maxAttributesPerElement: 1, maxDepth: 2 };
    const text = `<a t="x > y"><!-- <b${attributes(9)}> --><![CDATA[<c${attributes(9)}><d><e><f>]]><?pi <g${attributes(9)}>?></a>`;
    expect(scanXmlLimits(text, limits)).toBeNull();
  });

  it('refuses nesting past the depth limit and passes it at the limit; self-closing elements do not nest', () => {
    const limits = { ...DEFAULT_XML_LIMITS, maxDepth: 10 };
    expect(scanXmlLimits(nested(10), limits)).toBeNull();
    expect(scanXmlLimits(`${nested(9).replace('text', '<br/><br/><br/>')}`, limits)).toBeNull();
    expect(scanXmlLimits(nested(11), limits)).toEqual({ error: 'XML refused: elements nest over the limit of 10 levels' });
  });

  it('keeps depth right across siblings, so a long flat document passes', () => {
    const flat = `<feed>${'<item><title>عنوان 标题 заголовок 📰</title></item>'.repeat(5_000)}</feed>`;
    expect(scanXmlLimits(flat, { ...DEFAULT_XML_LIMITS, maxDepth: 3 })).toBeNull();
  });

  it('stops once the document has used its time budget: the server is busy (try again), the document is not refused', () => {
    // The document "started" 10 s ago: the first look at the clock finds the budget spent.
    const long = `<feed>${'<item>x</item>'.repeat(10_000)}</feed>`;
    const limits = { ...DEFAULT_XML_LIMITS, maxParseMs: 1_000 };
    expect(scanXmlLimits(long, limits, performance.now() - 10_000)).toEqual({ error: expect.stringMatching(/server is busy.*budget of 1000 ms/), busy: true });
    expect(scanXmlLimits(long, limits, performance.now() + 60_000)).toBeNull();
  });

  it('leaves malformed markup to the validator instead of throwing', () => {
    expect(scanXmlLimits('<a b="unclosed><c', DEFAULT_XML_LIMITS)).toBeNull();
    expect(scanXmlLimits('<a><!-- never closed', DEFAULT_XML_LIMITS)).toBeNull();
    expect(scanXmlLimits('', DEFAULT_XML_LIMITS)).toBeNull();
  });
});
