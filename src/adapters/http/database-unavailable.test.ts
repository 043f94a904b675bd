import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import Fastify from 'fastify';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createDatabaseUnavailableReply } from './database-unavailable.js';
import { isDatabaseUnavailable } from '../db/storage-faults.js';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });
/** A socket call's failure as Node reports it: the code and the call that failed. */
const socketError = (code: string, syscall = 'connect') => Object.assign(new Error(`${syscall} ${code}`), { code, syscall });

/** A real SQLITE_BUSY: one connection holds the write lock, another gives up at once. */
function sqliteBusyError(): unknown {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-busy-'));
  const holder = new Database(join(dir, 'db'));
  const waiter = new Database(join(dir, 'db'));
  try {
    holder.exec('CREATE TABLE t (x); BEGIN IMMEDIATE; INSERT INTO t VALUES (1)');
    waiter.pragma('busy_timeout = 0');
    waiter.exec('INSERT INTO t VALUES (2)');
    return null;
  } catch (error) {
    return error;
  } finally {
    holder.close();
    waiter.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('isDatabaseUnavailable', () => {
  it('recognises a refused PostgreSQL connection as the driver reports it', async () => {
    const client = new pg.Client({ connectionString: 'postgres://nobody@127.0.0.1:1/none', connectionTimeoutMillis: 2000 });
    const error = await client.connect().then(() => null, (e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('recognises SQLite still locked after its busy timeout', () => {
    const error = sqliteBusyError();
    expect((error as { code?: string }).code).toBe('SQLITE_BUSY');
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it('recognises shutdown, start-up and connection-class SQLSTATEs and the driver\'s lost-connection messages', () => {
    for (const code of ['57P01', '57P02', '57P03', '53300', '08006', '08001']) expect(isDatabaseUnavailable(withCode(code)), code).toBe(true);
    expect(isDatabaseUnavailable(socketError('ECONNRESET', 'read'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Client has encountered a connection error and is not queryable'))).toBe(true);
  });

  it('looks through wrapped causes', () => {
    expect(isDatabaseUnavailable(new Error('cannot open database', { cause: socketError('ECONNREFUSED') }))).toBe(true);
    expect(isDatabaseUnavailable(new AggregateError([socketError('ECONNREFUSED')]))).toBe(true);
  });

  it('does not take a client that left mid-request for the database: Node\'s "aborted" ECONNRESET names no socket call', () => {
    expect(isDatabaseUnavailable(withCode('ECONNRESET', 'aborted'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('ERR_STREAM_PREMATURE_CLOSE', 'Premature close'))).toBe(false);
  });

  it('leaves query mistakes, constraint violations and other failures to the 500 path', () => {
    for (const code of ['42P01', '23505', '22P02', 'SQLITE_CONSTRAINT_UNIQUE', 'SQLITE_ERROR']) expect(isDatabaseUnavailable(withCode(code)), code).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable(null)).toBe(false);
    expect(isDatabaseUnavailable('ECONNREFUSED')).toBe(false);
  });
});

describe('the database-unavailable reply', () => {
  async function appFailingWith(error: Error) {
    const app = Fastify({ logger: false });
    const reply503 = createDatabaseUnavailableReply();
    app.get('/', async () => { throw error; });
    app.setErrorHandler(async (e, request, reply) => (isDatabaseUnavailable(e) ? reply503(e, request, reply) : reply.code(500).send('500')));
    await app.ready();
    return app;
  }

  it('answers 503 with Retry-After, no-store and a page without the error', async () => {
    const app = await appFailingWith(socketError('ECONNREFUSED'));
    const res = await app.inject({ url: '/', headers: { accept: 'text/html' } });
    expect(res.statusCode).toBe(503);
    expect(res.headers['retry-after']).toBe('5');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('Temporarily unavailable');
    expect(res.body).not.toContain('ECONNREFUSED');
    await app.close();
  });

  it('answers API clients in JSON with the code DATABASE_UNAVAILABLE', async () => {
    const app = await appFailingWith(withCode('57P03'));
    const res = await app.inject({ url: '/', headers: { accept: 'application/json' } });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toMatchObject({ error: { code: 'DATABASE_UNAVAILABLE' } });
    await app.close();
  });
});
