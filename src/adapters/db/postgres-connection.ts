/** @module Opens PostgreSQL behind Kysely over a pg connection pool that fails fast while the server is away. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

export interface PostgresOptions {
  /** Most connections this process holds (DATABASE_POOL_MAX). */
  poolMax: number;
  /** How long a query waits for a connection (a free pool slot or a new socket) before failing, in ms (DATABASE_CONNECT_TIMEOUT_MS). */
  connectionTimeoutMs?: number;
}

/**
 * Short on purpose: while PostgreSQL restarts, a request should get a 503 within seconds (see
 * database-unavailable.ts), not queue behind a pool that waits for a server that is not there.
 */
export const DEFAULT_CONNECTION_TIMEOUT_MS = 2_000;

const ignore = () => {};

/**
 * Opens a pool on `url` (postgres://user:pass@host:port/db). The schema comes from the URL as in any
 * pg client: `?options=-c%20search_path%3Dnews` selects a schema other than the user's default.
 * No connection is made until the first query.
 */
export function openPostgres(url: string, options: PostgresOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolMax,
    connectionTimeoutMillis: options.connectionTimeoutMs ?? DEFAULT_CONNECTION_TIMEOUT_MS,
  });
  // An idle client that loses its server (restart, failover) emits 'error' on the pool; without a
  // listener Node would crash the process. The pool drops that client and the next query reconnects.
  pool.on('error', ignore);
  // A checked-out client between two queries of a transaction has no pool listener; its 'error' would
  // crash the process too. The failure reaches the caller through its next query instead, and on
  // release pg-pool discards the client because it is no longer queryable.
  pool.on('connect', (client) => client.on('error', ignore));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
