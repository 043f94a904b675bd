/** @module Opens an ioredis connection that never crashes the process and never queues commands while Redis is away. */
import { Redis } from 'ioredis';

/** The log calls the Redis adapters make; a pino logger fits. */
export interface RedisLog {
  debug(fields: Record<string, unknown>, message: string): void;
  info(fields: Record<string, unknown>, message: string): void;
  warn(fields: Record<string, unknown>, message: string): void;
}

export interface RedisConnectionOptions {
  /** Shown in CLIENT LIST, e.g. `events` or `commands`. */
  name: string;
  /** Longest wait between reconnect attempts (exponential back-off from 50 ms). Default 5000. */
  maxReconnectDelayMs?: number;
  /** A command without a reply after this long fails, so a half-dead socket never holds a login. Default 1000. */
  commandTimeoutMs?: number;
  onError?: (error: Error) => void;
}

export function openRedisConnection(url: string, options: RedisConnectionOptions): Redis {
  const maxDelay = options.maxReconnectDelayMs ?? 5000;
  const redis = new Redis(url, {
    connectionName: `dateline-${options.name}`,
    // While Redis is away a command fails at once and the caller falls back; nothing waits in a queue.
    enableOfflineQueue: false,
    // Commands in flight when the connection drops fail instead of being replayed minutes later.
    maxRetriesPerRequest: 0,
    // The event bus subscribes again itself, so it can tell when it is really listening again.
    autoResubscribe: false,
    commandTimeout: options.commandTimeoutMs ?? 1000,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times - 1, 20), maxDelay) + Math.floor(Math.random() * 50),
  });
  // ioredis emits 'error' on every failed attempt; without a listener Node would crash the process.
  redis.on('error', options.onError ?? (() => {}));
  return redis;
}
