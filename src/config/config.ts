/** @module Every setting of Dateline, its environment variable and default; parsed once at boot. */
import { resolve } from 'node:path';
import { z } from 'zod';
import { isPostgresUrl, isSqliteUrl, redactDatabaseUrl } from '../adapters/db/database-url.js';
import { isLocale, isTimeZone } from './intl-checks.js';
import { DEFAULT_CONNECTION_LIMITS, type ConnectionLimits } from '../adapters/http/connection-guard.js';

function isRedisUrl(url: string): boolean {
  return URL.canParse(url) && /^rediss?:$/.test(new URL(url).protocol) && new URL(url).hostname !== '';
}

function isSmtpUrl(url: string): boolean {
  return URL.canParse(url) && /^smtps?:$/.test(new URL(url).protocol) && new URL(url).hostname !== '';
}

function base64urlBytes(value: string): Buffer | null {
  return /^[A-Za-z0-9_-]+$/.test(value) ? Buffer.from(value, 'base64url') : null;
}

function isVapidPublicKey(value: string): boolean {
  const bytes = base64urlBytes(value);
  return bytes?.length === 65 && bytes[0] === 4;
}

function isVapidPrivateKey(value: string): boolean {
  return base64urlBytes(value)?.length === 32;
}

function isVapidSubject(value: string): boolean {
  return value.startsWith('mailto:') ? z.email().safeParse(value.slice('mailto:'.length)).success : URL.canParse(value) && new URL(value).protocol === 'https:';
}

/** An e-mail sender: a bare address, or `Name <address>` / `"Name" <address>` (any Unicode name; nodemailer encodes it). */
export interface MailAddress {
  name: string;
  address: string;
}

/** Parses MAIL_FROM; null when it is not an address with an optional display name. Control characters never pass (header injection). */
export function parseMailAddress(value: string): MailAddress | null {
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  const match = /^\s*(?:"((?:[^"\\]|\\.)*)"|([^<>"]*?))\s*<([^<>\s]+)>\s*$/.exec(value) ?? /^\s*()()([^<>\s"]+)\s*$/.exec(value);
  if (!match) return null;
  const address = match[3] ?? '';
  if (!z.email().safeParse(address).success) return null;
  const name = match[1] !== undefined ? match[1].replace(/\\(.)/g, '$1') : (match[2] ?? '').trim();
  return { name, address };
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
  SMTP_URL: z.string().min(1).max(2000).optional(), // checked below, where its password is redacted from the message
  MAIL_FROM: z.string().max(500).optional(), // checked below (its default names SITE_NAME and SITE_URL's host)
  MAIL_RATE_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(20),
  // on: every serving process sends the outbox and queues digests; off: a `dateline deliver` process of its own does.
  OUTBOX: z.enum(['on', 'off']).default('on'),
  // Threads that suggest topics for stories queued by an archive import, in each serving process; 0: none (run `dateline topics` instead).
  TOPIC_SUGGESTION_THREADS: z.coerce.number().int().min(0).max(64).default(1),
  // Push services on loopback or private addresses (a test push service, one inside the site's own network).
  PUSH_ALLOW_PRIVATE_ENDPOINTS: z.enum(['on', 'off']).default('off'),
  VAPID_PUBLIC_KEY: z.string().refine(isVapidPublicKey, 'not a base64url P-256 public key (65 bytes, uncompressed; `npx web-push generate-vapid-keys`)').optional(),
  VAPID_PRIVATE_KEY: z.string().refine(isVapidPrivateKey, 'not a base64url P-256 private key (32 bytes; `npx web-push generate-vapid-keys`)').optional(),
  VAPID_SUBJECT: z.string().max(500).refine(isVapidSubject, 'use mailto:ADDRESS or an https:// URL').optional(),
  READER_LINK_SECRET: z.string().min(32, 'at least 32 characters (e.g. `openssl rand -base64 48`)').max(1000).optional(),
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
  /** Where e-mail goes (smtp:// or smtps://); null: each message is written to `mailDir` as an .eml file instead. */
  smtpUrl: string | null;
  /** DATA_DIR/mail: the messages written when there is no SMTP_URL. */
  mailDir: string;
  /** The From of every e-mail (MAIL_FROM; default "SITE_NAME" <no-reply@SITE_URL's host>). */
  mailFrom: MailAddress;
  /** E-mails each process sends per second at most. */
  mailRatePerSecond: number;
  /** Whether serving processes send e-mail and push and queue digests (OUTBOX); false when `dateline deliver` runs on its own. */
  outboxInServe: boolean;
  /** Worker threads each serving process gives the topic suggestion job (TOPIC_SUGGESTION_THREADS); 0: the job runs only in `dateline topics`. */
  topicSuggestionThreads: number;
  /** Allow push endpoints on loopback and private addresses (PUSH_ALLOW_PRIVATE_ENDPOINTS). */
  pushAllowPrivateEndpoints: boolean;
  /** VAPID keys from the environment (both or neither); null: generated once and kept in the database. */
  vapidKeys: { publicKey: string; privateKey: string } | null;
  /** The VAPID contact push services may write to (mailto:ADMIN_EMAIL by default). */
  vapidSubject: string;
  /** The key of readers' signed links (unsubscribe); null: generated once and kept in the database. */
  readerLinkSecret: string | null;
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
  if (e.SMTP_URL && !isSmtpUrl(e.SMTP_URL)) {
    problems.push(`SMTP_URL=${JSON.stringify(redactDatabaseUrl(e.SMTP_URL))}: use smtp://[USER:PASSWORD@]HOST:PORT, or smtps:// for TLS from the start`);
  }
  const mailFrom = e.MAIL_FROM === undefined ? null : parseMailAddress(e.MAIL_FROM);
  if (e.MAIL_FROM !== undefined && !mailFrom) {
    problems.push(`MAIL_FROM=${JSON.stringify(e.MAIL_FROM)}: use an address, optionally with a name: "Daily News" <news@example.com>`);
  }
  if ((e.VAPID_PUBLIC_KEY === undefined) !== (e.VAPID_PRIVATE_KEY === undefined)) {
    problems.push(`${e.VAPID_PUBLIC_KEY ? 'VAPID_PRIVATE_KEY' : 'VAPID_PUBLIC_KEY'}="": set both VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY, or neither (Dateline then makes a pair once and keeps it)`);
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
    smtpUrl: e.SMTP_URL ?? null, mailDir: resolve(dataDir, 'mail'),
    mailFrom: mailFrom ?? { name: e.SITE_NAME, address: `no-reply@${new URL(siteUrl).hostname}` },
    mailRatePerSecond: e.MAIL_RATE_PER_SECOND, outboxInServe: e.OUTBOX === 'on', topicSuggestionThreads: e.TOPIC_SUGGESTION_THREADS,
    pushAllowPrivateEndpoints: e.PUSH_ALLOW_PRIVATE_ENDPOINTS === 'on',
    vapidKeys: e.VAPID_PUBLIC_KEY && e.VAPID_PRIVATE_KEY ? { publicKey: e.VAPID_PUBLIC_KEY, privateKey: e.VAPID_PRIVATE_KEY } : null,
    vapidSubject: e.VAPID_SUBJECT ?? `mailto:${e.ADMIN_EMAIL}`,
    readerLinkSecret: e.READER_LINK_SECRET ?? null,
  };
}
