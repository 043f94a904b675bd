/**
 * The Redis login throttle: counts shared by processes, the fixed window, and the memory fallback when Redis is away.
 * No test waits for a window to end: the process's clock is moved by hand, and Redis's window is ended by setting
 * the key's time to live, the one clock Redis keeps for every process.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { redisUnavailableReason, TEST_REDIS_URL } from '../../../test/support/redis-test-server.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { openRedisConnection } from '../redis/redis-connection.js';
import { createMemoryLoginThrottle, DEFAULT_THROTTLE_LIMITS, PUSH_WRITES_PER_WINDOW } from './memory-login-throttle.js';
import { createRedisLoginThrottle } from './redis-login-throttle.js';

const skip = await redisUnavailableReason();
const connections: Redis[] = [];
afterEach(() => {
  for (const c of connections.splice(0)) c.disconnect();
});

/** This process's clock, moved by the test: the local mirror's window ends without waiting for it. */
function manualClock(): { nowMs: () => number; advance(ms: number): void } {
  let now = 1_000_000;
  return { nowMs: () => now, advance: (ms) => { now += ms; } };
}

async function connected(url = TEST_REDIS_URL): Promise<Redis> {
  const redis = openRedisConnection(url, { name: 'test-throttle' });
  connections.push(redis);
  await waitUntil(() => redis.status === 'ready', 'the throttle connection to be ready');
  return redis;
}

describe.skipIf(skip !== null)(`Redis login throttle${skip ? ` (skipped: ${skip})` : ''}`, () => {
  it('shares counts between processes: five failures on one lock the account on the other', async () => {
    const prefix = `test-${randomUUID()}:throttle:`;
    const one = createRedisLoginThrottle({ redis: await connected(), prefix, nowMs: () => performance.now() });
    const two = createRedisLoginThrottle({ redis: await connected(), prefix, nowMs: () => performance.now() });
    const keys = ['account:ana@example.test', 'ip:192.0.2.7'];
    for (let i = 0; i < 4; i++) await (i % 2 ? one : two).recordFailure(keys);
    expect(await two.retryAfter(keys)).toBe(0);
    await one.recordFailure(keys);
    const wait = await two.retryAfter(keys);
    expect(wait).toBeGreaterThan(DEFAULT_THROTTLE_LIMITS.windowMs / 1000 - 5);
    expect(wait).toBeLessThanOrEqual(DEFAULT_THROTTLE_LIMITS.windowMs / 1000);
    expect(await one.retryAfter(['ip:192.0.2.7'])).toBe(0); // 5 of 30 for the address
    await two.reset('account:ana@example.test');
    expect(await one.retryAfter(keys)).toBe(0);
  });

  it('opens the window with the first failure, does not extend it, and forgets the count when it ends', async () => {
    const prefix = `test-${randomUUID()}:throttle:`;
    const key = 'account:bo@example.test';
    const limits = { maxFailures: { account: 2 }, windowMs: 60_000 };
    const redis = await connected();
    const clock = manualClock();
    const throttle = createRedisLoginThrottle({ redis, prefix, limits, nowMs: clock.nowMs });
    await throttle.recordFailure([key]);
    expect(await redis.pttl(prefix + key)).toBeGreaterThan(limits.windowMs - 5_000);
    expect(await redis.pttl(prefix + key)).toBeLessThanOrEqual(limits.windowMs);

    // Half the window later, on both clocks: Redis's (the key's time to live) and this process's.
    await redis.pexpire(prefix + key, limits.windowMs / 2);
    clock.advance(limits.windowMs / 2);
    await throttle.recordFailure([key]);
    expect(await redis.get(prefix + key)).toBe('2');
    expect(await redis.pttl(prefix + key)).toBeLessThanOrEqual(limits.windowMs / 2); // the second failure did not extend it
    expect(await throttle.retryAfter([key])).toBe(limits.windowMs / 2 / 1000);

    // Redis's window ends (its time to live runs out, here at once): this process's own count still holds until
    // its window ends too, as after a Redis that restarted empty.
    await redis.pexpire(prefix + key, 0);
    expect(await redis.exists(prefix + key)).toBe(0);
    expect(await throttle.retryAfter([key])).toBe(limits.windowMs / 2 / 1000);
    clock.advance(limits.windowMs / 2 - 1);
    expect(await throttle.retryAfter([key])).toBe(1);
    clock.advance(1);
    expect(await throttle.retryAfter([key])).toBe(0);

    // The next failure opens a new window of its own, in Redis and in this process (seen once Redis restarts empty).
    await throttle.recordFailure([key]);
    expect(await redis.get(prefix + key)).toBe('1');
    expect(await redis.pttl(prefix + key)).toBeGreaterThan(limits.windowMs - 5_000);
    expect(await throttle.retryAfter([key])).toBe(0);
    await redis.del(prefix + key);
    await throttle.recordFailure([key]);
    expect(await throttle.retryAfter([key])).toBe(limits.windowMs / 1000);
  });
});

describe('Redis login throttle with Redis unreachable', () => {
  it('counts in memory instead, never failing a sign-in, and says so', async () => {
    const redis = openRedisConnection('redis://127.0.0.1:1', { name: 'test-throttle', maxReconnectDelayMs: 1000 });
    connections.push(redis);
    const fallbacks: unknown[] = [];
    const throttle = createRedisLoginThrottle({ redis, prefix: 'unused:', nowMs: manualClock().nowMs, onFallback: (e) => fallbacks.push(e) });
    const keys = ['account:cy@example.test'];
    for (let i = 0; i < 5; i++) {
      expect(await throttle.retryAfter(keys)).toBe(0);
      await throttle.recordFailure(keys);
    }
    expect(await throttle.retryAfter(keys)).toBeGreaterThan(0);
    await throttle.reset('account:cy@example.test');
    expect(await throttle.retryAfter(keys)).toBe(0);
    expect(fallbacks.length).toBeGreaterThanOrEqual(12);
  });
  it('allows the reader site 60 push subscription writes per address, as the memory throttle does, not the fallback 10', async () => {
    const prefix = `test-${randomUUID()}:throttle:`;
    const throttle = createRedisLoginThrottle({ redis: await connected(), prefix, nowMs: () => performance.now() });
    const memory = createMemoryLoginThrottle(() => performance.now());
    const key = 'push-ip:198.51.100.4';
    for (let i = 0; i < PUSH_WRITES_PER_WINDOW - 1; i++) {
      await throttle.recordFailure([key]);
      await memory.recordFailure([key]);
    }
    expect(await throttle.retryAfter([key])).toBe(0);
    expect(await memory.retryAfter([key])).toBe(0);
    await throttle.recordFailure([key]);
    await memory.recordFailure([key]);
    expect(await throttle.retryAfter([key])).toBeGreaterThan(0);
    expect(await memory.retryAfter([key])).toBeGreaterThan(0);
  });
});
