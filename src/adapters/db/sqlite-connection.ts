/** @module Opens the embedded SQLite database (WAL, foreign keys on) behind Kysely. */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: raw }) });
  return { db, raw };
}

/** Turns a DATABASE_URL of the form sqlite:PATH, file:PATH or a bare path into a file path. */
export function sqlitePathFromUrl(url: string): string {
  if (url.startsWith('sqlite://')) return url.slice('sqlite://'.length);
  if (url.startsWith('sqlite:')) return url.slice('sqlite:'.length);
  if (url.startsWith('file:')) return url.slice('file:'.length);
  return url;
}
