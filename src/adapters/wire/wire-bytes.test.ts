/** @module Tests for decoding received wire files: declared encodings, bad UTF-8 and the size limit. */
import { describe, expect, it } from 'vitest';
import { decodeWireBytes } from './wire-bytes.js';

const latin1 = (text: string): Uint8Array => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));

describe('decodeWireBytes', () => {
  it('reads UTF-8 by default and a declared ISO-8859-1 as Latin-1', () => {
    expect(decodeWireBytes(new TextEncoder().encode('{"a":"é"}'))).toEqual({ ok: true, text: '{"a":"é"}', warnings: [] });
    expect(decodeWireBytes(latin1('<?xml version="1.0" encoding="ISO-8859-1"?><t>Not\u00edcias</t>'))).toMatchObject({ ok: true, text: expect.stringContaining('Notícias'), warnings: [] });
  });

  it('reads undeclared Latin-1 (no valid UTF-8 sequence at all) as windows-1252, with a warning', () => {
    const result = decodeWireBytes(latin1('<rss><t>\u00daltimas Not\u00edcias</t></rss>'));
    expect(result).toEqual({ ok: true, text: '<rss><t>Últimas Notícias</t></rss>', warnings: ['not valid UTF-8 and no encoding declared; read as windows-1252'] });
  });

  it('replaces broken sequences in otherwise UTF-8 text, with a warning', () => {
    const bytes = new Uint8Array([...new TextEncoder().encode('café '), 0xff, 0x41]);
    expect(decodeWireBytes(bytes)).toEqual({ ok: true, text: 'café \uFFFDA', warnings: ['malformed UTF-8: invalid byte sequences replaced with U+FFFD'] });
  });

  it('refuses a file over the limit without decoding it', () => {
    expect(decodeWireBytes(new Uint8Array(11), 10)).toEqual({ ok: false, error: 'file is 11 bytes, over the limit of 10 bytes' });
  });
});
