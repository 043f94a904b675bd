/** @module LoginThrottle in Redis: failures per key counted by every process (INCR + PEXPIRE, fixed window), memory when Redis fails. */
import type { Redis } from 'ioredis';
import type { LoginThrottle } from '../../core/staff/staff-stores.js';
import { createMemoryLoginThrottle, DEFAULT_THROTTLE_LIMITS, type ThrottleLimits } from './memory-login-throttle.js';

export interface RedisLoginThrottleOptions {
  /** A command connection without an offline queue, so a command fails at once while Redis is away. */
  redis: Redis;
  /** Key prefix, e.g. `dateline:throttle:`. */
  prefix: string;
  limits?: ThrottleLimits;
  nowMs: () => number;
  /** Redis failed and the memory counts answered instead. */
  onFallback?: (error: unknown) => void;
}

/** INCR, and PEXPIRE when that opened the window; one script, so a crash never leaves a count without expiry. */
const RECORD_FAILURES = `for _, key in ipairs(KEYS) do
  if redis.call('INCR', key) == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
end`;

export function createRedisLoginThrottle(options: RedisLoginThrottleOptions): LoginThrottle {
  const { redis, prefix } = options;
  const limits = options.limits ?? DEFAULT_THROTTLE_LIMITS;
  // Every failure is counted here too, so an outage starts from this process's recent failures, not from zero.
  const local = createMemoryLoginThrottle(options.nowMs, limits);
  const fallback = (error: unknown) => options.onFallback?.(error);
  const maxFor = (key: string) => limits.maxFailures[key.split(':')[0] ?? ''] ?? 10;

  async function redisRetryAfter(keys: string[]): Promise<number> {
    const pipeline = redis.pipeline();
    for (const key of keys) pipeline.get(prefix + key).pttl(prefix + key);
    const replies = await pipeline.exec();
    if (!replies) throw new Error('throttle pipeline returned nothing');
    let wait = 0;
    keys.forEach((key, i) => {
      const [countError, count] = replies[2 * i] ?? [];
      const [ttlError, ttl] = replies[2 * i + 1] ?? [];
      if (countError || ttlError) throw countError ?? ttlError;
      // A key without expiry (pttl -1) cannot come from recordFailure; treat it as a full window.
      const leftMs = typeof ttl === 'number' && ttl > 0 ? ttl : limits.windowMs;
      if (Number(count ?? 0) >= maxFor(key)) wait = Math.max(wait, Math.ceil(leftMs / 1000));
    });
    return wait;
  }

  return {
    async retryAfter(keys) {
      try {
        // Redis may have restarted empty; this process's own counts still stand.
        return Math.max(await redisRetryAfter(keys), await local.retryAfter(keys));
      } catch (error) {
        fallback(error);
        return local.retryAfter(keys);
      }
    },
    async recordFailure(keys) {
      await local.recordFailure(keys);
      try {
        await redis.eval(RECORD_FAILURES, keys.length, ...keys.map((key) => prefix + key), limits.windowMs);
      } catch (error) {
        fallback(error);
      }
    },
    async reset(key) {
      await local.reset(key);
      try {
        await redis.del(prefix + key);
      } catch (error) {
        fallback(error);
      }
    },
  };
}
