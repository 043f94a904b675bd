/** @module LoginThrottle in this process's memory: failures per key in a fixed window (Redis takes over across processes). */
import type { LoginThrottle } from '../../core/staff/staff-stores.js';

export interface ThrottleLimits {
  /** Failures allowed per key prefix (e.g. `account`, `ip`) within the window. */
  maxFailures: Record<string, number>;
  windowMs: number;
}

/** Push subscription writes allowed per IP in the window: a reader following and unfollowing all afternoon stays far below. */
export const PUSH_WRITES_PER_WINDOW = 60;

/**
 * Every throttled key prefix and its limit, the one definition both throttles use (memory and Redis): sign-in failures
 * per `account` and `ip`, and the reader site's push subscription writes per `push-ip`.
 */
export const DEFAULT_THROTTLE_LIMITS: ThrottleLimits = { maxFailures: { account: 5, ip: 30, 'push-ip': PUSH_WRITES_PER_WINDOW }, windowMs: 15 * 60_000 };

export function createMemoryLoginThrottle(nowMs: () => number, limits: ThrottleLimits = DEFAULT_THROTTLE_LIMITS): LoginThrottle {
  const failures = new Map<string, { count: number; windowStart: number }>();

  function current(key: string): { count: number; windowStart: number } | null {
    const entry = failures.get(key);
    if (!entry) return null;
    if (nowMs() - entry.windowStart >= limits.windowMs) {
      failures.delete(key);
      return null;
    }
    return entry;
  }

  return {
    async retryAfter(keys) {
      let wait = 0;
      for (const key of keys) {
        const entry = current(key);
        const max = limits.maxFailures[key.split(':')[0] ?? ''] ?? 10;
        if (entry && entry.count >= max) wait = Math.max(wait, Math.ceil((entry.windowStart + limits.windowMs - nowMs()) / 1000));
      }
      return wait;
    },
    async recordFailure(keys) {
      if (failures.size > 100_000) failures.clear(); // bounded memory under a spray of addresses
      for (const key of keys) {
        const entry = current(key);
        if (entry) entry.count++;
        else failures.set(key, { count: 1, windowStart: nowMs() });
      }
    },
    async reset(key) {
      failures.delete(key);
    },
  };
}
