/** @module Scale-out over Redis (REDIS_URL): the cross-process event bus and shared login throttle, their connections and their close. */
import type { Redis } from 'ioredis';
import type { LoginThrottle } from '../core/staff/staff-stores.js';
import { createRedisLoginThrottle } from '../adapters/auth/redis-login-throttle.js';
import { createRedisEventBus, type RedisEventBus } from '../adapters/events/redis-event-bus.js';
import { openRedisConnection, type RedisLog } from '../adapters/redis/redis-connection.js';
import { createRedisReadCounts } from '../adapters/redis/redis-read-counts.js';
import type { ReadCounts } from '../core/most-read/most-read.js';

export interface RedisServicesOptions {
  url: string;
  /** Namespace of every channel and key (REDIS_PREFIX), so sites can share one Redis. */
  prefix: string;
  log: RedisLog;
  /** Longest wait between reconnect attempts; tests shorten it. Default 5000. */
  maxReconnectDelayMs?: number;
}

export interface RedisServices {
  events: RedisEventBus;
  throttle: LoginThrottle;
  /** Reads of story pages per edition and hour, added up across processes (most read). */
  readCounts: ReadCounts;
  /** Resolves true once the bus reaches the other processes, false if it still does not after `timeoutMs`. */
  whenConnected(timeoutMs: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Starts connecting and returns at once: a process serves (on local events) while Redis is still away. */
export function openRedisServices(options: RedisServicesOptions): RedisServices {
  const { url, prefix, log } = options;
  const onError = (error: Error) => log.debug({ event: 'redis.error', err: error }, 'Redis connection error');
  const connection = (name: string) => openRedisConnection(url, { name, onError, ...(options.maxReconnectDelayMs ? { maxReconnectDelayMs: options.maxReconnectDelayMs } : {}) });
  const commands = connection('commands');
  const subscriber = connection('events');
  const events = createRedisEventBus({ publisher: commands, subscriber, channel: `${prefix}:events`, log });
  const throttle = createRedisLoginThrottle({
    redis: commands, prefix: `${prefix}:throttle:`, nowMs: () => performance.now(),
    onFallback: (error) => log.debug({ event: 'auth.throttle_fallback', err: error }, 'login throttle counted in memory: Redis failed'),
  });
  return {
    events,
    throttle,
    readCounts: createRedisReadCounts({ redis: commands, prefix: `${prefix}:reads:` }),
    whenConnected: (timeoutMs) => whenConnected(events, timeoutMs),
    async close() {
      events.detach();
      await Promise.all([commands, subscriber].map(quit));
    },
  };
}

function whenConnected(bus: RedisEventBus, timeoutMs: number): Promise<boolean> {
  if (bus.isConnected()) return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (connected: boolean) => {
      clearTimeout(timer);
      stop();
      resolve(connected);
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    const stop = bus.onStateChange((connected) => { if (connected) done(true); });
  });
}

async function quit(redis: Redis): Promise<void> {
  try {
    await redis.quit();
  } catch {
    redis.disconnect(); // not connected: just stop reconnecting
  }
}

/** While the bus cannot reach other processes, cached pages live at most `ttlMs`: their changes cannot drop them here. */
export function shortenPageLifetimeWhileDown(bus: RedisEventBus, cache: { capTtlMs(cap: number | null): void }, ttlMs = 2000): () => void {
  const apply = (connected: boolean) => cache.capTtlMs(connected ? null : ttlMs);
  apply(bus.isConnected());
  return bus.onStateChange(apply);
}
