import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import type { Database } from './database.js';
import { inTransaction } from './join-transaction.js';
import { openSqlite } from './sqlite-connection.js';

/** What SQLite does on SQLITE_FULL, SQLITE_IOERR or SQLITE_NOMEM: the transaction is already gone when the write fails. */
async function failAfterTheEngineRolledBack(trx: Kysely<Database>): Promise<never> {
  await sql`ROLLBACK`.execute(trx);
  throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
}

describe('inTransaction', () => {
  it('throws the write’s own error when the ROLLBACK after it fails, keeping the ROLLBACK’s as a detail', async () => {
    // Kysely's plain SQLite dialect: its ROLLBACK fails here, as it did on a full disk.
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    try {
      const error = await inTransaction(db, failAfterTheEngineRolledBack).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'SQLITE_FULL', message: 'database or disk is full', rollbackError: expect.stringContaining('no transaction is active') });
      // The connection was released: the next transaction runs.
      expect(await inTransaction(db, async (trx) => (await sql<{ one: number }>`SELECT 1 AS one`.execute(trx)).rows[0]?.one)).toBe(1);
    } finally {
      await db.destroy();
    }
  });

  it('commits the work and returns its value, and rolls it back when it throws', async () => {
    const { db } = openSqlite(':memory:');
    try {
      await sql`CREATE TABLE t (x TEXT)`.execute(db);
      expect(await inTransaction(db, async (trx) => { await sql`INSERT INTO t VALUES ('Ωmega 通信 🛰️')`.execute(trx); return 'done'; })).toBe('done');
      await expect(inTransaction(db, async (trx) => { await sql`INSERT INTO t VALUES ('lost')`.execute(trx); throw new Error('refused'); })).rejects.toThrow('refused');
      expect((await sql<{ x: string }>`SELECT x FROM t`.execute(db)).rows.map((r) => r.x)).toEqual(['Ωmega 通信 🛰️']);
    } finally {
      await db.destroy();
    }
  });
});

describe('the SQLite connection', () => {
  it('sends no ROLLBACK once SQLite has rolled back by itself, so Kysely’s own transactions keep the first error too', async () => {
    const { db } = openSqlite(':memory:');
    try {
      await expect(db.transaction().execute(failAfterTheEngineRolledBack)).rejects.toMatchObject({ code: 'SQLITE_FULL' });
    } finally {
      await db.destroy();
    }
  });
});
