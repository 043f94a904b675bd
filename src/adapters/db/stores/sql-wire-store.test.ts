/**
 * @module Tests for the SQL wire store (SQLite and PostgreSQL): the signature column (base64 written, the hex of older rows still
 * read and clustered with), and the same rows whether inserted one per statement or many.
 */
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { describeStorageContract } from '../../../../test/contracts/storage-contract.js';
import { SIGNATURE_LENGTH } from '../../../core/wire/near-duplicate.js';
import { STORED_SIGNATURE_LENGTH } from '../../../core/wire/near-duplicate-storage.js';
import type { WireItem } from '../../../core/wire/wire-item.js';
import { createWireIngestService } from '../../../core/wire/wire-ingest-service.js';
import { createSqlWireStore } from './sql-wire-store.js';

const STORY = 'Москва и Пхеньян: Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a new partnership that includes a vow of mutual aid if either country is attacked, during a Wednesday summit that came as both face escalating standoffs with the West. 朝鲜 كوريا 🤝';

function item(agency: string, agencyId: string, text = STORY): WireItem {
  return {
    format: 'ninjs', agency, agencyId, version: 1, headline: 'Putin and Kim sign pact', slugline: null, dateline: 'SEOUL', byline: null, creditline: null,
    language: 'en', summary: null, body: [{ type: 'paragraph', text }], subjects: [], urgency: 3, firstCreated: null, versionCreated: null, link: null, photos: [],
  };
}

function ingestService(db: Parameters<typeof createSqlWireStore>[0]) {
  let n = 0;
  return createWireIngestService({
    store: createSqlWireStore(db), clock: { now: () => new Date('2025-01-17T12:00:00Z') }, ids: { newId: () => `w${++n}-${Math.random().toString(36).slice(2, 8)}` },
    hash: (text) => createHash('sha256').update(text).digest('hex'),
  });
}

describeStorageContract('SQL wire store signatures', ({ freshUrl }) => {
  it('writes base64, and reads and clusters with a row whose signature was stored as hex before', async () => {
    const url = await freshUrl();
    const { openStorage } = await import('../../../main/storage.js');
    const storage = await openStorage(url);
    try {
      const first = await ingestService(storage.db).ingest([{ item: item('AP', 'urn:ap:1'), origin: 'ap' }]);
      const id = first.itemIds[0]!;
      const stored = await storage.db.selectFrom('wire_items').select('signature').where('id', '=', id).executeTakeFirstOrThrow();
      expect(stored.signature).toHaveLength(STORED_SIGNATURE_LENGTH);
      const signature = (await createSqlWireStore(storage.db).find(id))!.signature;
      expect(signature).toHaveLength(SIGNATURE_LENGTH);
      // The row as an ingest before this storage form wrote it.
      const hex = Array.from(signature, (v) => v.toString(16).padStart(8, '0')).join('');
      await sql`UPDATE wire_items SET signature = ${hex} WHERE id = ${id}`.execute(storage.db);
      expect((await createSqlWireStore(storage.db).find(id))!.signature).toEqual(signature);
      // A new process loads its window from the store, the hex row in it, and clusters another agency's copy with it.
      const next = await ingestService(storage.db).ingest([{ item: item('Reuters', 'R1', `SEOUL (Reuters) - ${STORY} Reporting by Hyonhee Shin.`), origin: 'r' }]);
      expect((await createSqlWireStore(storage.db).find(next.itemIds[0]!))!.clusterId).toBe(id);
    } finally {
      await storage.close();
    }
  });

  it('stores the same rows one per INSERT as in multi-row INSERTs (items, updates and history)', async () => {
    // 450 items cross the 400 rows of one multi-row INSERT; every fifth is sent again as version 2 in the same batch (its history row).
    const inputs = Array.from({ length: 450 }, (_, i) => ({ item: item(i % 2 ? 'AP' : 'AFP', `urn:${i}`, `${STORY} №${i}`), origin: `doc-${i}` }))
      .flatMap((input, i) => (i % 5 === 0 ? [input, { ...input, item: { ...input.item, version: 2, headline: `${input.item.headline} (update)` } }] : [input]));
    const dump = async (rowsPerInsert: number) => {
      const { openStorage } = await import('../../../main/storage.js');
      const storage = await openStorage(await freshUrl());
      try {
        let n = 0;
        const ingest = createWireIngestService({
          store: createSqlWireStore(storage.db, { rowsPerInsert }), clock: { now: () => new Date('2025-01-17T12:00:00Z') }, ids: { newId: () => `w${String(++n).padStart(4, '0')}` },
          hash: (text) => createHash('sha256').update(text).digest('hex'), processId: 'bench', batchSize: 500,
        });
        const report = await ingest.ingest(inputs);
        expect(report).toMatchObject({ ingested: 450, updated: 90, failed: 0 });
        return {
          items: await storage.db.selectFrom('wire_items').selectAll().orderBy('id').execute(),
          versions: await storage.db.selectFrom('wire_item_versions').selectAll().orderBy('id').execute(),
        };
      } finally {
        await storage.close();
      }
    };
    const single = await dump(1);
    expect(single.items).toHaveLength(450);
    expect(single.versions).toHaveLength(90);
    expect(await dump(400)).toEqual(single);
  });
});
