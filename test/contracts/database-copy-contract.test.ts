/** copyDatabase into every storage engine: every row carried over, search rebuilt, a non-empty target refused untouched. */
import { expect, it } from 'vitest';
import { COPIED_TABLES, copyDatabase, isCopiedElsewhere, TargetNotEmptyError } from '../../src/adapters/db/copy-database.js';
import { openStorage, type Storage } from '../../src/main/storage.js';
import { makeArticle, paragraph } from '../support/make-article.js';
import { describeStorageContract } from './storage-contract.js';

// Copies go over every table by name, as the copy itself does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = import('kysely').Kysely<any>;

async function tableRows(storage: Storage): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const { table, key } of COPIED_TABLES) {
    let query = (storage.db as AnyDb).selectFrom(table).selectAll();
    for (const column of key) query = query.orderBy(column);
    out[table] = await query.execute();
  }
  return out;
}

async function seededSqlite(): Promise<Storage> {
  const source = await openStorage('sqlite::memory:');
  await source.articles.insertMany([
    ...Array.from({ length: 30 }, (_, i) => makeArticle({ headline: `Desalination plant ${i} opens in Jubail` })),
    makeArticle({ headline: 'Köln carnival draft', status: 'draft', firstPublishedAt: null, updatedAt: null }),
    makeArticle({ headline: 'Metro line', lead: { url: null, caption: 'Caption', credit: null, alt: 'Alt', width: 10, height: 20 }, body: paragraph('Riyadh metro.') }),
  ]);
  await source.db.updateTable('sections').set({ position: 3 }).execute();
  const [article] = await source.db.selectFrom('articles').select('id').limit(1).execute();
  const at = '2025-01-17T15:00:00.000Z';
  await source.db.insertInto('users').values({
    id: 'u1', email: 'editor@news.test', name: 'Editor', role: 'editor', password_hash: 'x', author_id: null, created_at: at, password_changed_at: at, disabled_at: null,
  }).execute();
  await source.db.insertInto('sessions').values({ id: 's1', user_id: 'u1', csrf_token: 'c', created_at: at, last_seen_at: at, expires_at: at, ip: null, user_agent: 'test' }).execute();
  await source.db.insertInto('media').values({
    id: 'm1', original_format: 'jpeg', width: 10, height: 20, bytes: 300, variants: '[]', caption: 'Cap', credit: null, alt: 'Alt', uploaded_by: 'u1', created_at: at,
  }).execute();
  await source.db.insertInto('corrections').values({ id: 'c1', article_id: article?.id ?? '', note: 'Fixed a name.', actor: 'u1', created_at: at }).execute();
  return source;
}

describeStorageContract('copyDatabase into', ({ open }) => {
  it('copies every row, rebuilds search, and copies back to SQLite unchanged', async () => {
    const source = await seededSqlite();
    const target = await open();
    const back = await openStorage('sqlite::memory:');
    try {
      const report = await copyDatabase(source.db, target.db, target.searchWriter);
      expect(report.indexed).toBe(31);
      expect(report.tables.find((t) => t.table === 'articles')?.rows).toBe(32);
      expect(await tableRows(target)).toEqual(await tableRows(source));
      expect((await target.search.search({ terms: [['jubail']], text: 'jubail' }, { limit: 5, offset: 0 })).total).toBe(30);
      expect((await target.search.search({ terms: [['draft']], text: 'draft' }, { limit: 5, offset: 0 })).total).toBe(0);
      expect((await target.articles.listPublished({ limit: 40 })).items).toHaveLength(31);
      await copyDatabase(target.db, back.db, back.searchWriter);
      expect(await tableRows(back)).toEqual(await tableRows(source));
    } finally {
      await source.close();
      await back.close();
    }
  });

  it('refuses a target that holds any row, writing nothing', async () => {
    const source = await seededSqlite();
    const target = await open();
    try {
      await target.articles.insert(makeArticle());
      await expect(copyDatabase(source.db, target.db, target.searchWriter)).rejects.toBeInstanceOf(TargetNotEmptyError);
      expect(await target.articles.countPublished()).toBe(1);
    } finally {
      await source.close();
    }
  });
});

it('copies every table the migrations create (a new table must join COPIED_TABLES)', async () => {
  const storage = await openStorage('sqlite::memory:');
  const tables = (await storage.db.introspection.getTables()).map((t) => t.name).filter((name) => !isCopiedElsewhere(name));
  await storage.close();
  expect(tables.sort()).toEqual(COPIED_TABLES.map((t) => t.table).sort());
});
