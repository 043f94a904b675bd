/** @module Opens the embedded SQLite database (WAL, foreign keys on) behind Kysely. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect, SqliteDriver, type DatabaseConnection, type Driver, type SqliteDatabase, type SqliteDialectConfig } from 'kysely';
import type { Database } from './database.js';

export interface SqliteConnection {
  db: Kysely<Database>;
  /** The raw handle, for the few dialect functions that need SQLite features (FTS5). */
  raw: SQLite.Database;
}

/** Opens (creating if missing) the SQLite file at `path`; `:memory:` for a throwaway database. */
export function openSqlite(path: string): SqliteConnection {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const raw = new SQLite(path);
  raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  raw.pragma('synchronous = NORMAL');
  raw.pragma('busy_timeout = 5000');
  // Refresh the planner's statistics where they are missing or stale (cheap; SQLite's advice for every open).
  raw.pragma('analysis_limit = 1000'); // bounds the work of ANALYZE, so start-up stays fast on a large archive
  raw.pragma('optimize = 0x10002');
  const db = new Kysely<Database>({ dialect: new RollbackSafeSqliteDialect(raw) });
  return { db, raw };
}

/**
 * SQLite rolls a transaction back by itself after some errors (SQLITE_FULL, SQLITE_IOERR, SQLITE_NOMEM, SQLITE_BUSY);
 * Kysely's ROLLBACK after them would fail with "cannot rollback - no transaction is active" and that error would
 * replace the one that said why. So ROLLBACK is sent only while a transaction is open, as SQLite's documentation advises.
 */
class RollbackSafeSqliteDialect extends SqliteDialect {
  readonly #raw: SQLite.Database;
  readonly #config: SqliteDialectConfig;
  constructor(raw: SQLite.Database) {
    const config = { database: withStatementCache(raw) };
    super(config);
    this.#raw = raw;
    this.#config = config;
  }

  override createDriver(): Driver {
    return new RollbackSafeSqliteDriver(this.#config, () => this.#raw.inTransaction);
  }
}

class RollbackSafeSqliteDriver extends SqliteDriver {
  readonly #inTransaction: () => boolean;
  constructor(config: SqliteDialectConfig, inTransaction: () => boolean) {
    super(config);
    this.#inTransaction = inTransaction;
  }

  /**
   * BEGIN IMMEDIATE: a transaction takes the write lock when it starts, waiting (busy_timeout) while another process
   * writes. A deferred one that reads first and writes later cannot wait at its first write: in WAL mode SQLite
   * answers SQLITE_BUSY at once when a read transaction must become a write one while another process writes (an
   * import beside the serving processes' topic job, a newsroom save beside an import).
   */
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (this.#inTransaction()) await super.rollbackTransaction(connection);
  }
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely prepares every query anew; the same few hundred SQL strings repeat on every page, so
 * prepared statements are kept by SQL text (least recently used dropped first). Profiling the cold
 * article page showed statement preparation as the largest cost after the queries themselves.
 */
export function withStatementCache(raw: SQLite.Database): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => raw.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        statements.delete(sql);
      } else {
        statement = raw.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}
