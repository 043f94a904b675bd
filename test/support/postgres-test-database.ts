/** A throwaway PostgreSQL schema per test: reachability probe, fresh schema with its own URL, drop afterwards. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describeError, engineSkipReason } from './required-engines.js';

/** Where the tests find PostgreSQL: `.ci/start-engines` provides this one; a developer machine may not have one. */
export const TEST_POSTGRES_URL = process.env['TEST_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

let admin: pg.Pool | null = null;
function adminPool(): pg.Pool {
  if (!admin) {
    admin = new pg.Pool({ connectionString: TEST_POSTGRES_URL, max: 2, connectionTimeoutMillis: 3000, allowExitOnIdle: true });
    admin.on('error', () => {});
  }
  return admin;
}

let probe: Promise<string | null> | null = null;

/**
 * null when PostgreSQL answers, else why not (throws when TEST_POSTGRES_REQUIRED=1). unaccent is installed once into `public` here: a copy made
 * by a test's migration would live in that test's schema and vanish with it, under other tests' configs.
 */
export function postgresUnavailableReason(): Promise<string | null> {
  probe ??= (async () => {
    try {
      const client = await adminPool().connect();
      try {
        await client.query('BEGIN');
        await client.query('SELECT pg_advisory_xact_lock(7305201)');
        await client.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public').catch(() => undefined);
        await client.query('COMMIT').catch(() => client.query('ROLLBACK'));
      } finally {
        client.release();
      }
      return null;
    } catch (error) {
      return engineSkipReason('postgres', 'PostgreSQL tests', `PostgreSQL unreachable at ${TEST_POSTGRES_URL}: ${describeError(error)}`);
    }
  })();
  return probe;
}

export interface PostgresTestDatabase {
  /** A DATABASE_URL whose connections work in the fresh schema (search_path set per connection). */
  url: string;
  schema: string;
  drop(): Promise<void>;
}

/** A new empty schema dl_<random>: parallel test workers never see each other's tables. */
export async function createPostgresTestDatabase(): Promise<PostgresTestDatabase> {
  const schema = `dl_${randomBytes(6).toString('hex')}`;
  await adminPool().query(`CREATE SCHEMA ${schema}`);
  const separator = TEST_POSTGRES_URL.includes('?') ? '&' : '?';
  const url = `${TEST_POSTGRES_URL}${separator}options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
  return { url, schema, drop: async () => { await adminPool().query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`); } };
}
