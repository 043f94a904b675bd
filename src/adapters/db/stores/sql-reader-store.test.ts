/** The SQL ReaderStore on SQLite (a file, so the reader database is its own) and PostgreSQL: links, sessions, follows, deletion. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from '../../../main/storage.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../../../../test/support/postgres-test-database.js';

const unavailable = await postgresUnavailableReason();
const AT = new Date('2026-03-01T08:00:00Z');
const later = (ms: number) => new Date(AT.getTime() + ms);

function readerStoreSuite(open: () => Promise<{ storage: Storage; close: () => Promise<void> }>) {
  let storage: Storage;
  let close: () => Promise<void>;
  beforeAll(async () => ({ storage, close } = await open()));
  afterAll(async () => close?.());

  it('creates a reader once per address, even when two sign-ins race', async () => {
    const store = storage.readers;
    const [a, b] = await Promise.all([
      store.insertOrFind({ id: 'r-1', email: 'ана@пример.рф', editionId: 'ar', createdAt: AT }),
      store.insertOrFind({ id: 'r-2', email: 'ана@пример.рф', editionId: 'en', createdAt: AT }),
    ]);
    expect(a.id).toBe(b.id);
    expect(await store.findByEmail('ана@пример.рф')).toMatchObject({ digest: 'off', digestHour: 7, digestWeekday: 1, newsletters: false, alertEmail: false });
    expect(await store.updatePreferences(a.id, { digest: 'daily', digestHour: 0, alertEmail: true })).toBe(true);
    expect(await store.findById(a.id)).toMatchObject({ digest: 'daily', digestHour: 0, alertEmail: true });
    expect(await store.updatePreferences('nobody', { digest: 'daily' })).toBe(false);
  });

  it('spends a link exactly once among many racing uses, and tells expired from used from unknown', async () => {
    const store = storage.readers;
    await store.insertLink({ id: 'link-1', email: 'x@example.com', editionId: 'en', createdAt: AT, expiresAt: later(900_000) });
    const results = await Promise.all(Array.from({ length: 8 }, () => store.consumeLink('link-1', later(1000))));
    expect(results.filter((r) => typeof r !== 'string')).toHaveLength(1);
    expect(results.filter((r) => r === 'used')).toHaveLength(7);
    await store.insertLink({ id: 'link-2', email: 'x@example.com', editionId: 'en', createdAt: AT, expiresAt: later(900_000) });
    expect(await store.consumeLink('link-2', later(900_000))).toBe('expired');
    expect(await store.consumeLink('link-3', AT)).toBe('unknown');
  });

  it('keeps sessions and follows, and deletes a reader with everything held', async () => {
    const store = storage.readers;
    const reader = await store.insertOrFind({ id: 'r-9', email: 'z@example.com', editionId: 'en', createdAt: AT });
    await store.insertSession({ id: 'sess-1', readerId: reader.id, csrfToken: 'c', createdAt: AT, lastSeenAt: AT, expiresAt: later(1000) });
    expect((await store.findSession('sess-1'))?.readerId).toBe(reader.id);
    expect(await store.addFollows(reader.id, [{ kind: 'topic', targetId: 't1' }, { kind: 'author', targetId: 'a1' }], AT)).toBe(2);
    expect(await store.addFollows(reader.id, [{ kind: 'topic', targetId: 't1' }], AT)).toBe(0);
    expect(await store.removeFollow(reader.id, 'author', 'a1')).toBe(true);
    expect((await store.listFollows(reader.id)).map((f) => f.targetId)).toEqual(['t1']);
    await storage.deliveries.enqueue([{ channel: 'email', kind: 'sign-in', mailing: 'sign-in:l9', recipient: 'z@example.com', readerId: null, payload: {} }], AT);
    expect((await store.holdingsOf(reader)).deliveries).toHaveLength(1);
    expect(await store.removeExpired(later(1000))).toBeGreaterThanOrEqual(1);
    expect(await store.findSession('sess-1')).toBeNull();
    expect(await store.deleteReader(reader.id)).toBe(true);
    expect(await store.findById(reader.id)).toBeNull();
    expect(await store.listFollows(reader.id)).toEqual([]);
    expect((await store.holdingsOf(reader)).deliveries).toEqual([]);
  });
}

describe('SQL reader store on SQLite (reader database in its own file)', () => {
  readerStoreSuite(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-readers-'));
    const storage = await openStorage(`sqlite:${join(dir, 'site.db')}`);
    return { storage, close: async () => { await storage.close(); rmSync(dir, { recursive: true, force: true }); } };
  });
});

describe.skipIf(unavailable)(`SQL reader store on PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  readerStoreSuite(async () => {
    const database: PostgresTestDatabase = await createPostgresTestDatabase();
    const storage = await openStorage(database.url);
    return { storage, close: async () => { await storage.close(); await database.drop(); } };
  });
});
