/** @module Recognises "the database cannot be reached right now" (a restart, a failover, a locked SQLite file) and answers it with a fast 503. */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Seconds a client (or an edge cache) should wait before asking again; a PostgreSQL restart takes a few. */
export const RETRY_AFTER_SECONDS = 5;
/** While the database stays away, one log line per this many milliseconds, counting the 503s in between. */
const LOG_EVERY_MS = 10_000;

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

const PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex"><title>Temporarily unavailable</title></head>
<body>
<h1>Temporarily unavailable</h1>
<p>This site cannot reach its database just now. Please try again in a few seconds.</p>
</body>
</html>
`;

function errorCode(error: unknown): string {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string') return e.code;
  }
  return 'UNKNOWN';
}

/**
 * Sends the 503 for a database outage: Retry-After, never stored by any cache, a plain page (or JSON for API
 * clients) that needs no query to render. Logs the first failure and then a count every 10 s, not every request.
 */
export function createDatabaseUnavailableReply(now: () => number = Date.now) {
  let lastLoggedAt = -Infinity;
  let suppressed = 0;
  return function sendDatabaseUnavailable(error: unknown, request: FastifyRequest, reply: FastifyReply): FastifyReply {
    if (now() - lastLoggedAt >= LOG_EVERY_MS) {
      request.log.warn({ event: 'database.unavailable', code: errorCode(error), path: request.url.split('?')[0], answeredSinceLastLog: suppressed }, 'database unavailable: answering 503');
      lastLoggedAt = now();
      suppressed = 0;
    } else {
      suppressed++;
    }
    reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS)).header('cache-control', 'no-store');
    if ((request.headers.accept ?? '').includes('application/json')) {
      return reply.type('application/json; charset=utf-8').send({ error: { code: 'DATABASE_UNAVAILABLE', message: 'Temporarily unavailable; try again in a few seconds.' } });
    }
    return reply.type('text/html; charset=utf-8').send(PAGE);
  };
}
