/**
 * The storage contract harness: runs a suite once per engine (SQLite always, PostgreSQL when reachable),
 * every test on a fresh, migrated database. How to add a contract suite for a new store:
 *
 *   // test/contracts/user-store-contract.test.ts
 *   describeStorageContract('UserStore', ({ open }) => {
 *     it('finds a user by email', async () => {
 *       const storage = await open();   // fresh database; closed (and its schema dropped) after the test
 *       expect(await createSqlUserStore(storage.db).findByEmail('x@y.z')).toBeNull();
 *     });
 *   });
 *
 * SQLite runs on `:memory:`; PostgreSQL on a new schema dl_<random> of TEST_POSTGRES_URL (default
 * postgres://postgres@127.0.0.1:5432/test), so vitest workers never share tables. When PostgreSQL is
 * unreachable its copy of each suite is skipped with the reason in its title; TEST_POSTGRES_REQUIRED=1
 * (CI) turns that into a failure. Write tests against ports and `storage.db` in portable Kysely only.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe } from 'vitest';
import type { SearchWriter } from '../../src/adapters/search/search-writer.js';
import { tsvectorSearchWriter } from '../../src/adapters/search/postgres-tsvector-index.js';
import { fts5SearchWriter } from '../../src/adapters/search/sqlite-fts5-index.js';
import { openStorage, type Storage } from '../../src/main/storage.js';
import { createPostgresTestDatabase, postgresUnavailableReason } from '../support/postgres-test-database.js';

export type EngineName = 'sqlite' | 'postgres';

export interface ContractEngine {
  name: EngineName;
  /** Opens a fresh migrated database; the harness closes it after the test. */
  open(): Promise<Storage>;
  /** The DATABASE_URL of a fresh empty database, for tests that open it more than once (removed after the test). */
  freshUrl(): Promise<string>;
  /** The engine's SearchWriter, for tests of index replacement and removal. */
  searchWriter: SearchWriter;
}

type Cleanup = () => Promise<void>;

function engineFreshUrl(name: EngineName, cleanups: Cleanup[]): () => Promise<string> {
  return async () => {
    if (name === 'sqlite') {
      const dir = mkdtempSync(join(tmpdir(), 'dateline-contract-'));
      cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
      return `sqlite:${join(dir, 'dateline.db')}`;
    }
    const database = await createPostgresTestDatabase();
    cleanups.push(() => database.drop());
    return database.url;
  };
}

function engineOpen(name: EngineName, cleanups: Cleanup[]): () => Promise<Storage> {
  return async () => {
    const url = name === 'sqlite' ? 'sqlite::memory:' : await engineFreshUrl(name, cleanups)();
    const storage = await openStorage(url, { poolMax: 4 });
    // Cleanups run last-in first-out: the pool lets go of the schema before it is dropped.
    cleanups.push(() => storage.close());
    return storage;
  };
}

const postgresProblem = await postgresUnavailableReason();

/** Runs `suite` once per engine, as `title [sqlite]` and `title [postgres]`. */
export function describeStorageContract(title: string, suite: (engine: ContractEngine) => void): void {
  for (const name of ['sqlite', 'postgres'] as const) {
    // postgresUnavailableReason throws instead of answering when TEST_POSTGRES_REQUIRED=1; a skip names what is missing.
    const skipped = name === 'postgres' ? postgresProblem : null;
    describe.skipIf(skipped)(`${title} [${name}]${skipped ? ` (skipped: ${skipped})` : ''}`, () => {
      const cleanups: Cleanup[] = [];
      afterEach(async () => {
        while (cleanups.length) await cleanups.pop()?.();
      });
      suite({
        name, open: engineOpen(name, cleanups), freshUrl: engineFreshUrl(name, cleanups),
        searchWriter: name === 'sqlite' ? fts5SearchWriter : tsvectorSearchWriter,
      });
    });
  }
}
