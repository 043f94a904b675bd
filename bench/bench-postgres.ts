/** Loads the benchmark corpus into a fresh PostgreSQL schema with `dateline copy`'s code, timed, and drops the schema afterwards. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { copyDatabase } from '../src/adapters/db/copy-database.js';
import { redactDatabaseUrl } from '../src/adapters/db/database-url.js';
import { openStorage } from '../src/main/storage.js';

/** The PostgreSQL the benchmark loads into: a database it may create schemas in (the test server by default). */
export const BENCH_POSTGRES_URL = process.env['BENCH_POSTGRES_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface PostgresCorpus {
  /** DATABASE_URL of the loaded schema (search_path set per connection). */
  url: string;
  schema: string;
  /** `copyDatabase` from the SQLite corpus: every table, then the tsvector index rebuilt, one transaction. */
  copyMs: number;
  /** ANALYZE of the new tables, so the planner has statistics before the first request (autovacuum would get there later). */
  analyzeMs: number;
  rows: number;
  drop(): Promise<void>;
}

function withSearchPath(url: string, schema: string): string {
  const separator = url.includes('?') ? '&' : '?';
  return `${url}${separator}options=${encodeURIComponent(`-c search_path=${schema},public`)}`;
}

export async function loadCorpusIntoPostgres(sqlitePath: string, log: (line: string) => void, baseUrl = BENCH_POSTGRES_URL): Promise<PostgresCorpus> {
  const admin = new pg.Client({ connectionString: baseUrl, connectionTimeoutMillis: 5000 });
  await admin.connect().catch((error: unknown) => {
    throw new Error(`--db postgres: cannot reach ${redactDatabaseUrl(baseUrl)} (${(error as Error).message}); set BENCH_POSTGRES_URL`, { cause: error });
  });
  const schema = `dl_bench_${randomBytes(4).toString('hex')}`;
  const drop = async () => {
    await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
    await admin.end();
  };
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
    // Accent folding in search, as in production; in public so it outlives the schema (see postgres-test-database.ts).
    await admin.query('CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public').catch(() => undefined);
    const url = withSearchPath(baseUrl, schema);
    const source = await openStorage(`sqlite:${sqlitePath}`);
    const target = await openStorage(url, { poolMax: 2 });
    try {
      log(`  loading the corpus into PostgreSQL schema ${schema} (dateline copy)`);
      let started = performance.now();
      const report = await copyDatabase(source, target, target.searchWriter);
      const copyMs = performance.now() - started;
      started = performance.now();
      const tables = await admin.query<{ tablename: string }>('SELECT tablename FROM pg_tables WHERE schemaname = $1', [schema]);
      for (const { tablename } of tables.rows) await admin.query(`ANALYZE ${schema}."${tablename}"`);
      const analyzeMs = performance.now() - started;
      const rows = report.tables.reduce((sum, t) => sum + t.rows, 0);
      log(`  loaded ${rows} rows (${report.indexed} stories indexed) in ${(copyMs / 1000).toFixed(1)} s, ANALYZE ${(analyzeMs / 1000).toFixed(1)} s`);
      return { url, schema, copyMs, analyzeMs, rows, drop };
    } finally {
      await target.close();
      await source.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
}
