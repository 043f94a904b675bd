/**
 * @module Recognises "the server has no room to store this" (a full disk or quota, SQLite's database or disk is full,
 * PostgreSQL's disk_full): a condition of the server, answered 507 STORAGE_FULL (error-status.ts), never blamed on
 * the document or form that was being stored.
 */
import { hasCause, isDatabaseUnavailable } from './database-unavailable.js';

/** Seconds an agency or a script should wait before sending again: someone has to free space first. */
export const STORAGE_FULL_RETRY_AFTER_SECONDS = 60;

/** Node's codes for a write that found no room: the disk is full, or the user's quota is used up. */
const NODE_CODES = new Set(['ENOSPC', 'EDQUOT']);
/**
 * SQLite: SQLITE_FULL is what it reports when a write fails with ENOSPC; SQLITE_IOERR_SHMSIZE when the shared-memory
 * file of WAL mode cannot grow. Other SQLITE_IOERR_* codes carry no errno and stay server faults (500).
 */
const SQLITE_CODES = new Set(['SQLITE_FULL', 'SQLITE_IOERR_SHMSIZE']);
/** PostgreSQL SQLSTATEs: 53100 disk_full, 53000 insufficient_resources (the class's generic code). */
const POSTGRES_CODES = new Set(['53100', '53000']);
/** The texts these conditions carry where a driver gives no code (a PostgreSQL I/O error naming ENOSPC, SQLite's message). */
const MESSAGES = /No space left on device|database or disk is full|Disk quota exceeded/i;

function isOutOfSpaceCause(error: { code?: unknown; message?: unknown }): boolean {
  const code = typeof error.code === 'string' ? error.code : '';
  if (NODE_CODES.has(code) || SQLITE_CODES.has(code) || POSTGRES_CODES.has(code)) return true;
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
