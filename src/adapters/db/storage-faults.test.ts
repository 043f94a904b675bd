import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { isOutOfSpace, isStorageFault } from './storage-faults.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

/** PostgreSQL's answer as node-postgres builds it from the server's ErrorResponse: its own DatabaseError class. */
function postgresError(code: string, message: string): pg.DatabaseError {
  const error = new pg.DatabaseError(message, message.length, 'error');
  error.severity = 'ERROR';
  error.code = code;
  return error;
}

/** A real SQLite error of another kind, from the driver. */
function sqliteConstraintError(): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-space-'));
  const db = new Database(join(dir, 'db'));
  try {
    db.exec('CREATE TABLE t (x UNIQUE); INSERT INTO t VALUES (1)');
    db.exec('INSERT INTO t VALUES (1)');
    return null;
  } catch (error) {
    return error;
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('isOutOfSpace', () => {
  it('recognises PostgreSQL disk_full (53100) and insufficient_resources (53000) as node-postgres raises them', () => {
    const full = postgresError('53100', 'could not extend file "base/16384/16402": No space left on device');
    expect(full).toBeInstanceOf(pg.DatabaseError);
    expect(isOutOfSpace(full)).toBe(true);
    expect(isOutOfSpace(postgresError('53000', 'insufficient resources'))).toBe(true);
    // An I/O error whose text names ENOSPC, as PostgreSQL reports a failed WAL write.
    expect(isOutOfSpace(postgresError('58030', 'could not write to file "pg_wal/xlogtemp.123": No space left on device'))).toBe(true);
  });

  it('recognises SQLite and Node reporting a full disk or quota, also wrapped', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE', 'ENOSPC', 'EDQUOT']) expect(isOutOfSpace(withCode(code)), code).toBe(true);
    expect(isOutOfSpace(new Error('database or disk is full'))).toBe(true);
    expect(isOutOfSpace(new Error('photo not stored', { cause: withCode('ENOSPC', "ENOSPC: no space left on device, write") }))).toBe(true);
    expect(isOutOfSpace(new AggregateError([withCode('SQLITE_FULL')]))).toBe(true);
  });

  it('leaves other failures alone: constraints, syntax, too many connections, other I/O errors', () => {
    const constraint = sqliteConstraintError();
    expect((constraint as { code?: string }).code).toBe('SQLITE_CONSTRAINT_UNIQUE');
    expect(isOutOfSpace(constraint)).toBe(false);
    for (const code of ['53300', '42P01', '23505', 'SQLITE_IOERR_WRITE', 'EACCES', 'ECONNRESET']) expect(isOutOfSpace(withCode(code)), code).toBe(false);
    expect(isOutOfSpace(postgresError('53300', 'sorry, too many clients already'))).toBe(false);
    expect(isOutOfSpace(null)).toBe(false);
    expect(isOutOfSpace('ENOSPC')).toBe(false);
  });
});

describe('isStorageFault', () => {
  it('is a full disk or the database away, never a bad item', () => {
    expect(isStorageFault(withCode('SQLITE_FULL'))).toBe(true);
    expect(isStorageFault(postgresError('57P03', 'the database system is starting up'))).toBe(true);
    expect(isStorageFault(sqliteConstraintError())).toBe(false);
    expect(isStorageFault(new Error('the item has no headline and no text'))).toBe(false);
  });
});
