/** @module Sanity check for the wire benchmark corpus: real articles become ninjs the wire parser reads. */
import { describe, expect, it } from 'vitest';
import { parseWireDocument } from '../../src/adapters/wire/parse-wire-file.js';
import { loadRealArticles } from '../../bench/corpus.js';
import { ninjsDocumentsFromCorpora } from '../../bench/wire-corpus.js';

describe('ninjsDocumentsFromCorpora', () => {
  const real = loadRealArticles('/work/shared');
  const docs = ninjsDocumentsFromCorpora(12_000, '/work/shared', real);

  it('draws on all three corpora (BBC, AG News, Reuters-21578)', () => {
    expect(real.length).toBeGreaterThan(28_000);
    expect(docs).toHaveLength(12_000);
  });

  it('gives each (uri, version) once, with updates as version 2 of the same uri', () => {
    const keys = docs.map((d) => JSON.parse(d) as { uri: string; version: string }).map((d) => `${d.uri}@${d.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.endsWith('@2')).length).toBe(1_199);
  });

  it('produces documents the ninjs parser reads (a sample across the corpora)', () => {
    for (const i of [0, 1, 10, 2_500, 7_000, 9_999, 11_999]) {
      const result = parseWireDocument(`bench-${i}.json`, new TextEncoder().encode(docs[i]!), new Date(0));
      expect(result.ok, result.ok ? '' : result.error).toBe(true);
      if (result.ok) expect(result.items[0]).toMatchObject({ format: 'ninjs', headline: expect.any(String) });
    }
  });
});
