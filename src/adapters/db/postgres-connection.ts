/** @module Opens PostgreSQL behind Kysely over a pg connection pool. */
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.js';

export interface PostgresOptions {
  /** Most connections this process holds (DATABASE_POOL_MAX). */
  poolMax: number;
  /** How long to wait for a connection before failing the query, in ms. */
  connectionTimeoutMs?: number;
}

export const DEFAULT_CONNECTION_TIMEOUT_MS = 10_000;

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
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
