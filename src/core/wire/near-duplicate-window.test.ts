/** @module Tests for the in-memory LSH window: candidates by shared 3-gram or word band, each once, within the window; replace, remove, evict, growth. */
import { describe, expect, it } from 'vitest';
import { estimatedJaccard, likeness, MINHASH_LENGTH, nearDuplicateSignature } from './near-duplicate.js';
import { bandHashes, createNearDuplicateWindow, shareBand, WORD_BANDS, type WindowEntry } from './near-duplicate-window.js';

const signatureOf = (text: string): Uint32Array => nearDuplicateSignature({ headline: '', summary: text, body: [] });

const STORY = 'Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a new partnership that includes a vow of mutual aid if either country is attacked, during a Wednesday summit.';
const OTHER = 'Heavy rain flooded parts of southern England overnight, closing roads and railway lines, and forecasters warned that more storms were on the way.';

function entry(itemId: string, text: string, receivedAtMs = 1000, storedAtMs = 1000): WindowEntry {
  return { itemId, clusterId: `c-${itemId}`, signature: signatureOf(text), receivedAtMs, storedAtMs };
}

function candidateIds(window: ReturnType<typeof createNearDuplicateWindow>, text: string, sinceMs = 0): string[] {
  const signature = signatureOf(text);
  return window.candidates(signature, bandHashes(signature, 2), sinceMs).map((c) => c.itemId);
}

describe('createNearDuplicateWindow', () => {
  it('finds an item sharing a band once, and not a different story', () => {
    const window = createNearDuplicateWindow(2);
    window.add(entry('a', STORY));
    window.add(entry('b', OTHER));
    expect(candidateIds(window, `SEOUL (AP) — ${STORY}`)).toEqual(['a']);
    expect(candidateIds(window, 'Markets rallied on Friday as investors cheered a surprise cut in interest rates by the central bank.')).toEqual([]);
    expect(window.size).toBe(2);
  });

  it('leaves out items received before the window, replaces a version and forgets removed items', () => {
    const window = createNearDuplicateWindow(2);
    window.add(entry('a', STORY, 500));
    expect(candidateIds(window, STORY, 600)).toEqual([]);
    expect(candidateIds(window, STORY, 500)).toEqual(['a']);
    window.add(entry('a', OTHER, 700, 2000));
    expect([candidateIds(window, STORY), candidateIds(window, OTHER), window.storedAtMs('a'), window.size]).toEqual([[], ['a'], 2000, 1]);
    window.remove('a');
    expect([candidateIds(window, OTHER), window.storedAtMs('a'), window.size]).toEqual([[], null, 0]);
  });

  it('keeps every item findable as it grows, and evicts by received time', () => {
    const window = createNearDuplicateWindow(2);
    for (let i = 0; i < 1500; i++) window.add(entry(`i${i}`, `${STORY} Item number ${i} of the day.`, i));
    expect(candidateIds(window, `${STORY} Item number 1499 of the day.`)).toHaveLength(1500);
    window.evictBefore(1200);
    expect(window.size).toBe(300);
    expect(candidateIds(window, STORY)).toHaveLength(300);
    window.add(entry('late', OTHER, 4000));
    expect(candidateIds(window, OTHER)).toEqual(['late']);
  });

  it('compares the band values themselves, so a hash collision makes no candidate', () => {
    const a = new Uint32Array(MINHASH_LENGTH).fill(7);
    const b = a.slice();
    b[1] = 8;
    expect([shareBand(a, b, 0, 2), shareBand(a, b, 1, 2)]).toEqual([false, true]);
    expect(bandHashes(a, 2)).toHaveLength(64 + WORD_BANDS);
  });

  it('finds a reworded copy under a new headline through its content words when it shares too few 3-grams', () => {
    // A short item (AG News style) with every third word rewritten: almost no 3-gram survives, most content words do.
    const story = { headline: 'Cable and Wireless to cut 600 jobs, shut London headquarters', summary: null, body: [{ type: 'paragraph' as const, text: 'Cable and Wireless said on Tuesday it would cut 600 jobs and close its London headquarters as the telecoms group, known in Москва and 香港, battles falling revenue.' }] };
    const copy = { headline: 'London headquarters shut, jobs cut', summary: null, body: [{ type: 'paragraph' as const, text: 'Cable plus Wireless stated upon Tuesday it could cut 600 jobs plus close their London headquarters as this telecoms group, known within Москва plus 香港, battles falling revenue.' }] };
    const [a, b] = [nearDuplicateSignature(story), nearDuplicateSignature(copy)];
    const bands = bandHashes(a, 2);
    const shared = (from: number, to: number) => Array.from(bands.subarray(from, to)).filter((h, i) => h === bandHashes(b, 2)[from + i]).length;
    expect(estimatedJaccard(a, b)).toBeLessThan(0.2);
    expect(shared(0, 64)).toBe(0);
    expect(shared(64, 64 + WORD_BANDS)).toBeGreaterThan(0);
    expect(likeness(a, b).words).toBeGreaterThanOrEqual(0.55);
    const window = createNearDuplicateWindow(2);
    window.add({ itemId: 'story', clusterId: 'c', signature: a, receivedAtMs: 1, storedAtMs: 1 });
    expect(window.candidates(b, bandHashes(b, 2), 0).map((c) => c.itemId)).toEqual(['story']);
  });
});
