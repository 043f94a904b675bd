/** @module Every setting of Dateline, its environment variable and default; parsed once at boot. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { isPostgresUrl, isSqliteUrl, redactDatabaseUrl } from '../adapters/db/database-url.js';
import { isLocale, isTimeZone } from './intl-checks.js';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from '../adapters/http/connection-guard.js';

function isRedisUrl(url: string): boolean {
  return URL.canParse(url) && /^rediss?:$/.test(new URL(url).protocol) && new URL(url).hostname !== '';
}

const port = z.coerce.number().int().min(0).max(65535);

function isHttpUrl(url: string): boolean {
  return URL.canParse(url) && /^https?:$/.test(new URL(url).protocol);
}

/** The environment schema: one entry per variable, documented in README.md. */
export const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.string().min(1).optional(),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(1000).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(2000),
  SITE_URL: z.url({ protocol: /^https?$/ }).optional(),
  SITE_NAME: z.string().min(1).max(80).default('Dateline'),
  SITE_DESCRIPTION: z.string().max(300).default('News from around the world, as it happens.'),
  TIME_ZONE: z.string().refine(isTimeZone, 'not an IANA time zone (e.g. Asia/Riyadh, UTC)').default('UTC'),
  LOCALE: z.string().refine(isLocale, 'not a supported BCP 47 locale (e.g. en-GB)').default('en-GB'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DEMO_CONTENT: z.enum(['auto', 'off']).default('auto'),
  PAGE_CACHE: z.enum(['on', 'off']).default('on'),
  PAGE_CACHE_MAX_ENTRIES: z.coerce.number().int().min(0).max(1_000_000).default(5000),
  MOST_READ: z.enum(['on', 'off']).default('on'),
  MEDIA_DIR: z.string().min(1).optional(),
  MEDIA_MAX_UPLOAD_MB: z.coerce.number().min(0.1).max(500).default(25),
  MEDIA_MAX_MEGAPIXELS: z.coerce.number().min(1).max(1000).default(100),
  TRUST_PROXY: z.string().max(500).default('off'),
  HEADERS_TIMEOUT_MS: z.coerce.number().int().min(50).max(600_000).default(DEFAULT_CONNECTION_LIMITS.headersTimeoutMs),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(50).max(3_600_000).default(DEFAULT_CONNECTION_LIMITS.requestTimeoutMs),
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_CONNECTION_LIMITS.keepAliveTimeoutMs),
  MAX_REQUESTS_PER_SOCKET: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_CONNECTION_LIMITS.maxRequestsPerSocket),
  MAX_CONNECTIONS: z.coerce.number().int().min(0).max(1_000_000).default(DEFAULT_CONNECTION_LIMITS.maxConnections),
  // Unset: the default cap for a server facing readers directly, and off behind a trusted proxy (every reader arrives from its address).
  MAX_CONNECTIONS_PER_ADDRESS: z.coerce.number().int().min(0).max(1_000_000).optional(),
  // One year: what browsers' HSTS preload lists require and OWASP recommends; it is only ever sent over TLS (0: never).
  HSTS_MAX_AGE: z.coerce.number().int().min(0).max(63_072_000).default(31_536_000),
  HSTS_INCLUDE_SUBDOMAINS: z.enum(['on', 'off']).default('off'),
  ADMIN_EMAIL: z.email().default('admin@localhost.test'),
  REDIS_URL: z.string().min(1).max(2000).optional(), // checked below, where its password is redacted from the message
  REDIS_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]{1,64}$/, 'letters, digits, _ . - (at most 64)').default('dateline'),
  EDGE_PURGE_URL: z.string().max(2000).refine((v) => v.split(',').every((u) => isHttpUrl(u.trim())), 'not a comma-separated list of http(s) URLs (e.g. http://127.0.0.1:6081/)').optional(),
  EDGE_PURGE_WEBHOOK: z.url({ protocol: /^https?$/ }).optional(),
  EDGE_PURGE_WEBHOOK_TOKEN: z.string().min(1).max(500).optional(),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** sqlite:PATH for the embedded default, or postgres://… for the scale-out setup. */
  databaseUrl: string;
  /** Most PostgreSQL connections each process opens; unused with SQLite. */
  databasePoolMax: number;
  /** How long a PostgreSQL query waits for a connection before failing (a 503 while the server restarts); unused with SQLite. */
  databaseConnectTimeoutMs: number;
  siteUrl: string;
  siteName: string;
  siteDescription: string;
  timeZone: string;
  locale: string;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  demoContent: boolean;
  pageCache: boolean;
  pageCacheMaxEntries: number;
  /** Count reads of story pages for most read (MOST_READ); off: nothing is counted, lists show what was counted before. */
  mostRead: boolean;
  /** Uploaded photos: public variants and private originals (default DATA_DIR/media). */
  mediaDir: string;
  mediaMaxUploadBytes: number;
  mediaMaxPixels: number;
  /** Fastify's trustProxy: off, true (any), or comma-separated addresses/CIDRs of the proxies whose X-Forwarded-For is believed. */
  trustProxy: boolean | string;
  /** Timeouts and connection caps of each serving process (caps count per process: `--workers N` holds N times as many). */
  connectionLimits: ConnectionLimits;
  /** Strict-Transport-Security on responses to requests that arrived over TLS (directly or via a trusted proxy); 0: never sent. */
  hstsMaxAge: number;
  hstsIncludeSubDomains: boolean;
  /** Email of the admin created on first run. */
  adminEmail: string;
  /** Redis for the scale-out setup (cross-process events, shared login throttling); null: one process, in memory. */
  redisUrl: string | null;
  /** Namespace of Dateline's Redis channel and keys. */
  redisPrefix: string;
  /** Varnish instances to send `PURGE` + `xkey-purge` to on every story change (empty: no Varnish). */
  edgePurgeUrls: string[];
  /** A URL to POST `{"keys":[…]}` to on every story change, for CDNs (null: none), with an optional bearer token. */
  edgePurgeWebhook: string | null;
  edgePurgeWebhookToken: string | null;
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/** Parses the environment; throws ConfigError naming every bad variable at once. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}=${JSON.stringify(present[String(i.path[0])] ?? '')}: ${i.message}`));
  }
  const e = parsed.data;
  const dataDir = resolve(e.DATA_DIR);
  const trustProxy = e.TRUST_PROXY === 'off' || e.TRUST_PROXY === 'false' ? false : e.TRUST_PROXY === 'true' ? true : e.TRUST_PROXY;
  const databaseUrl = e.DATABASE_URL ?? `sqlite:${resolve(dataDir, 'dateline.db')}`;
  const problems: string[] = [];
  if (!isSqliteUrl(databaseUrl) && !isPostgresUrl(databaseUrl)) {
    problems.push(`DATABASE_URL=${JSON.stringify(redactDatabaseUrl(databaseUrl))}: use sqlite:PATH or postgres://USER:PASSWORD@HOST:PORT/DATABASE`);
  }
  if (e.REDIS_URL && !isRedisUrl(e.REDIS_URL)) {
    problems.push(`REDIS_URL=${JSON.stringify(redactDatabaseUrl(e.REDIS_URL))}: use redis://[USER:PASSWORD@]HOST:PORT[/DB], or rediss:// for TLS`);
  }
  if (e.HEADERS_TIMEOUT_MS > e.REQUEST_TIMEOUT_MS) {
    problems.push(`HEADERS_TIMEOUT_MS=${e.HEADERS_TIMEOUT_MS}: must not exceed REQUEST_TIMEOUT_MS (${e.REQUEST_TIMEOUT_MS}), which counts the headers too`);
  }
  if (problems.length) throw new ConfigError(problems);
  const displayHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? '127.0.0.1' : e.HOST;
  const siteUrl = (e.SITE_URL ?? `http://${displayHost}:${e.PORT}`).replace(/\/+$/, '');
  return {
    port: e.PORT, host: e.HOST, dataDir, databaseUrl, databasePoolMax: e.DATABASE_POOL_MAX, databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS, siteUrl, siteName: e.SITE_NAME,
    siteDescription: e.SITE_DESCRIPTION, timeZone: e.TIME_ZONE, locale: e.LOCALE, logLevel: e.LOG_LEVEL,
    demoContent: e.DEMO_CONTENT === 'auto', pageCache: e.PAGE_CACHE === 'on', pageCacheMaxEntries: e.PAGE_CACHE_MAX_ENTRIES, mostRead: e.MOST_READ === 'on',
    mediaDir: resolve(e.MEDIA_DIR ?? resolve(dataDir, 'media')), mediaMaxUploadBytes: Math.round(e.MEDIA_MAX_UPLOAD_MB * 1_048_576),
    mediaMaxPixels: Math.round(e.MEDIA_MAX_MEGAPIXELS * 1_000_000), trustProxy, adminEmail: e.ADMIN_EMAIL,
    connectionLimits: {
      headersTimeoutMs: e.HEADERS_TIMEOUT_MS, requestTimeoutMs: e.REQUEST_TIMEOUT_MS, keepAliveTimeoutMs: e.KEEP_ALIVE_TIMEOUT_MS,
      maxRequestsPerSocket: e.MAX_REQUESTS_PER_SOCKET, maxConnections: e.MAX_CONNECTIONS, maxConnectionsPerAddress: e.MAX_CONNECTIONS_PER_ADDRESS ?? (trustProxy === false ? DEFAULT_CONNECTION_LIMITS.maxConnectionsPerAddress : 0),
    },
    hstsMaxAge: e.HSTS_MAX_AGE, hstsIncludeSubDomains: e.HSTS_INCLUDE_SUBDOMAINS === 'on',
    redisUrl: e.REDIS_URL ?? null, redisPrefix: e.REDIS_PREFIX,
    edgePurgeUrls: e.EDGE_PURGE_URL ? e.EDGE_PURGE_URL.split(',').map((u) => u.trim()) : [],
    edgePurgeWebhook: e.EDGE_PURGE_WEBHOOK ?? null, edgePurgeWebhookToken: e.EDGE_PURGE_WEBHOOK_TOKEN ?? null,
  };
}
