import { describe, expect, it } from 'vitest';
import { groupByCluster, leadCopy, listDeskClusters } from './wire-desk-clusters.js';
import type { WireQueueEntry, WireQueueQuery } from './wire-store.js';

const T0 = Date.parse('2025-01-17T12:00:00Z');

function entry(id: string, clusterId: string, minute: number, extra: Partial<WireQueueEntry> = {}): WireQueueEntry {
  return {
    id, clusterId, agency: 'AP', agencyId: `urn:${id}`, version: 1, headline: `Headline ${id}`, dateline: null, receivedAt: new Date(T0 + minute * 60_000),
    status: 'new', format: 'ninjs', sourceId: null, bodyLength: 100, ...extra,
  };
}

/** The store's list over an array: filters, newest first, keyset cursor, limit. */
function listOver(entries: WireQueueEntry[]) {
  return async (q: WireQueueQuery): Promise<WireQueueEntry[]> => entries
    .filter((e) => (!q.status || e.status === q.status) && (q.agency === undefined || e.agency === q.agency) && (!q.clusterIds || q.clusterIds.includes(e.clusterId)))
    .filter((e) => !q.before || e.receivedAt < q.before.receivedAt || (e.receivedAt.getTime() === q.before.receivedAt.getTime() && e.id < q.before.id))
    .sort((a, b) => b.receivedAt.getTime() - a.receivedAt.getTime() || (a.id < b.id ? 1 : -1))
    .slice(0, q.limit);
}

describe('groupByCluster', () => {
  it('makes one row per cluster, newest cluster first, counting agencies and versions', () => {
    const rows = groupByCluster([
      entry('a1', 'fed', 1, { agency: 'Reuters', headline: 'Fed to halt QE', bodyLength: 900 }),
      entry('a2', 'fed', 5, { agency: 'AP', headline: 'Fed to halt QE, officials say', bodyLength: 400 }),
      entry('a3', 'fed', 3, { agency: 'Reuters', headline: 'Fed to halt QE (update)', bodyLength: 900, version: 2 }),
      entry('b1', 'quake', 4, { agency: null, headline: '地震 🌏 زلزال' }),
    ]);
    expect(rows.map((r) => r.clusterId)).toEqual(['fed', 'quake']);
    const fed = rows[0]!;
    expect(fed.copies.map((c) => c.id)).toEqual(['a2', 'a3', 'a1']);
    expect(fed.lead.id).toBe('a3'); // the most complete, then the later version
    expect([fed.agencies, fed.versions, fed.newestAt.toISOString()]).toEqual([['AP', 'Reuters'], 3, new Date(T0 + 5 * 60_000).toISOString()]);
    expect(rows[1]).toMatchObject({ agencies: [], versions: 1, lead: { headline: '地震 🌏 زلزال' } });
  });

  it('leads with the newest copy when every copy is as complete', () => {
    expect(leadCopy([entry('x', 'c', 1), entry('y', 'c', 2)]).id).toBe('y');
  });
});

describe('listDeskClusters', () => {
  // Ten clusters of three copies each, the copies of cluster k spread over minutes k, k+10 and k+20.
  const entries = Array.from({ length: 10 }, (_, k) => [0, 10, 20].map((m) => entry(`e${k}-${m}`, `c${k}`, k + m, { agency: m === 10 ? 'AFP' : 'AP' }))).flat();

  it('pages through clusters by their newest copy, each cluster on one page only, with all its copies', async () => {
    const list = listOver(entries);
    const first = await listDeskClusters(list, { limit: 4 });
    expect(first.rows.map((r) => r.clusterId)).toEqual(['c9', 'c8', 'c7', 'c6']);
    expect(first.rows.every((r) => r.versions === 3)).toBe(true);
    const second = await listDeskClusters(list, { limit: 4, before: first.next! });
    expect(second.rows.map((r) => r.clusterId)).toEqual(['c5', 'c4', 'c3', 'c2']);
    const third = await listDeskClusters(list, { limit: 4, before: second.next! });
    expect(third.rows.map((r) => r.clusterId)).toEqual(['c1', 'c0']);
    expect(third.next).toBeNull();
  });

  it('keeps the filters: one agency\'s copies only', async () => {
    const { rows } = await listDeskClusters(listOver(entries), { limit: 20, agency: 'AFP' });
    expect(rows).toHaveLength(10);
    expect(rows.every((r) => r.versions === 1 && r.agencies.join() === 'AFP')).toBe(true);
  });

  it('finds clusters beyond one scan of the queue', async () => {
    // 450 copies of one busy story, then an older one: the older is still found.
    const busy = Array.from({ length: 450 }, (_, i) => entry(`b${String(i).padStart(3, '0')}`, 'busy', 100 + i));
    const { rows } = await listDeskClusters(listOver([...busy, entry('old', 'old', 1)]), { limit: 5 });
    expect(rows.map((r) => [r.clusterId, r.versions])).toEqual([['busy', 450], ['old', 1]]);
  });

  it('never lets one big cluster crowd the others out of a page: each cluster\'s copies are read in full', async () => {
    // Page 2 starts at minute 900. "big" has 600 copies after it (shown on page 1) and one before it; the two small
    // stories' only copies come just after that one, so all three are found in the same step of the walk.
    const big = [...Array.from({ length: 600 }, (_, i) => entry(`big${String(i).padStart(3, '0')}`, 'big', 1_000 + i)), entry('big-old', 'big', 800)];
    const small = [entry('s1', 'عاجل-١', 799, { headline: 'عاجل 🚨' }), entry('s2', '快讯', 798, { agency: 'Xinhua' }), entry('s2b', '快讯', 797)];
    const page = await listDeskClusters(listOver([...big, ...small]), { limit: 5, before: { receivedAt: new Date(T0 + 900 * 60_000), id: 'x' } });
    expect(page.rows.map((r) => [r.clusterId, r.versions])).toEqual([['عاجل-١', 1], ['快讯', 2]]);
    expect(page.next).toBeNull();
  });

  it('offers the next page when the walk runs out of steps before the end of the queue', async () => {
    // 2,500 copies of one story take every step of the walk; the older story is on the next page, not lost.
    const busy = Array.from({ length: 2_500 }, (_, i) => entry(`b${String(i).padStart(4, '0')}`, 'busy', 100 + i));
    const list = listOver([...busy, entry('old', 'old', 1, { headline: 'Старая новость' })]);
    const first = await listDeskClusters(list, { limit: 5 });
    expect(first.rows.map((r) => [r.clusterId, r.versions])).toEqual([['busy', 500]]);
    expect(first.next).not.toBeNull();
    let next = first.next;
    const later: string[] = [];
    for (let page = 0; next && page < 5; page++) {
      const more = await listDeskClusters(list, { limit: 5, before: next });
      later.push(...more.rows.map((r) => r.clusterId));
      next = more.next;
    }
    expect(later).toEqual(['old']);
    expect(next).toBeNull();
  });
});
