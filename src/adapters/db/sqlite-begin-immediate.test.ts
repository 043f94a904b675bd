/**
 * Two processes on one SQLite file: a transaction that reads before it writes waits for the other process's write
 * transaction (BEGIN IMMEDIATE, then busy_timeout) instead of failing with SQLITE_BUSY at its first write, as a
 * deferred one does in WAL mode. The other process is a real one: better-sqlite3 waits synchronously, so a writer in
 * this process could never commit while we wait.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../main/storage.js';
import { inTransaction } from './join-transaction.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-immediate-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Holds the write lock of `file` in another process for `ms`, then commits; resolves once it holds it. */
function holdWriteLock(file: string, ms: number): Promise<{ done: Promise<number> }> {
  const script = `
    const db = require('better-sqlite3')(${JSON.stringify(file)});
    db.pragma('busy_timeout = 5000');
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO site_settings (key, value, updated_at) VALUES ('held.by.other', 'x', '2026-12-06T00:00:00Z')").run();
    process.stdout.write('locked\\n');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ${ms});
    db.exec('COMMIT');`;
  const child = spawn(process.execPath, ['-e', script], { cwd: process.cwd(), stdio: ['ignore', 'pipe', 'inherit'] });
  const done = new Promise<number>((resolve) => child.on('exit', (code) => resolve(code ?? 1)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (d: Buffer) => { if (d.toString().includes('locked')) resolve({ done }); });
    child.on('exit', (code) => reject(new Error(`the lock holder exited early (${code})`)));
  });
}

describe('SQLite write transactions across processes', { timeout: 60_000 }, () => {
  it('a transaction that reads first waits for the other writer and commits', async () => {
    const file = join(dir, 'two.db');
    const storage = await openStorage(`sqlite:${file}`);
    try {
      const holder = await holdWriteLock(file, 400);
      await inTransaction(storage.db, async (trx) => {
        await trx.selectFrom('site_settings').select('key').execute();
        await trx.insertInto('site_settings').values({ key: 'written.after.wait', value: 'مرحبا 👋', updated_at: '2026-12-06T00:00:01Z' }).execute();
      });
      expect(await holder.done).toBe(0);
      const keys = (await storage.db.selectFrom('site_settings').select('key').execute()).map((r) => r.key);
      expect(keys).toEqual(expect.arrayContaining(['held.by.other', 'written.after.wait']));
    } finally {
      await storage.close();
    }
  });
});
