/** @module Reads a DATABASE_URL: which engine it names and how to reach it (sqlite:PATH, file:PATH, postgres://…). */

export type DatabaseTarget =
  | { engine: 'sqlite'; path: string }
  | { engine: 'postgres'; url: string };

const POSTGRES_URL = /^postgres(ql)?:\/\//;

export function isPostgresUrl(url: string): boolean {
  return POSTGRES_URL.test(url);
}

export function isSqliteUrl(url: string): boolean {
  return /^(sqlite:|file:)/.test(url);
}

/** Turns a DATABASE_URL of the form sqlite:PATH, sqlite://PATH, file:PATH or a bare path into a file path. */
export function sqlitePathFromUrl(url: string): string {
  if (url.startsWith('sqlite://')) return url.slice('sqlite://'.length);
  if (url.startsWith('sqlite:')) return url.slice('sqlite:'.length);
  if (url.startsWith('file:')) return url.slice('file:'.length);
  return url;
}

/** postgres:// and postgresql:// go to PostgreSQL; anything else is a SQLite path (config has already refused other schemes). */
export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (isPostgresUrl(url)) return { engine: 'postgres', url };
  return { engine: 'sqlite', path: sqlitePathFromUrl(url) };
}

/** The URL with any password replaced by ***, for logs and console output. */
export function redactDatabaseUrl(url: string): string {
  if (!url.includes('://')) return url;
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url.replace(/:\/\/([^:/@]+):[^@]*@/, '://$1:***@');
  }
}
