/**
 * The server settings every scenario's Dateline gets: the connection limits as a deployment behind an edge would
 * set them. Only keys the configuration knows are passed (src/config/config.ts), so the harness runs on versions
 * with and without them; RELIABILITY_ENV_<KEY>=value overrides or adds one.
 */
import { envSchema } from '../src/config/config.js';

/**
 * A server reached directly by readers keeps the defaults: 256 connections per address, 10,000 in all, 10 s for
 * headers. (Behind Varnish or a CDN every request comes from the edge's few addresses: there the per-address cap
 * must be raised or TRUST_PROXY set; see README's deployment section.) Empty here means "the defaults".
 */
const DEPLOYMENT: Record<string, string> = {};

/** Node's own behaviour, no caps: the comparison row that shows what the limits buy. */
const LIMITS_OFF: Record<string, string> = {
  MAX_CONNECTIONS: '0', MAX_CONNECTIONS_PER_ADDRESS: '0', HEADERS_TIMEOUT_MS: '60000', REQUEST_TIMEOUT_MS: '300000', KEEP_ALIVE_TIMEOUT_MS: '5000', MAX_REQUESTS_PER_SOCKET: '0',
};

const known = new Set(Object.keys(envSchema.shape));

/** The connection settings that turn the limits off, as far as this version has them (empty: it has none). */
export function limitsOffEnv(): Record<string, string> {
  return Object.fromEntries(Object.entries(LIMITS_OFF).filter(([key]) => known.has(key)));
}

export function serverEnvOf(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const chosen: Record<string, string> = Object.fromEntries(Object.entries(DEPLOYMENT).filter(([key]) => known.has(key)));
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('RELIABILITY_ENV_') && value !== undefined) chosen[key.slice('RELIABILITY_ENV_'.length)] = value;
  }
  return chosen;
}
