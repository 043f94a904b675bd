/** @module Recognises "the database cannot be reached right now" (a restart, a failover, a locked SQLite file) and answers it with a fast 503. */
import type { FastifyReply, FastifyRequest } from 'fastify';

/** Seconds a client (or an edge cache) should wait before asking again; a PostgreSQL restart takes a few. */
export const RETRY_AFTER_SECONDS = 5;
/** While the database stays away, one log line per this many milliseconds, counting the 503s in between. */
const LOG_EVERY_MS = 10_000;

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
