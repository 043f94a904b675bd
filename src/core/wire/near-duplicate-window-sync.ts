/**
 * @module Near-duplicate window sync: loads the cluster window from the store on first use, then before
 * each batch pulls the versions other ingest processes stored since the last sync, so clustering works
 * across processes and restarts without a band table (docs/decisions/0003-wire-ingest-throughput.md).
 */
import { createNearDuplicateWindow, type NearDuplicateWindow } from './near-duplicate-window.js';
import type { WindowRow, WireStore } from './wire-store.js';

export interface WindowSyncOptions {
  rows: number;
  windowMs: number;
  /**
   * How far before the previous sync the next one looks back: it must exceed the time between a batch's
   * `storedAt` and its commit, plus the clock skew between ingest machines (default 30 s).
   */
  overlapMs?: number;
  /** Names this process's writes, which it indexes itself and never re-reads. */
  processId: string;
}

const SWEEP_EVERY_MS = 3600_000;

export function createWindowSync(store: Pick<WireStore, 'findWindowRows'>, options: WindowSyncOptions) {
  const window: NearDuplicateWindow = createNearDuplicateWindow(options.rows);
  const overlapMs = options.overlapMs ?? 30_000;
  let cursorMs: number | null = null;
  let sweptAtMs = 0;

  function addRow(row: WindowRow): void {
    const storedAtMs = row.storedAt.getTime();
    if (window.storedAtMs(row.itemId) === storedAtMs) return;
    window.add({ itemId: row.itemId, clusterId: row.clusterId, signature: row.signature, receivedAtMs: row.receivedAt.getTime(), storedAtMs });
  }

  return {
    window,
    /** Brings the window up to date with the store as of `now`; call before deciding a batch. */
    async sync(now: Date): Promise<void> {
      const nowMs = now.getTime();
      const receivedSince = new Date(nowMs - options.windowMs);
      const rows = cursorMs === null
        ? await store.findWindowRows({ receivedSince })
        : await store.findWindowRows({ receivedSince, storedSince: new Date(cursorMs - overlapMs), notStoredBy: options.processId });
      for (const row of rows) addRow(row);
      cursorMs = Math.max(cursorMs ?? nowMs, nowMs);
      if (nowMs - sweptAtMs >= SWEEP_EVERY_MS) {
        window.evictBefore(receivedSince.getTime());
        sweptAtMs = nowMs;
      }
    },
  };
}

export type WindowSync = ReturnType<typeof createWindowSync>;
