/**
 * @module The desk grouped by story: queue entries gathered into one row per cluster, the most complete copy
 * leading, with how many agencies and versions it holds and when its newest copy arrived.
 */
import type { WireQueueEntry, WireQueueQuery } from './wire-store.js';

/** One story on the desk: its leading copy, every copy (newest first), and what the row says about them. */
export interface WireClusterRow {
  clusterId: string;
  lead: WireQueueEntry;
  copies: WireQueueEntry[];
  /** The agencies with a copy, in the order their newest copy arrived (newest first); unnamed agencies left out. */
  agencies: string[];
  /** Copies in the cluster: each agency item counts once, whatever its version number. */
  versions: number;
  /** When the newest copy arrived: the row's place on the desk. */
  newestAt: Date;
  newest: WireQueueEntry;
}

function newestFirst(a: WireQueueEntry, b: WireQueueEntry): number {
  return b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** The copy a cluster leads with: the longest text (the most complete), then the later version, then the newest. */
export function leadCopy(copies: readonly WireQueueEntry[]): WireQueueEntry {
  return [...copies].sort((a, b) => b.bodyLength - a.bodyLength || b.version - a.version || newestFirst(a, b))[0]!;
}

/** Entries (any order) as cluster rows, the cluster with the newest copy first; each row's copies newest first. */
export function groupByCluster(entries: readonly WireQueueEntry[]): WireClusterRow[] {
  const byCluster = new Map<string, WireQueueEntry[]>();
  for (const entry of entries) {
    const copies = byCluster.get(entry.clusterId);
    if (copies) copies.push(entry);
    else byCluster.set(entry.clusterId, [entry]);
  }
  const rows: WireClusterRow[] = [];
  for (const [clusterId, unsorted] of byCluster) {
    const copies = [...unsorted].sort(newestFirst);
    const agencies = [...new Set(copies.flatMap((c) => (c.agency ? [c.agency] : [])))];
    rows.push({ clusterId, lead: leadCopy(copies), copies, agencies, versions: copies.length, newestAt: copies[0]!.receivedAt, newest: copies[0]! });
  }
  return rows.sort((a, b) => newestFirst(a.newest, b.newest));
}

/** Where a desk page starts: after the copy the previous page's last row was placed by. */
export interface DeskCursor {
  receivedAt: Date;
  id: string;
}

export type DeskClusterQuery = Omit<WireQueueQuery, 'clusterIds' | 'before'> & { before?: DeskCursor; withinHours?: number };
type ListEntries = (query: WireQueueQuery & { withinHours?: number }) => Promise<WireQueueEntry[]>;

/** Entries read per step while gathering a page's clusters, and steps at most: a page stays bounded whatever the queue holds. */
const SCAN_ROWS = 200;
const MAX_SCANS = 10;
/** Copies read for one cluster (the queue's own cap): a row counts at most this many versions. */
const COPIES_PER_CLUSTER = 500;

/**
 * Every copy (up to COPIES_PER_CLUSTER each) of these clusters that passes the filters. One read for all of them;
 * when that read comes back full, some cluster may have crowded the others out of it, so each is read on its own.
 */
async function copiesOf(list: ListEntries, filters: Omit<DeskClusterQuery, 'before' | 'limit'>, clusterIds: string[]): Promise<WireQueueEntry[]> {
  const limit = COPIES_PER_CLUSTER;
  const together = await list({ ...filters, clusterIds, limit });
  if (together.length < limit || clusterIds.length === 1) return together;
  return (await Promise.all(clusterIds.map((id) => list({ ...filters, clusterIds: [id], limit })))).flat();
}

function isBefore(entry: WireQueueEntry, cursor: DeskCursor): boolean {
  const at = entry.receivedAt.getTime() - cursor.receivedAt.getTime();
  return at < 0 || (at === 0 && entry.id < cursor.id);
}

/**
 * One page of the desk: up to `limit` clusters, ordered by their newest copy, each with every copy that passes
 * the filters. Clusters are found by walking the queue newest first; one whose newest copy came at or after the
 * page's start was on an earlier page. `next` is where the following page starts, null on the last: after the
 * page's last row when the page is full, else where the walk stopped when it ran out of steps before the queue's end.
 */
export async function listDeskClusters(list: ListEntries, query: DeskClusterQuery): Promise<{ rows: WireClusterRow[]; next: DeskCursor | null }> {
  const { before, limit, ...filters } = query;
  const seen = new Set<string>();
  const rows: WireClusterRow[] = [];
  let cursor = before;
  let more = true;
  for (let scan = 0; scan < MAX_SCANS && rows.length < limit && more; scan++) {
    const page = await list({ ...filters, limit: SCAN_ROWS, ...(cursor ? { before: cursor } : {}) });
    more = page.length === SCAN_ROWS;
    const last = page[page.length - 1];
    if (last) cursor = { receivedAt: last.receivedAt, id: last.id };
    const fresh = [...new Set(page.map((e) => e.clusterId))].filter((id) => !seen.has(id));
    if (fresh.length === 0) continue;
    for (const id of fresh) seen.add(id);
    const copies = await copiesOf(list, filters, fresh);
    rows.push(...groupByCluster(copies).filter((row) => !before || isBefore(row.newest, before)));
  }
  const shown = rows.sort((a, b) => newestFirst(a.newest, b.newest)).slice(0, limit);
  const end = shown[shown.length - 1];
  if (shown.length === limit && end) return { rows: shown, next: { receivedAt: end.newest.receivedAt, id: end.newest.id } };
  // Out of steps before the end of the queue: the next page walks on from here (every row shown has a copy after it).
  return { rows: shown, next: more && cursor ? cursor : null };
}
