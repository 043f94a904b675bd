/** @module Near-duplicate cluster index: LSH banding finds candidate items, the full signature decides, and an item joins its best match's cluster. */
import { estimatedJaccard, SIGNATURE_LENGTH } from './near-duplicate.js';

/** The threshold chosen in docs/decisions/0002-near-duplicate-threshold.md. */
export const DEFAULT_NEAR_DUPLICATE_THRESHOLD = 0.3;

export interface ClusterAssignment {
  clusterId: string;
  bestMatch: { itemId: string; similarity: number } | null;
}

export interface ClusterIndex {
  /** Adds an item: it joins the cluster of its most similar earlier item at or above the threshold, else starts its own (named after it). */
  assign(itemId: string, signature: Uint32Array): ClusterAssignment;
  clusterOf(itemId: string): string | null;
  readonly size: number;
}

/**
 * Rows per band: the most selective banding that still makes an item at the threshold a candidate
 * with probability ≥ 0.99 (1 − (1 − t^r)^b), so banding never costs recall that the threshold would keep.
 */
export function rowsPerBand(threshold: number): number {
  for (const rows of [16, 8, 4, 2, 1]) {
    const bands = SIGNATURE_LENGTH / rows;
    if (1 - Math.pow(1 - Math.pow(threshold, rows), bands) >= 0.99) return rows;
  }
  return 1;
}

export function createClusterIndex(options: { threshold?: number } = {}): ClusterIndex {
  const threshold = options.threshold ?? DEFAULT_NEAR_DUPLICATE_THRESHOLD;
  if (!(threshold > 0 && threshold <= 1)) throw new RangeError('threshold must be in (0, 1]');
  const rows = rowsPerBand(threshold);
  const buckets = new Map<string, string[]>();
  const signatures = new Map<string, Uint32Array>();
  const clusters = new Map<string, string>();

  const bandKeys = (signature: Uint32Array): string[] => {
    const keys: string[] = [];
    for (let start = 0; start < SIGNATURE_LENGTH; start += rows) keys.push(`${start}:${signature.subarray(start, start + rows).join(',')}`);
    return keys;
  };

  return {
    assign(itemId, signature) {
      if (signature.length !== SIGNATURE_LENGTH) throw new RangeError(`a signature has ${SIGNATURE_LENGTH} values`);
      const keys = bandKeys(signature);
      const candidates = new Set(keys.flatMap((key) => buckets.get(key) ?? []));
      candidates.delete(itemId);
      let best: ClusterAssignment['bestMatch'] = null;
      for (const candidate of candidates) {
        const similarity = estimatedJaccard(signature, signatures.get(candidate)!);
        if (similarity >= threshold && (!best || similarity > best.similarity)) best = { itemId: candidate, similarity };
      }
      const clusterId = best ? clusters.get(best.itemId)! : clusters.get(itemId) ?? itemId;
      if (!signatures.has(itemId)) for (const key of keys) buckets.set(key, [...(buckets.get(key) ?? []), itemId]);
      signatures.set(itemId, signature);
      clusters.set(itemId, clusterId);
      return { clusterId, bestMatch: best };
    },
    clusterOf: (itemId) => clusters.get(itemId) ?? null,
    get size() {
      return signatures.size;
    },
  };
}
