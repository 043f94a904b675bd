/** Wire ingest over the SQL wire store, on SQLite and PostgreSQL: versions, resends, late versions, clusters across service instances, the queue. */
import { createHash } from 'node:crypto';
import { expect, it } from 'vitest';
import { createSqlWireStore } from '../../src/adapters/db/stores/sql-wire-store.js';
import type { WireItem } from '../../src/core/wire/wire-item.js';
import { createWireIngestService } from '../../src/core/wire/wire-ingest-service.js';
import { listDeskClusters } from '../../src/core/wire/wire-desk-clusters.js';
import { createWireSourceService } from '../../src/core/wire/wire-source.js';
import type { Storage } from '../../src/main/storage.js';
import { describeStorageContract } from '../contracts/storage-contract.js';

const STORY = 'Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a new partnership that includes a vow of mutual aid if either country is attacked, during a Wednesday summit that came as both face escalating standoffs with the West. It could mark the strongest connection between Moscow and Pyongyang since the Soviet Union collapsed in 1991.';
const THIRD = 'Stock markets in Asia rallied on Thursday after the central bank surprised investors with a half-point cut in interest rates, its first in four years, and signalled that more cuts could follow.';
const OTHER = 'Heavy rain flooded parts of southern England overnight, closing roads and railway lines, and forecasters warned that more storms were on the way for the weekend across the region.';

function makeWireItem(overrides: Partial<WireItem> = {}): WireItem {
  return {
    format: 'ninjs', agency: 'AP', agencyId: 'urn:ap:1', version: 1, headline: 'Putin and Kim sign pact', slugline: null, dateline: 'SEOUL',
    byline: null, creditline: null, language: 'en', summary: null, body: [{ type: 'paragraph', text: STORY }], subjects: [], urgency: 3,
    firstCreated: new Date('2025-01-17T10:00:00Z'), versionCreated: new Date('2025-01-17T10:00:00Z'), link: null, photos: [], ...overrides,
  } as WireItem;
}

function wire(storage: Storage, start = Date.parse('2025-01-17T12:00:00Z')) {
  let n = 0;
  let now = start;
  const store = createSqlWireStore(storage.db);
  const ids = { newId: () => `w${String(++n).padStart(4, '0')}-${Math.random().toString(36).slice(2, 8)}` };
  const clock = { now: () => new Date(now) };
  const hash = (text: string) => createHash('sha256').update(text).digest('hex');
  return {
    store,
    service: createWireIngestService({ store, clock, ids, hash, batchSize: 3, loadSuggester: async () => ({ suggest: () => [{ name: 'Kim Jong Un', kind: 'person' as const }] }) }),
    sources: createWireSourceService({ store, clock, ids, hash, randomBytes: (k) => new Uint8Array(k).fill(7) }),
    tick: (ms: number) => { now += ms; },
  };
}

