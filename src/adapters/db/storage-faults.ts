/**
 * @module Recognises the storage faults that are the server's condition, never the fault of what was being stored:
 * the database cannot be reached right now (a restart, a failover, a locked SQLite file), answered 503, and there is
 * no room to store (a full disk or quota, SQLite's database or disk is full, PostgreSQL's disk_full), answered 507
 * STORAGE_FULL (http/error-status.ts). The CLI, ingest and import use the same tests.
 */

/**
 * Socket errors from the driver: the server is down, restarting, or the network between is. They count only with the
 * `syscall` that failed, as Node reports a failed socket call: a client's request stream that broke ("aborted",
 * ECONNRESET, no syscall) is the client leaving (client-abort.ts), not the database.
 */
const SOCKET_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']);
/**
 * PostgreSQL SQLSTATEs that say "not now" rather than "wrong query": 57P01 admin_shutdown, 57P02
 * crash_shutdown, 57P03 cannot_connect_now (starting up or shutting down), 53300 too_many_connections;
 * class 08 (connection exception) is matched by prefix below.
 */
const POSTGRES_CODES = new Set(['57P01', '57P02', '57P03', '53300']);
/** node-postgres reports a lost or never-made connection with these messages and no code. */
const DRIVER_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|not queryable/i;

function isUnavailableCause(error: { code?: unknown; message?: unknown; syscall?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (SOCKET_CODES.has(code) && typeof error.syscall === 'string') return true;
  if (POSTGRES_CODES.has(code) || /^08[0-9A-Z]{3}$/.test(code)) return true;
  // SQLite answers SQLITE_BUSY ("database is locked") once busy_timeout has run out: another writer holds the file.
  if (code.startsWith('SQLITE_BUSY')) return true;
  return typeof error.message === 'string' && DRIVER_MESSAGES.test(error.message);
}

/** True when `error`, or an error it wraps (`cause`, AggregateError; ten at most), passes `test`. */
export function hasCause(error: unknown, test: (cause: { code?: unknown; message?: unknown; syscall?: unknown }) => boolean): boolean {
  const seen = new Set<unknown>();
  const pending: unknown[] = [error];
  while (pending.length > 0 && seen.size < 10) {
    const current = pending.shift();
    if (typeof current !== 'object' || current === null || seen.has(current)) continue;
    seen.add(current);
    if (test(current)) return true;
    pending.push((current as { cause?: unknown }).cause);
    if (current instanceof AggregateError) pending.push(...current.errors);
  }
  return false;
}

/** True when `error`, or an error it wraps, says the database is unreachable or busy for now. */
export function isDatabaseUnavailable(error: unknown): boolean {
  return hasCause(error, isUnavailableCause);
}



/** Node's codes for a write that found no room: the disk is full, or the user's quota is used up. */
const NODE_CODES = new Set(['ENOSPC', 'EDQUOT']);
/**
 * SQLite: SQLITE_FULL is what it reports when a write fails with ENOSPC; SQLITE_IOERR_SHMSIZE when the shared-memory
 * file of WAL mode cannot grow. Other SQLITE_IOERR_* codes carry no errno and stay server faults (500).
 */
const SQLITE_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE']);
/** PostgreSQL SQLSTATEs: 53100 disk_full, 53000 insufficient_resources (the class's generic code). */
const POSTGRES_FULL_CODES = new Set(['53100', '53000']);
/** The texts these conditions carry where a driver gives no code (a PostgreSQL I/O error naming ENOSPC, SQLite's message). */
const MESSAGES = /No space left on device|database or disk is full|Disk quota exceeded/i;

function isOutOfSpaceCause(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (NODE_CODES.has(code) || SQLITE_CODES.has(code) || POSTGRES_FULL_CODES.has(code)) return true;
  return typeof error.message === 'string' && MESSAGES.test(error.message);
}

/** True when `error`, or an error it wraps (`cause`, AggregateError), says there was no room to store. */
export function isOutOfSpace(error: unknown): boolean {
  return hasCause(error, isOutOfSpaceCause);
}

/**
 * A write that failed for the server's own reason, which no item, file or form caused: no room, or the database away.
 * Ingest and import stop at such a failure instead of reporting every item as bad (see their `isStorageFault` deps).
 */
export function isStorageFault(error: unknown): boolean {
  return isOutOfSpace(error) || isDatabaseUnavailable(error);
}
