/**
 * @module Near-duplicate window: an in-memory LSH index of the signatures of recently received items (the
 * cluster window). Each process keeps one and syncs it from the store before each ingest batch
 * (see near-duplicate-window-sync.ts and docs/decisions/0003-wire-ingest-throughput.md).
 */
import { contentWordMinima, MINHASH_LENGTH, WORD_MINIMA } from './near-duplicate.js';
import type { ClusterCandidate } from './wire-store.js';

/** An item of the window: what clustering needs, and the times that decide whether it is a candidate or stale. */
export interface WindowEntry extends ClusterCandidate {
  receivedAtMs: number;
  /** When its current version was stored: a sync re-reads an item only when this changed. */
  storedAtMs: number;
}

/**
 * Rows per LSH band over a signature's 128 3-gram minima: 64 bands of 2 make a pair a candidate with
 * probability 0.93 at a 3-gram Jaccard of 0.2, 0.98 at 0.25 and 0.998 at 0.3; `sameStory` then decides.
 */
export const BAND_ROWS = 2;

/**
 * Word bands, after the 3-gram bands: 24 bands of 3 MinHash minima over the content words (contentWordMinima). A
 * reworded copy under a new headline shares few 3-grams (at a 3-gram Jaccard of 0.15 the 3-gram bands find it 76 %
 * of the time) but most content words: at a content-word Jaccard of 0.55 the word bands find it with probability
 * 0.99, at 0.1 (two stories on one topic) 2 %. `sameStory` decides every candidate either way.
 */
export const WORD_BANDS = 24;
export const WORD_BAND_ROWS = WORD_MINIMA / WORD_BANDS;

/**
 * One 32-bit hash per band: the 3-gram bands over a signature's 3-gram minima, then the word bands. A collision costs a
 * comparison, never a false candidate: lookups compare a 3-gram band's values, and `sameStory` decides.
 */
export function bandHashes(signature: Uint32Array, rows: number): Int32Array {
  const shingleBands = MINHASH_LENGTH / rows;
  const hashes = new Int32Array(shingleBands + WORD_BANDS);
  for (let band = 0, start = 0; start < MINHASH_LENGTH; band++, start += rows) hashes[band] = bandHash(signature, start, rows);
  const words = contentWordMinima(signature);
  for (let band = 0; band < WORD_BANDS; band++) {
    // Without content words the word bands repeat 3-gram bands: no candidate the 3-gram bands would not find.
    hashes[shingleBands + band] = words ? bandHash(words, band * WORD_BAND_ROWS, WORD_BAND_ROWS) ^ 0x5bd1e995 : hashes[band % shingleBands]!;
  }
  return hashes;
}

function bandHash(values: Uint32Array, start: number, rows: number): number {
  let h = 0x9e3779b9;
  for (let i = start; i < start + rows; i++) {
    h = Math.imul(h ^ values[i]!, 0x85ebca6b);
    h ^= h >>> 13;
  }
  return h;
}

/** True when two signatures agree on every value of one band. */
export function shareBand(a: Uint32Array, b: Uint32Array, band: number, rows: number): boolean {
  for (let i = band * rows; i < band * rows + rows; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * A chained hash table per band over typed arrays: item slot s has node s·bands + band in every band's
 * (doubly linked) chain, so adding or removing an item allocates nothing and takes constant time per band.
 * 16 bytes per band per slot (one chain head per slot); slots double as items arrive: measured, 50,000
 * items take ~80 MB of index plus their 26 MB of signatures.
 */
export function createNearDuplicateWindow(rows: number, expectedItems = 64) {
  const shingleBands = MINHASH_LENGTH / rows;
  const bands = shingleBands + WORD_BANDS;
  const slots = new Map<string, number>();
  const entries: (WindowEntry | undefined)[] = [];
  const free: number[] = [];
  let capacity = 0;
  let mask = 0;
  let nodeHashes = new Int32Array(0);
  let next = new Int32Array(0);
  let prev = new Int32Array(0);
  let heads = new Int32Array(0);
  let seen = new Int32Array(0);
  let generation = 0;

  function link(slot: number): void {
    for (let band = 0; band < bands; band++) {
      const node = slot * bands + band;
      const head = band * (mask + 1) + (nodeHashes[node]! & mask);
      next[node] = heads[head]!;
      prev[node] = -1;
      if (heads[head] !== -1) prev[heads[head]!] = node;
      heads[head] = node;
    }
  }

  function grow(): void {
    capacity = capacity === 0 ? 2 ** Math.ceil(Math.log2(Math.max(expectedItems, 16))) : capacity * 2;
    mask = capacity - 1;
    const hashes = new Int32Array(capacity * bands);
    hashes.set(nodeHashes);
    nodeHashes = hashes;
    next = new Int32Array(capacity * bands);
    prev = new Int32Array(capacity * bands);
    heads = new Int32Array(bands * (mask + 1)).fill(-1);
    seen = new Int32Array(capacity);
    entries.forEach((entry, slot) => entry && link(slot));
  }

  function remove(itemId: string): void {
    const slot = slots.get(itemId);
    if (slot === undefined) return;
    for (let band = 0; band < bands; band++) {
      const node = slot * bands + band;
      const before = prev[node]!;
      const after = next[node]!;
      if (before === -1) heads[band * (mask + 1) + (nodeHashes[node]! & mask)] = after;
      else next[before] = after;
      if (after !== -1) prev[after] = before;
    }
    slots.delete(itemId);
    entries[slot] = undefined;
    free.push(slot);
  }

  return {
    get size(): number {
      return slots.size;
    },
    storedAtMs: (itemId: string): number | null => {
      const slot = slots.get(itemId);
      return slot === undefined ? null : entries[slot]!.storedAtMs;
    },
    /** Adds an item, or replaces its earlier version. */
    add(entry: WindowEntry, hashes = bandHashes(entry.signature, rows)): void {
      remove(entry.itemId);
      const slot = free.pop() ?? entries.length;
      if (slot >= capacity) grow();
      entries[slot] = entry;
      slots.set(entry.itemId, slot);
      nodeHashes.set(hashes, slot * bands);
      link(slot);
    },
    remove,
    /** Items received at or after `sinceMs` that share a band with the signature, each once, in band order. */
    candidates(signature: Uint32Array, hashes: Int32Array, sinceMs: number): WindowEntry[] {
      const found: WindowEntry[] = [];
      if (capacity === 0) return found;
      generation++;
      for (let band = 0; band < bands; band++) {
        const hash = hashes[band]!;
        for (let node = heads[band * (mask + 1) + (hash & mask)]!; node !== -1; node = next[node]!) {
          const slot = (node - band) / bands;
          if (nodeHashes[node] !== hash || seen[slot] === generation) continue;
          const entry = entries[slot]!;
          if (entry.receivedAtMs < sinceMs || (band < shingleBands && !shareBand(signature, entry.signature, band, rows))) continue;
          seen[slot] = generation;
          found.push(entry);
        }
      }
      return found;
    },
    /** Drops the items received before `sinceMs`: they can no longer gather new copy. */
    evictBefore(sinceMs: number): void {
      for (const entry of entries) if (entry && entry.receivedAtMs < sinceMs) remove(entry.itemId);
    },
  };
}

export type NearDuplicateWindow = ReturnType<typeof createNearDuplicateWindow>;
