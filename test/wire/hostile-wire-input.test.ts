/** @module Hostile wire input: entity attacks, broken bytes and markup, wrong formats and oversized files are refused with clear errors. */
import { describe, expect, it } from 'vitest';
import { bodyText } from '../../src/core/articles/article.js';
import { parseWireDocument } from '../../src/adapters/wire/parse-wire-file.js';

const RECEIVED = new Date('2025-01-17T12:00:00Z');
const encode = (text: string): Uint8Array => new TextEncoder().encode(text);
const parse = (name: string, text: string | Uint8Array) => parseWireDocument(name, typeof text === 'string' ? encode(text) : text, RECEIVED);

const rss = (title: string, description = 'Body text.') =>
  `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0"><channel><title>Agency</title><item><guid>g1</guid><title>${title}</title><description>${description}</description></item></channel></rss>`;

describe('hostile wire input', () => {
  it('refuses an external entity (XXE) and never shows the file it points at', () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>${rss('&xxe;')}`.replace(/<\?xml version="1.0" encoding="UTF-8"\?>/, '');
    const result = parse('xxe.rss', xxe);
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/^xxe\.rss: .*DOCTYPE/) });
    expect(JSON.stringify(result)).not.toMatch(/root:/);
  });

  it('refuses billion laughs before expanding anything', () => {
    const levels = Array.from({ length: 10 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    const bomb = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${levels}]><rss><channel><item><title>&lol10;</title></item></channel></rss>`;
    expect(parse('lol.xml', bomb)).toMatchObject({ ok: false, error: expect.stringMatching(/^lol\.xml: .*DOCTYPE/) });
  });

  it('refuses quadratic blow-up (one large entity referenced many times)', () => {
    const big = 'a'.repeat(100_000);
    const quadratic = `<?xml version="1.0"?><!DOCTYPE q [<!ENTITY big "${big}">]><rss><channel><item><title>${'&big;'.repeat(10_000)}</title></item></channel></rss>`;
    expect(parse('quadratic.xml', quadratic)).toMatchObject({ ok: false, error: expect.stringMatching(/DOCTYPE/) });
  });

  it('refuses an element with 200,000 attributes (a 2.2 MB NewsML-G2 push) before parsing it', () => {
    const attributes = Array.from({ length: 200_000 }, (_, i) => ` a${i}="v"`).join('');
    const bomb = `<?xml version="1.0" encoding="UTF-8"?><newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:x" version="1"><itemMeta><itemClass qcode="ninat:text"${attributes}/></itemMeta></newsItem>`;
    expect(parse('attributes.xml', bomb)).toMatchObject({ ok: false, error: expect.stringMatching(/^attributes\.xml: XML refused: an element has 200001 attributes, over the limit of 256 per element/) });
  });

  it('refuses XML nested deeper than the depth limit', () => {
    const deep = `<rss version="2.0"><channel>${'<x>'.repeat(5_000)}${'</x>'.repeat(5_000)}</channel></rss>`;
    expect(parse('deep.rss', deep)).toMatchObject({ ok: false, error: expect.stringMatching(/^deep\.rss: XML refused: elements nest over the limit of 256 levels/) });
  });

  it('leaves an undeclared entity reference as written instead of resolving it', () => {
    const result = parse('undeclared.rss', rss('Fish &amp; chips &#233;&#x20AC; &secret;'));
    expect(result.ok && result.items[0]?.headline).toBe('Fish & chips é€ &secret;');
  });

  it('refuses truncated XML with the line of the problem', () => {
    const truncated = rss('Storm hits coast').slice(0, -30);
    expect(parse('cut.rss', truncated)).toMatchObject({ ok: false, error: expect.stringMatching(/^cut\.rss: malformed XML at line 1/) });
  });

  it('decodes malformed UTF-8 with U+FFFD and a warning instead of losing the item', () => {
    const head = encode(rss('Caf\u00e9 opens', 'Owner says «welcome»'));
    const at = new TextDecoder().decode(head).indexOf('opens');
    const bytes = new Uint8Array([...head.subarray(0, at), 0xc3, 0x28, ...head.subarray(at)]);
    const result = parse('bad-utf8.rss', bytes);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.warnings).toContain('malformed UTF-8: invalid byte sequences replaced with U+FFFD');
    expect(result.items[0]?.headline).toBe('Café\uFFFD( opens');
  });

  it('says "not a feed" for an HTML page served as a feed', () => {
    const page = '<!DOCTYPE html><html><head><title>News</title></head><body><h1>Home</h1></body></html>';
    expect(parse('feed.rss', page)).toMatchObject({ ok: false, error: expect.stringMatching(/^feed\.rss: not a feed/) });
    expect(parse('feed2.rss', '<html><body>x</body></html>')).toMatchObject({ ok: false, error: expect.stringMatching(/not a feed/) });
  });

  it('refuses an unknown format', () => {
    expect(parse('notes.txt', 'Shopping list:\nmilk\neggs\n')).toMatchObject({ ok: false, error: expect.stringMatching(/^notes\.txt: not a recognised wire format/) });
    expect(parse('svg.xml', '<svg xmlns="http://www.w3.org/2000/svg"><text>Hi</text></svg>')).toMatchObject({ ok: false, error: expect.stringMatching(/unknown XML format: root element <svg>/) });
    expect(parse('empty.json', '')).toMatchObject({ ok: false, error: 'empty.json: empty file' });
  });

  it('refuses JSON that is not ninjs', () => {
    expect(parse('config.json', '{"name": "dateline", "version": "0.1.0"}')).toMatchObject({ ok: false, error: expect.stringMatching(/^config\.json: JSON document is not ninjs/) });
    expect(parse('broken.json', '{"uri": "x", ')).toMatchObject({ ok: false, error: expect.stringMatching(/malformed JSON/) });
  });

  it('refuses a 50 MB feed by its size before decoding it', () => {
    const item = '<item><guid>g</guid><title>Same story</title><description>Text.</description></item>';
    const big = new Uint8Array(50 * 1024 * 1024);
    const head = encode('<rss><channel>');
    big.set(head);
    for (let at = head.length; at + item.length < big.length; at += item.length) big.set(encode(item), at);
    const before = process.memoryUsage().heapUsed;
    const result = parse('huge.rss', big);
    const grown = process.memoryUsage().heapUsed - before;
    expect(result).toMatchObject({ ok: false, error: 'huge.rss: file is 52428800 bytes, over the limit of 10485760 bytes' });
    // Decoding alone would have made a 50 MB string (100 MB of heap); refusing first keeps memory flat.
    expect(grown).toBeLessThan(8 * 1024 * 1024);
  });

  it('sanitises hostile HTML in a body: scripts, event handlers and javascript: links go', () => {
    const html = '&lt;p onclick="steal()"&gt;Hello &lt;a href="javascript:alert(1)"&gt;there&lt;/a&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;/p&gt;';
    const result = parse('xss.rss', rss('Hostile', html));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.items[0]?.body).toEqual([{ type: 'paragraph', text: 'Hello there' }]);
    expect(bodyText(result.items[0]!.body)).not.toMatch(/alert|steal/);
  });
});
