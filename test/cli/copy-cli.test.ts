/** `dateline migrate` and `dateline copy` on PostgreSQL, run as the CLI from source. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDateline, type CliRun } from '../support/run-cli.js';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../support/postgres-test-database.js';

const fixture = new URL('../../demo/news-stream-2025-01-17.txt', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-copy-'));
const sqliteUrl = `sqlite:${join(dir, 'source.db')}`;
const databases: PostgresTestDatabase[] = [];

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  for (const database of databases) await database.drop();
});

function dateline(env: Record<string, string>, ...args: string[]): Promise<CliRun> {
  return runDateline(args, { env: { ...process.env, DATA_DIR: dir, LOG_LEVEL: 'silent', ...env } });
}

const unavailable = await postgresUnavailableReason();

describe.skipIf(unavailable)(`dateline migrate and copy on PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, { timeout: 60_000 }, () => {
  it('migrates an empty PostgreSQL schema, twice without harm', async () => {
    const database = await createPostgresTestDatabase();
    databases.push(database);
    for (let i = 0; i < 2; i++) {
      const migrated = await dateline({ DATABASE_URL: database.url }, 'migrate');
      expect(migrated.code, migrated.stderr).toBe(0);
      expect(migrated.stdout).toContain('is at the latest schema');
    }
  });

  it('copies a SQLite database into an empty PostgreSQL one, reporting counts, and refuses to copy twice', async () => {
    const imported = await dateline({ DATABASE_URL: sqliteUrl }, 'import', fixture, '--captured-at', '2025-01-17T15:00:00Z', '--json');
    expect(imported.code, imported.stderr).toBe(0);
    const database = await createPostgresTestDatabase();
    databases.push(database);
    const copied = await dateline({}, 'copy', '--from', sqliteUrl, '--to', database.url, '--json');
    expect(copied.code, copied.stderr).toBe(0);
    const report = JSON.parse(copied.stdout) as { tables: { table: string; rows: number }[]; indexed: number };
    expect(report.indexed).toBe(6);
    expect(report.tables).toContainEqual({ table: 'articles', rows: 6 });
    const again = await dateline({}, 'copy', '--from', sqliteUrl, '--to', database.url);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain('not empty');
  });

  it('names what is wrong with its options', async () => {
    expect((await dateline({}, 'copy', '--from', sqliteUrl)).code).toBe(2);
    expect((await dateline({}, 'copy', '--from', 'mysql://x/y', '--to', sqliteUrl)).stderr).toContain('--from must be');
    expect((await dateline({}, 'copy', '--from', sqliteUrl, '--to', sqliteUrl)).stderr).toContain('same database');
  });
});