describeStorageContract('Wire ingest', ({ open, freshUrl }) => {
  it('stores new items, ignores an identical resend, replaces with a newer version and keeps a late older one in history', async () => {
    const { service, store } = wire(await open());
    const first = await service.ingest([{ item: makeWireItem(), origin: 'a.json' }, { item: makeWireItem({ agencyId: 'urn:ap:2', body: [{ type: 'paragraph', text: OTHER }], headline: 'Floods' }), origin: 'b.json' }]);
    expect(first).toMatchObject({ ingested: 2, updated: 0, duplicates: 0, stale: 0, failed: 0 });
    const id = first.itemIds[0]!;
    expect(await service.ingest([{ item: makeWireItem(), origin: 'a.json' }])).toMatchObject({ ingested: 0, duplicates: 1 });
    const v3 = makeWireItem({ version: 3, headline: 'Putin and Kim sign defence pact' });
    expect(await service.ingest([{ item: v3, origin: 'a3.json' }])).toMatchObject({ updated: 1, itemIds: [id] });
    expect(await service.ingest([{ item: makeWireItem({ version: 2, headline: 'v2' }), origin: 'a2.json' }])).toMatchObject({ stale: 1, ingested: 0 });
    const stored = await store.find(id);
    expect(stored?.item.headline).toBe('Putin and Kim sign defence pact');
    expect((await service.versions(id)).map((v) => v.item.version)).toEqual([2, 1]);
    expect((await service.list({ limit: 10 })).map((e) => e.agencyId).sort()).toEqual(['urn:ap:1', 'urn:ap:2']);
    // A later version without body text (a headline-only correction) keeps the earlier version's text.
    const v4 = makeWireItem({ version: 4, headline: 'Putin and Kim sign defence pact (corrected)', body: [] });
    expect(await service.ingest([{ item: v4, origin: 'a4.json' }])).toMatchObject({ updated: 1, itemIds: [id] });
    expect((await store.find(id))?.item).toMatchObject({ version: 4, headline: 'Putin and Kim sign defence pact (corrected)', body: makeWireItem().body });
  });

  it('clusters a near-duplicate from another agency, across service instances, and keeps a different story apart', async () => {
    const url = await freshUrl();
    const { openStorage } = await import('../../src/main/storage.js');
    const a = await openStorage(url);
    const first = await wire(a).service.ingest([{ item: makeWireItem(), origin: 'ap' }]);
    await a.close();
    const b = await openStorage(url);
    try {
      const { service } = wire(b);
      const more = await service.ingest([
        { item: makeWireItem({ agency: 'Reuters', agencyId: 'R1', body: [{ type: 'paragraph', text: `SEOUL (Reuters) - ${STORY} Reporting by Hyonhee Shin.` }] }), origin: 'r' },
        { item: makeWireItem({ agency: 'AFP', agencyId: 'F1', headline: 'Floods', body: [{ type: 'paragraph', text: OTHER }] }), origin: 'f' },
      ]);
      const cluster = await service.cluster(first.itemIds[0]!);
      expect(cluster.map((e) => e.agency).sort()).toEqual(['AP', 'Reuters']);
      expect((await service.find(more.itemIds[1]!))?.clusterId).toBe(more.itemIds[1]);
    } finally {
      await b.close();
    }
  });

  it('clusters with items another running process stored after this one loaded its window, new versions included', async () => {
    const url = await freshUrl();
    const { openStorage } = await import('../../src/main/storage.js');
    const a = await openStorage(url);
    const b = await openStorage(url);
    try {
      const [first, later] = [wire(a), wire(b)];
      // b has loaded its window (empty of AP's item) before a stores it.
      await later.service.ingest([{ item: makeWireItem({ agency: 'AFP', agencyId: 'F1', headline: 'Floods', body: [{ type: 'paragraph', text: OTHER }] }), origin: 'f' }]);
      const ap = await first.service.ingest([{ item: makeWireItem(), origin: 'ap' }]);
      const reuters = await later.service.ingest([{ item: makeWireItem({ agency: 'Reuters', agencyId: 'R1', body: [{ type: 'paragraph', text: `SEOUL (Reuters) - ${STORY} Reporting by Hyonhee Shin.` }] }), origin: 'r' }]);
      expect((await later.service.find(reuters.itemIds[0]!))?.clusterId).toBe(ap.itemIds[0]);
      // AP's version 2 is another story altogether: b clusters the next copy of it only if it pulled the new signature.
      first.tick(1000);
      await first.service.ingest([{ item: makeWireItem({ version: 2, headline: 'Markets', body: [{ type: 'paragraph', text: THIRD }] }), origin: 'ap2' }]);
      later.tick(1000);
      const dpa = await later.service.ingest([{ item: makeWireItem({ agency: 'dpa', agencyId: 'D1', headline: 'Markets', body: [{ type: 'paragraph', text: `${THIRD} Reporting by dpa.` }] }), origin: 'd' }]);
      expect((await later.service.find(dpa.itemIds[0]!))?.clusterId).toBe(ap.itemIds[0]);
      expect((await later.service.cluster(ap.itemIds[0]!)).map((e) => e.agency).sort()).toEqual(['AP', 'Reuters', 'dpa']);
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('clusters items of one batch with each other, and handles two versions of one item in one batch', async () => {
    const { service } = wire(await open());
    const report = await service.ingest([
      { item: makeWireItem(), origin: '1' },
      { item: makeWireItem({ version: 2, headline: 'Pact signed' }), origin: '2' },
      { item: makeWireItem({ agency: 'dpa', agencyId: 'd1', headline: 'Pakt' }), origin: '3' },
      { item: makeWireItem({ version: 3, headline: 'Pact signed, Kim says' }), origin: '4' },
    ]);
    expect(report).toMatchObject({ ingested: 2, updated: 2, failed: 0 });
    const [ap, dpa] = [await service.find(report.itemIds[0]!), await service.find(report.itemIds[2]!)];
    expect(ap?.item.version).toBe(3);
    expect(dpa?.clusterId).toBe(ap?.id);
    expect((await service.versions(ap!.id)).map((v) => v.item.version)).toEqual([2, 1]);
  });

  it('lists the queue of some clusters only, with each copy\'s body length, and groups it by story', async () => {
    const { service, tick } = wire(await open());
    const arabic = 'ذكرت وكالة الأنباء أن الرئيسين وقعا الاتفاق 🤝';
    const { itemIds: [ap] } = await service.ingest([{ item: makeWireItem(), origin: 'ap' }]);
    tick(1000);
    const { itemIds: [dpa] } = await service.ingest([{ item: makeWireItem({ agency: 'dpa', agencyId: 'dpa:1', body: [{ type: 'paragraph', text: `${STORY} ${arabic}` }] }), origin: 'dpa' }]);
    tick(1000);
    const { itemIds: [other] } = await service.ingest([{ item: makeWireItem({ agencyId: 'urn:ap:floods', headline: 'Floods', body: [{ type: 'paragraph', text: OTHER }] }), origin: 'o' }]);
    const clusterId = (await service.find(ap!))!.clusterId;
    expect((await service.find(dpa!))!.clusterId).toBe(clusterId);
    const listed = await service.list({ limit: 10, clusterIds: [clusterId] });
    expect(listed.map((e) => e.id)).toEqual([dpa, ap]);
    expect(listed[0]!.bodyLength).toBeGreaterThan(listed[1]!.bodyLength);
    expect(await service.list({ limit: 10, clusterIds: [] })).toEqual([]);
    const { rows } = await listDeskClusters(service.list, { limit: 10 });
    expect(rows.map((r) => [r.lead.id, r.agencies, r.versions])).toEqual([[other, ['AP'], 1], [dpa, ['dpa', 'AP'], 2]]);
  });

  it('changes a status only from the statuses given; lists the queue by status and by time received; suggests topics once', async () => {
    const { service, store, tick } = wire(await open());
    const { itemIds: [x, y] } = await service.ingest([{ item: makeWireItem(), origin: 'x' }]).then(async (r) => {
      tick(1000);
      const s = await service.ingest([{ item: makeWireItem({ agencyId: 'urn:ap:9', body: [{ type: 'paragraph', text: OTHER }] }), origin: 'y' }]);
      return { itemIds: [...r.itemIds, ...s.itemIds] };
    });
    expect(await store.setStatus(x!, ['new'], 'spiked', null)).toBe(true);
    expect(await store.setStatus(x!, ['new'], 'spiked', null)).toBe(false);
    expect(await store.setStatus('nope', ['new', 'used'], 'used', 'a1')).toBe(false);
    expect((await service.list({ status: 'new', limit: 10 })).map((e) => e.id)).toEqual([y]);
    expect(await store.setStatus(x!, ['spiked'], 'new', null)).toBe(true);
    expect(await store.setStatus(x!, ['new', 'used'], 'used', 'article-1')).toBe(true);
    expect((await service.find(x!))?.usedArticleId).toBe('article-1');
    // The last hour holds both items 30 min after they arrived, and neither 2 h after.
    tick(30 * 60_000);
    expect((await service.list({ limit: 10, withinHours: 1 })).map((e) => e.id)).toEqual([y, x]);
    tick(90 * 60_000);
    expect(await service.list({ limit: 10, withinHours: 1 })).toEqual([]);
    const page = await service.list({ limit: 1 });
    expect(page.map((e) => e.id)).toEqual([y]);
    expect((await service.list({ limit: 5, before: { receivedAt: page[0]!.receivedAt, id: page[0]!.id } })).map((e) => e.id)).toEqual([x]);
    expect(await service.suggestTopics(x!)).toEqual({ ok: true, value: [{ name: 'Kim Jong Un', kind: 'person' }] });
    expect((await service.find(x!))?.topics).toEqual([{ name: 'Kim Jong Un', kind: 'person' }]);
  });

  it('leaves nothing of a batch that failed to write in the window: a later copy starts its own cluster', async () => {
    const storage = await open();
    const store = createSqlWireStore(storage.db);
    const failing = { ...store, writeBatch: async (writes: Parameters<typeof store.writeBatch>[0]) => {
      if (writes.inserts.some((i) => i.item.agency === 'AP')) throw new Error('disk full');
      return store.writeBatch(writes);
    } };
    const hash = (text: string) => createHash('sha256').update(text).digest('hex');
    let n = 0;
    const service = createWireIngestService({ store: failing, clock: { now: () => new Date('2025-01-17T12:00:00Z') }, ids: { newId: () => `f${++n}` }, hash });
    expect(await service.ingest([{ item: makeWireItem(), origin: 'ap' }])).toMatchObject({ ingested: 0, failed: 1 });
    const reuters = await service.ingest([{ item: makeWireItem({ agency: 'Reuters', agencyId: 'R1' }), origin: 'r' }]);
    expect((await service.find(reuters.itemIds[0]!))?.clusterId).toBe(reuters.itemIds[0]);
  });

  it('fails an item without text alone and stores the rest', async () => {
    const { service } = wire(await open());
    const report = await service.ingest([{ item: makeWireItem({ headline: '', body: [] }), origin: 'empty.json' }, { item: makeWireItem(), origin: 'ok.json' }]);
    expect(report).toMatchObject({ ingested: 1, failed: 1, errors: [{ origin: 'empty.json', message: expect.stringMatching(/no headline/) }] });
  });

  it('adds sources with a hashed push token and schedules feeds with back-off', async () => {
    const { sources, tick } = wire(await open());
    const push = await sources.add({ name: 'AP Push', kind: 'push' });
    if (!push.ok) throw new Error(push.reason);
    expect(push.value.pushToken).toMatch(/^[0-9a-f]{64}$/);
    expect(push.value.source.tokenHash).toBe(createHash('sha256').update(push.value.pushToken!).digest('hex'));
    expect(await sources.add({ name: 'AP push', kind: 'push' })).toEqual({ ok: false, reason: 'slug taken' });
    const feed = await sources.add({ name: 'BBC World', kind: 'feed', url: 'https://feeds.bbci.co.uk/news/world/rss.xml', everySeconds: 60 });
    if (!feed.ok) throw new Error(feed.reason);
    expect((await sources.due()).map((s) => s.slug)).toEqual(['bbc-world']);
    await sources.recordPoll(feed.value.source, { ok: false, error: 'HTTP 500 from feeds.bbci.co.uk' });
    const failed = (await sources.findBySlug('bbc-world'))!;
    expect(failed).toMatchObject({ failures: 1, lastError: 'HTTP 500 from feeds.bbci.co.uk' });
    expect(failed.nextPollAt!.getTime() - failed.lastPolledAt!.getTime()).toBe(120_000);
    expect(await sources.due()).toEqual([]);
    tick(120_000);
    expect((await sources.due()).map((s) => s.slug)).toEqual(['bbc-world']);
    await sources.recordPoll(failed, { ok: true, etag: '"e1"', lastModified: null });
    expect(await sources.findBySlug('bbc-world')).toMatchObject({ failures: 0, lastError: null, etag: '"e1"' });
  });
});
