/** @module Tests for the window sync: a full load on first use, then only other processes' versions stored since the last sync (with overlap). */
import { describe, expect, it } from 'vitest';
import { nearDuplicateSignature } from './near-duplicate.js';
import { bandHashes } from './near-duplicate-window.js';
import { createWindowSync } from './near-duplicate-window-sync.js';
import type { WindowRow, WindowRowQuery } from './wire-store.js';

const signatureOf = (text: string): Uint32Array => nearDuplicateSignature({ headline: '', summary: text, body: [] });

const HOUR = 3600_000;
const T0 = Date.parse('2025-01-17T12:00:00Z');

function row(itemId: string, text: string, storedAtMs: number): WindowRow {
  return { itemId, clusterId: itemId, signature: signatureOf(text), receivedAt: new Date(storedAtMs), storedAt: new Date(storedAtMs) };
}

function fakeStore(rows: WindowRow[]) {
  const queries: WindowRowQuery[] = [];
  return {
    queries,
    async findWindowRows(query: WindowRowQuery) {
      queries.push(query);
      return rows.filter((r) => r.receivedAt >= query.receivedSince && (!query.storedSince || r.storedAt >= query.storedSince));
    },
  };
}

describe('createWindowSync', () => {
  it('loads the window on first use, then asks only for other processes’ versions stored since the last sync less the overlap', async () => {
    const rows = [row('old', 'an old story from last week about the weather', T0 - 100 * HOUR), row('a', 'Kim and Putin sign a pact of mutual aid in Pyongyang on Wednesday', T0 - HOUR)];
    const store = fakeStore(rows);
    const sync = createWindowSync(store, { rows: 2, windowMs: 72 * HOUR, overlapMs: 30_000, processId: 'p1' });
    await sync.sync(new Date(T0));
    expect(store.queries[0]).toEqual({ receivedSince: new Date(T0 - 72 * HOUR) });
    expect([sync.window.size, sync.window.storedAtMs('a')]).toEqual([1, T0 - HOUR]);

    rows.push(row('b', 'Floods close roads and railway lines across southern England overnight', T0 + 5000));
    await sync.sync(new Date(T0 + 10_000));
    expect(store.queries[1]).toEqual({ receivedSince: new Date(T0 + 10_000 - 72 * HOUR), storedSince: new Date(T0 - 30_000), notStoredBy: 'p1' });
    const signature = signatureOf('Floods close roads and railway lines across southern England overnight');
    expect(sync.window.candidates(signature, bandHashes(signature, 2), 0).map((c) => c.itemId)).toEqual(['b']);
    expect(sync.window.size).toBe(2);
  });

  it('re-reads an item only when its stored version changed', async () => {
    const first = row('a', 'Kim and Putin sign a pact of mutual aid in Pyongyang on Wednesday', T0);
    const store = fakeStore([first]);
    const sync = createWindowSync(store, { rows: 2, windowMs: 72 * HOUR, processId: 'p1' });
    await sync.sync(new Date(T0));
    const kept = sync.window.candidates(first.signature, bandHashes(first.signature, 2), 0)[0];
    await sync.sync(new Date(T0 + 1000));
    expect(sync.window.candidates(first.signature, bandHashes(first.signature, 2), 0)[0]).toBe(kept);
  });
});
