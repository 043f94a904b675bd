/**
 * @module Near-duplicate evaluation through the production ingest: labelled pairs from the held-out half of
 * Reuters-21578 (and the wire fixtures' double deliveries) pushed as documents through the wire services, clusters read
 * back from the SQLite store; prints the table behind docs/decisions/0002-near-duplicate-threshold.md.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseWireDocument } from '../../src/adapters/wire/parse-wire-file.js';
import { bodyText } from '../../src/core/articles/article.js';
import { fixturePath } from '../support/fixture-path.js';
import {
  clusterThroughIngest, EDITS, kindTable, labelledPairs, loadReutersStories, NEGATIVES, REWORDED_SHARE, reworded, score, splitStories,
  type Copy, type LabelledPair,
} from '../support/near-duplicate-evaluation.js';
import { seededRandom } from '../../bench/corpus.js';
import { wordsOf } from '../../src/core/wire/near-duplicate.js';

/** The same stories delivered twice: ninjs 2.1 and 3.0 copies, a NITF item and its schema-breaking twin; and different fixture stories. */
function fixturePairs(): LabelledPair[] {
  const copy = (path: string): Copy => {
    const result = parseWireDocument(path, readFileSync(fixturePath(`wire/${path}`)), new Date(0));
    if (!result.ok) throw new Error(result.error);
    const item = result.items[0]!;
    return { headline: item.headline, paragraphs: [item.summary ?? '', ...bodyText(item.body).split('\n')].filter((p) => p.trim() !== '') };
  };
  const same = ['dpa_text.json', 'ntb_text.json', 'businesswire-newsml-20130731006140.json', 'tt_text_image_2.json'];
  const positives = same.map((name) => ({ kind: 'fixture-version' as const, duplicate: true, a: copy(`ninjs/2.1/${name}`), b: copy(`ninjs/3.0/${name.replace('_2.json', '_3.json')}`) }));
  positives.push({ kind: 'fixture-version', duplicate: true, a: copy('newsml-g2/real/NewsItem_with_NITF.xml'), b: copy('newsml-g2/real/NewsItem_with_NITF_invalid.xml') });
  const negatives = same.slice(1).map((name, i) => ({ kind: 'same-topic' as const, duplicate: false, a: copy(`ninjs/2.1/${same[i]!}`), b: copy(`ninjs/2.1/${name}`) }));
  return [...positives, ...negatives];
}

describe('near-duplicate clustering through the production ingest, on held-out stories', async () => {
  const stories = loadReutersStories();
  const heldOut = splitStories(stories, 'held-out');
  const pairs = [...labelledPairs(heldOut, { perKind: 100, negatives: 100, seed: 2005 }), ...fixturePairs()];
  const result = score(pairs, await clusterThroughIngest(pairs));

  it('draws every edit and negative kind from the held-out half only, rewording at least a fifth of the words', () => {
    const tune = new Set(splitStories(stories, 'tune').map((s) => s.id));
    expect(heldOut.some((s) => tune.has(s.id))).toBe(false);
    expect(new Set(pairs.map((p) => p.kind))).toEqual(new Set([...EDITS, ...NEGATIVES, 'fixture-version']));
    for (const kind of [...EDITS, ...NEGATIVES]) expect(pairs.filter((p) => p.kind === kind).length).toBeGreaterThanOrEqual(100);
    const story = heldOut.find((s) => reworded(s, REWORDED_SHARE, seededRandom(1)))!;
    const copy = reworded(story, REWORDED_SHARE, seededRandom(1))!;
    const [before, after] = [story.paragraphs.join(' ').split(' '), copy.paragraphs.join(' ').split(' ')];
    const changed = before.filter((w, i) => wordsOf(w).join(' ') !== wordsOf(after[i] ?? '').join(' ')).length;
    expect(changed / before.length).toBeGreaterThanOrEqual(REWORDED_SHARE);
  });

  it('prints the table per edit and negative kind, every pair counted once', () => {
    console.table(kindTable(result));
    console.log(`precision ${result.precision.toFixed(4)}, recall ${result.recall.toFixed(4)} (tp ${result.tp}, fp ${result.fp}, fn ${result.fn}, tn ${result.tn})`);
    expect(result.tp + result.fn).toBe(pairs.filter((p) => p.duplicate).length);
    expect(result.fp + result.tn).toBe(pairs.filter((p) => !p.duplicate).length);
  });

  it('keeps precision ≥ 0.99 and never merges stories that share only background paragraphs or boilerplate', () => {
    expect(result.precision).toBeGreaterThanOrEqual(0.99);
    const merged = (kind: string) => result.byKind.find((k) => k.kind === kind)!.joined;
    expect([merged('shared-background'), merged('shared-boilerplate'), merged('random')]).toEqual([0, 0, 0]);
  });

  it('keeps recall ≥ 0.97 on reworded copies (with and without a new headline) and on every other edit', () => {
    const recall = Object.fromEntries(result.byKind.filter((k) => k.duplicate).map((k) => [k.kind, k.joined / k.pairs]));
    expect(recall['reword']).toBeGreaterThanOrEqual(0.97);
    expect(recall['reword+headline']).toBeGreaterThanOrEqual(0.97);
    for (const kind of EDITS) expect(recall[kind], kind).toBeGreaterThanOrEqual(0.97);
    expect(recall['fixture-version']).toBe(1);
    expect(result.recall).toBeGreaterThanOrEqual(0.97);
  });
});
