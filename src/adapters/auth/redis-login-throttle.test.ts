/** The Redis login throttle: counts shared by processes, the fixed window, and the memory fallback when Redis is away. */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { redisUnavailableReason, TEST_REDIS_URL } from '../../../test/support/redis-test-server.js';
import { waitUntil } from '../../../test/support/wait-until.js';
import { openRedisConnection } from '../redis/redis-connection.js';
import { DEFAULT_THROTTLE_LIMITS } from './memory-login-throttle.js';
import { createRedisLoginThrottle } from './redis-login-throttle.js';

const skip = await redisUnavailableReason();
const connections: Redis[] = [];
afterEach(() => {
  for (const c of connections.splice(0)) c.disconnect();
});

async function connected(url = TEST_REDIS_URL): Promise<Redis> {
  const redis = openRedisConnection(url, { name: 'test-throttle' });
  connections.push(redis);
  await waitUntil(() => redis.status === 'ready', 'the throttle connection to be ready');
  return redis;
}

describe.skipIf(skip !== null)('Redis login throttle', () => {
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

  it('opens the window with the first failure and forgets the count when it ends', async () => {
    const prefix = `test-${randomUUID()}:throttle:`;
    const limits = { maxFailures: { account: 2 }, windowMs: 1000 };
    const redis = await connected();
    const throttle = createRedisLoginThrottle({ redis, prefix, limits, nowMs: () => performance.now() });
    await throttle.recordFailure(['account:bo@example.test']);
    const ttlAfterFirst = await redis.pttl(`${prefix}account:bo@example.test`);
    await throttle.recordFailure(['account:bo@example.test']);
    expect(await redis.pttl(`${prefix}account:bo@example.test`)).toBeLessThanOrEqual(ttlAfterFirst); // the second did not extend it
    expect(await throttle.retryAfter(['account:bo@example.test'])).toBe(1); // ceil of under a second
    await waitUntil(async () => (await redis.exists(`${prefix}account:bo@example.test`)) === 0, 'the window key to expire in Redis');
    // The local mirror has the same window; it ends on the same monotonic clock.
    await waitUntil(async () => (await throttle.retryAfter(['account:bo@example.test'])) === 0, 'the throttle to let the account try again');
  });
});

describe('Redis login throttle with Redis unreachable', () => {
  it('counts in memory instead, never failing a sign-in, and says so', async () => {
    const redis = openRedisConnection('redis://127.0.0.1:1', { name: 'test-throttle', maxReconnectDelayMs: 1000 });
    connections.push(redis);
    const fallbacks: unknown[] = [];
    const throttle = createRedisLoginThrottle({ redis, prefix: 'unused:', nowMs: () => performance.now(), onFallback: (e) => fallbacks.push(e) });
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
});
