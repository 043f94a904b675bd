/** copyDatabase into every storage engine: every row carried over (readers' tables too), search rebuilt, a non-empty target refused untouched. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { COPIED_TABLES, copyDatabase, isCopiedElsewhere, TargetNotEmptyError, UNCOPIED_TABLES } from '../../src/adapters/db/copy-database.js';
import { openStorage, type Storage } from '../../src/main/storage.js';
import { makeArticle, paragraph } from '../support/make-article.js';
import { describeStorageContract } from './storage-contract.js';

// Copies go over every table by name, as the copy itself does.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyDb = import('kysely').Kysely<any>;

async function tableRows(storage: Storage): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const { table, key, readers } of COPIED_TABLES) {
    let query = ((readers ? storage.readerDb : storage.db) as AnyDb).selectFrom(table).selectAll();
    for (const column of key) query = query.orderBy(column);
    out[table] = await query.execute();
  }
  return out;
}

async function seededSqlite(url = 'sqlite::memory:'): Promise<Storage> {
  const source = await openStorage(url);
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
  await seedReaders(source, article?.id ?? '', at);
  return source;
}

/** A reader with follows, a push subscription, an outbox row and an unsubscribe; a newsletter and an alert; and what is not copied. */
async function seedReaders(storage: Storage, articleId: string, at: string): Promise<void> {
  const [edition] = await storage.db.selectFrom('editions').select('id').limit(1).execute();
  const [topic] = await storage.db.selectFrom('topics').select('id').limit(1).execute();
  const editionId = edition?.id ?? '';
  await storage.db.insertInto('newsletters').values({
    id: 'n1', edition_id: editionId, subject: 'نشرة الصباح 🌅', intro: '東京', story_ids: JSON.stringify([articleId]), audience: 'opted-in', topic_id: null,
    status: 'sent', scheduled_at: null, sent_at: at, recipients: 1, created_by: 'u1', created_at: at, updated_at: at,
  }).execute();
  await storage.db.insertInto('alerts').values({
    id: 'al1', article_id: articleId, round: 1, audience: 'everyone', title: 'عاجل', body: 'Body', url: '/x', recipients: 1, created_by: 'u1', created_at: at,
  }).execute();
  const r = storage.readerDb;
  await r.insertInto('readers').values({ id: 'r1', email: 'قارئ@example.net', edition_id: editionId, created_at: at, last_signed_in_at: at, digest: 'daily', newsletters: 1 }).execute();
  await r.insertInto('reader_follows').values({ reader_id: 'r1', kind: 'topic', target_id: topic?.id ?? 't', created_at: at }).execute();
  await r.insertInto('push_subscriptions').values({ id: 'p1', endpoint: 'https://push.example.net/1', p256dh: 'k', auth: 'a', reader_id: 'r1', edition_id: editionId, created_at: at, updated_at: at }).execute();
  await r.insertInto('push_subscription_topics').values({ subscription_id: 'p1', topic_id: topic?.id ?? 't' }).execute();
  await storage.deliveries.enqueue([{ channel: 'email', kind: 'newsletter', mailing: 'newsletter:n1', recipient: 'قارئ@example.net', readerId: 'r1', payload: { n: 1 } }], new Date(at));
  await r.insertInto('unsubscribes').values({ id: 'u1', reader_id: 'r1', list: 'digest', mailing: null, created_at: at }).execute();
  await r.insertInto('reader_sessions').values({ id: 'rs1', reader_id: 'r1', csrf_token: 'c', created_at: at, last_seen_at: at, expires_at: at }).execute();
  await r.insertInto('reader_sign_in_links').values({ id: 'l1', email: 'قارئ@example.net', edition_id: editionId, created_at: at, expires_at: at, used_at: null }).execute();
}

describeStorageContract('copyDatabase into', ({ open, freshUrl }) => {
  it('copies every row, rebuilds search, and copies back to SQLite unchanged', async () => {
    const source = await seededSqlite();
    const target = await open();
    const back = await openStorage('sqlite::memory:');
    try {
      const report = await copyDatabase(source, target, target.searchWriter);
      expect(report.indexed).toBe(31);
      expect(report.tables.find((t) => t.table === 'articles')?.rows).toBe(32);
      expect(await tableRows(target)).toEqual(await tableRows(source));
      expect((await target.search.search({ terms: [['jubail']], text: 'jubail' }, { limit: 5, offset: 0 })).total).toBe(30);
      expect((await target.search.search({ terms: [['draft']], text: 'draft' }, { limit: 5, offset: 0 })).total).toBe(0);
      expect((await target.articles.listPublished({ limit: 40 })).items).toHaveLength(31);
      await copyDatabase(target, back, back.searchWriter);
      expect(await tableRows(back)).toEqual(await tableRows(source));
      expect(report.tables.filter((t) => ['readers', 'reader_follows', 'push_subscriptions', 'push_subscription_topics', 'deliveries', 'unsubscribes', 'newsletters', 'alerts'].includes(t.table)).every((t) => t.rows === 1)).toBe(true);
      for (const table of UNCOPIED_TABLES) expect(await (target.readerDb as AnyDb).selectFrom(table).selectAll().execute(), table).toEqual([]);
    } finally {
      await source.close();
      await back.close();
    }
  });

  it('carries readers from a SQLite file\'s reader file (PATH-readers) into the target\'s reader database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-copy-readers-'));
    const source = await seededSqlite(`sqlite:${join(dir, 'source.db')}`);
    const target = await openStorage(await freshUrl(), { poolMax: 2 });
    try {
      expect(source.readerDb).not.toBe(source.db);
      expect(await source.db.selectFrom('readers').selectAll().execute()).toEqual([]);
      const report = await copyDatabase(source, target, target.searchWriter);
      expect(report.tables).toContainEqual({ table: 'readers', rows: 1 });
      expect(await tableRows(target)).toEqual(await tableRows(source));
      expect((await target.readerDb.selectFrom('readers').select('email').execute())).toEqual([{ email: 'قارئ@example.net' }]);
      expect(await target.deliveries.countsOf('newsletter:n1')).toMatchObject({ queued: 1, waiting: 1 });
      // A target whose reader database alone holds rows is refused too, and nothing is written to its main database.
      const again = await openStorage(await freshUrl(), { poolMax: 2 });
      try {
        await again.readerDb.insertInto('readers').values({ id: 'x', email: 'x@example.net', edition_id: 'e', created_at: '2026-01-01T00:00:00.000Z', last_signed_in_at: null }).execute();
        await expect(copyDatabase(source, again, again.searchWriter)).rejects.toBeInstanceOf(TargetNotEmptyError);
        expect(await again.articles.countPublished()).toBe(0);
      } finally {
        await again.close();
      }
    } finally {
      await target.close();
      await source.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a target that holds any row, writing nothing', async () => {
    const source = await seededSqlite();
    const target = await open();
    try {
      await target.articles.insert(makeArticle());
      await expect(copyDatabase(source, target, target.searchWriter)).rejects.toBeInstanceOf(TargetNotEmptyError);
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
  expect(tables.filter((name) => !UNCOPIED_TABLES.includes(name)).sort()).toEqual(COPIED_TABLES.map((t) => t.table).sort());
  expect(tables).toEqual(expect.arrayContaining([...UNCOPIED_TABLES]));
});
