/** @module Tests for wire item helpers: a later version without text keeps the earlier text; copy clean as it comes is recognised by its JSON. */
import { describe, expect, it } from 'vitest';
import { cleanWireItem, isCleanWireCopyJson, wireCopyJson, withEarlierText, type WireItem } from './wire-item.js';

const item = (over: Partial<WireItem>): WireItem => ({
  format: 'newsml-g2', agency: 'ANSA', agencyId: 'tag:ansa.it,2017:1', version: 1, headline: 'Catalogna', slugline: null, dateline: null, byline: null,
  creditline: null, language: 'it', summary: null, body: [], subjects: [], urgency: null, firstCreated: null, versionCreated: null, link: null, photos: [], ...over,
});

describe('withEarlierText', () => {
  const earlier = item({ version: 1, summary: 'Sommario', body: [{ type: 'paragraph', text: 'Il testo completo, مرحبا.' }], photos: [{ href: 'https://x.test/p.jpg', width: 800, height: 600, mimeType: null, caption: null, credit: null }] });

  it('keeps the earlier body, summary and photos when the later version comes without body text', () => {
    const later = item({ version: 2, headline: 'Catalogna, aggiornamento' });
    expect(withEarlierText(later, earlier)).toEqual({ ...later, body: earlier.body, summary: 'Sommario', photos: earlier.photos });
  });

  it('takes the later version as it is when it has text, or when the earlier had none either', () => {
    const later = item({ version: 2, body: [{ type: 'paragraph', text: 'Nuovo testo.' }] });
    expect(withEarlierText(later, earlier)).toBe(later);
    const bare = item({ version: 2 });
    expect(withEarlierText(bare, item({}))).toBe(bare);
  });
});

describe('isCleanWireCopyJson', () => {
  it('is true only for copy that cleaning leaves exactly as it is', () => {
    const texts = ['Plain ASCII, "quoted" and back\\slash.', 'Café – “curly” quotes… ‰', 'Größe ŒUVRE ǅ', 'Москва', 'مرحبا', '你好', '🎉', 'e\u0301',
      'tab\there', 'line\nbreak', 'cr\rlf', 'sep\u2028x', 'ctl\u0001x', 'del\u007fx', 'nel\u0085x', 'lone\ud800x', 'Ω\u2126', '\u2000quad', 'c:\\user'];
    for (const text of texts) {
      const copy = item({ headline: text, summary: text, body: [{ type: 'paragraph', text }], subjects: [{ name: text, code: null, scheme: null }] });
      const json = wireCopyJson(copy);
      if (isCleanWireCopyJson(json)) expect(cleanWireItem(copy), text).toEqual(copy);
      else expect(['Москва', 'مرحبا', '你好', '🎉', 'e\u0301', 'tab\there', 'line\nbreak', 'cr\rlf', 'sep\u2028x', 'ctl\u0001x', 'del\u007fx', 'nel\u0085x', 'lone\ud800x', 'Ω\u2126', '\u2000quad', 'c:\\user']).toContain(text);
    }
    expect(isCleanWireCopyJson(wireCopyJson(item({ headline: 'Café – “curly” quotes…' })))).toBe(true);
    expect(isCleanWireCopyJson(wireCopyJson(item({ headline: 'tab\there' })))).toBe(false);
  });

  it('trusts only code points that NFC leaves alone, alone and beside each other', () => {
    const ranges = [[0x20, 0x7e], [0xa0, 0x2ff], [0x2010, 0x2027], [0x2030, 0x205e]] as const;
    const chars: string[] = [];
    for (const [from, to] of ranges) for (let c = from; c <= to; c++) chars.push(String.fromCharCode(c));
    expect(chars.every((c) => isCleanWireCopyJson(JSON.stringify(c)))).toBe(true);
    const changed = chars.flatMap((a) => chars.filter((b) => (a + b).normalize('NFC') !== a + b).map((b) => a + b));
    expect(changed).toEqual([]);
    expect(isCleanWireCopyJson(JSON.stringify('\u02ff\u0300'))).toBe(false);
  });
});
