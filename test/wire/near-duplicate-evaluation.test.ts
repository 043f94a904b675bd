/** @module Near-duplicate evaluation: precision and recall of the clustering decision on a labelled, seeded set (Reuters-21578 and the wire fixtures). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWireDocument } from '../../src/adapters/wire/parse-wire-file.js';
import { DEFAULT_NEAR_DUPLICATE_THRESHOLD } from '../../src/core/wire/near-duplicate-cluster.js';
import { wireItemText } from '../../src/core/wire/wire-item.js';
import { fixturePath } from '../support/fixture-path.js';
import { labelledPairs, loadReutersStories, scoreThresholds, type LabelledPair } from '../support/near-duplicate-evaluation.js';

const THRESHOLDS = [0.1, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5, 0.6, 0.7];

/** The same stories delivered twice: ninjs 2.1 and 3.0 copies, a NITF item and its schema-breaking twin. */
function fixturePairs(): LabelledPair[] {
  const text = (path: string): string => {
    const result = parseWireDocument(path, readFileSync(fixturePath(`wire/${path}`)), new Date(0));
    if (!result.ok) throw new Error(result.error);
    return wireItemText(result.items[0]!);
  };
  const same = ['dpa_text.json', 'ntb_text.json', 'businesswire-newsml-20130731006140.json', 'tt_text_image_2.json'];
  const positives = same.map((name) => ({ kind: 'fixture-version' as const, duplicate: true, a: text(`ninjs/2.1/${name}`), b: text(`ninjs/3.0/${name.replace('_2.json', '_3.json')}`) }));
  positives.push({ kind: 'fixture-version', duplicate: true, a: text('newsml-g2/real/NewsItem_with_NITF.xml'), b: text('newsml-g2/real/NewsItem_with_NITF_invalid.xml') });
  const negatives = same.slice(1).map((name, i) => ({ kind: 'hard-negative' as const, duplicate: false, a: text(`ninjs/2.1/${same[i]!}`), b: text(`ninjs/2.1/${name}`) }));
  return [...positives, ...negatives];
}

describe('near-duplicate clustering on a labelled set', () => {
  const pairs = [...labelledPairs(loadReutersStories(), 100, 300), ...fixturePairs()];
  const scores = scoreThresholds(pairs, THRESHOLDS);

  it('has positives of every edit kind and both kinds of negatives', () => {
    const kinds = new Set(pairs.map((p) => p.kind));
    expect(kinds.size).toBe(9);
    expect(pairs.filter((p) => p.duplicate).length).toBeGreaterThan(600);
    expect(pairs.filter((p) => p.kind === 'hard-negative').length).toBeGreaterThan(290);
  });

  it('prints the table behind docs/decisions/0002-near-duplicate-threshold.md: every pair counted once, a stricter threshold never joining more', () => {
    console.table(scores.map((s) => ({ threshold: s.threshold, precision: s.precision.toFixed(3), recall: s.recall.toFixed(3), tp: s.tp, fp: s.fp, fn: s.fn, ...Object.fromEntries(Object.entries(s.recallByKind).map(([k, v]) => [k, v.toFixed(2)])) })));
    const positives = pairs.filter((p) => p.duplicate).length;
    for (const s of scores) expect([s.tp + s.fn, s.fp + s.tn]).toEqual([positives, pairs.length - positives]);
    // Bands nest (rows per band are powers of two), so a pair joined at a threshold is joined at every lower one.
    for (const [looser, stricter] of scores.slice(0, -1).map((s, i) => [s, scores[i + 1]!] as const)) {
      expect(stricter.tp).toBeLessThanOrEqual(looser.tp);
      expect(stricter.fp).toBeLessThanOrEqual(looser.fp);
    }
    // Clustering that joins everything, or nothing, is far off the table at either end.
    expect(scores[0]!.fp).toBeLessThan((pairs.length - positives) / 10);
    expect(scores.at(-1)!.recall).toBeGreaterThan(0.5);
  });

  it('keeps precision ≥ 0.98 and recall ≥ 0.97 at the chosen threshold (0.3)', () => {
    expect(DEFAULT_NEAR_DUPLICATE_THRESHOLD).toBe(0.3);
    const chosen = scores.find((s) => s.threshold === DEFAULT_NEAR_DUPLICATE_THRESHOLD)!;
    expect(chosen.precision).toBeGreaterThanOrEqual(0.98);
    expect(chosen.recall).toBeGreaterThanOrEqual(0.97);
    // A trimmed story with agency boilerplate is the hardest positive; it must still mostly cluster.
    expect(chosen.recallByKind['trim+boilerplate']).toBeGreaterThanOrEqual(0.9);
    expect(chosen.recallByKind['fixture-version']).toBe(1);
  });

  it('shows the trade-off: a stricter threshold loses recall on trimmed copies, a looser one lets same-topic stories in', () => {
    const at = (t: number) => scores.find((s) => s.threshold === t)!;
    expect(at(0.6).recallByKind['trim-end']).toBeLessThan(at(0.3).recallByKind['trim-end']!);
    expect(at(0.1).fp).toBeGreaterThan(at(0.3).fp);
  });
});
