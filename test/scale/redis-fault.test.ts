/** Two Dateline processes on a private redis-server that is killed and restarted: they keep serving, then resync. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent, ArticleChangedEvent } from '../../src/core/events/event-bus.js';
import type { HttpDeps } from '../../src/adapters/http/http-deps.js';
import { makePage } from '../../src/adapters/http/page-cache.js';
import { createHttpDeps, systemClock } from '../../src/main/app-services.js';
import { createNewsroomServices } from '../../src/main/newsroom-services.js';
import { openRedisServices, shortenPageLifetimeWhileDown, type RedisServices } from '../../src/main/redis-services.js';
import { openStorage, type Storage } from '../../src/main/storage.js';
import { redisServerMissingReason, startPrivateRedis, type PrivateRedis } from '../support/redis-test-server.js';
import { waitUntil } from '../support/wait-until.js';

const story = (slug: string): ArticleChangedEvent => ({ type: 'story.updated', articleId: `id-${slug}`, slug, tags: [`article:${slug}`] });
const page = (slug: string) => makePage({ contentType: 'text/html', body: `<h1>${slug}</h1>`, tags: [`article:${slug}`] });
const plainHasher = { hash: async (p: string) => `plain:${p}`, verify: async (h: string, p: string) => h === `plain:${p}` };

interface Process {
  redis: RedisServices;
  deps: HttpDeps;
  heard: DomainEvent[];
  logged: string[];
  close(): Promise<void>;
}

/** What serve() builds, minus the HTTP listener: storage, Redis services, newsroom on the Redis bus, the page cache. */
async function startProcess(url: string): Promise<Process> {
  const storage: Storage = await openStorage('sqlite::memory:');
  const mediaDir = mkdtempSync(join(tmpdir(), 'dateline-fault-'));
  const logged: string[] = [];
  const record = (fields: Record<string, unknown>) => { logged.push(String(fields['event'])); };
  const redis = openRedisServices({ url, prefix: 'fault', log: { debug: record, info: record, warn: record }, maxReconnectDelayMs: 100 });
  const newsroom = createNewsroomServices(storage, {
    clock: systemClock, mediaDir, maxUploadBytes: 1_000_000, maxPixels: 1_000_000, hasher: plainHasher, events: redis.events, throttle: redis.throttle,
  });
  const deps = createHttpDeps(storage, {
    newsroom, pageCache: { enabled: true, maxEntries: 100 },
    settings: { siteName: 'Fault', siteDescription: 'Fault test', siteUrl: 'http://fault.test', timeZone: 'UTC', locale: 'en-GB' },
  });
  shortenPageLifetimeWhileDown(redis.events, deps.pageCache);
  const heard: DomainEvent[] = [];
  redis.events.subscribe((event) => heard.push(event));
  return {
    redis, deps, heard, logged,
    close: async () => {
      await redis.close();
      await storage.close();
      rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}

const skip = redisServerMissingReason();

describe.skipIf(skip !== null)(`Redis going away and coming back${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 30_000 }, () => {
  let server: PrivateRedis;
  let a: Process;
  let b: Process;
  beforeAll(async () => {
    server = await startPrivateRedis();
    [a, b] = await Promise.all([startProcess(server.url), startProcess(server.url)]);
    await waitUntil(() => a.redis.events.isConnected() && b.redis.events.isConnected(), 'both processes to connect');
  });
  afterAll(async () => {
    await Promise.all([a?.close(), b?.close()]);
    await server?.kill();
  });

  it('carries a change from one process into the other\'s page cache while Redis is up', async () => {
    b.deps.pageCache.set('/x', page('x'));
    b.deps.pageCache.set('/y', page('y'));
    await a.redis.events.publish(story('x'));
    await waitUntil(() => b.deps.pageCache.get('/x') === null, 'b to drop the page a changed');
    expect(b.deps.pageCache.get('/y')).not.toBeNull();
  });

  it('keeps publishing locally when Redis dies, logs the outage once, and keeps pages briefly', async () => {
    await server.kill();
    await waitUntil(() => !a.redis.events.isConnected() && !b.redis.events.isConnected(), 'both processes to notice Redis is gone');
    a.deps.pageCache.set('/z', page('z'));
    await expect(a.redis.events.publish(story('z'))).resolves.toBeUndefined();
    expect(a.heard.at(-1)).toEqual(story('z'));
    expect(a.deps.pageCache.get('/z')).toBeNull(); // this process's own change drops its page at once
    // Login throttling carries on in memory.
    await expect(a.redis.throttle.recordFailure(['account:fault@example.test'])).resolves.toBeUndefined();
    await expect(a.redis.throttle.retryAfter(['account:fault@example.test'])).resolves.toBe(0);
    // /y was cached for 60 s before the outage; now no page outlives the short lifetime.
    await waitUntil(() => b.deps.pageCache.get('/y') === null, 'b\'s page cached before the outage to expire under the short lifetime');
    await waitUntil(() => b.logged.filter((e) => e === 'redis.error').length >= 6, 'several failed reconnect attempts');
    expect(a.logged.filter((e) => e === 'events.redis_down')).toHaveLength(1);
    expect(b.logged.filter((e) => e === 'events.redis_down')).toHaveLength(1);
  });

  it('reconnects when Redis is back, drops every cached page once, and carries changes across again', async () => {
    b.deps.pageCache.set('/w', page('w')); // stale by now: b may have missed events while Redis was away
    const resyncsBefore = b.heard.filter((e) => e.type === 'cache.resync').length;
    await server.start();
    await waitUntil(() => a.redis.events.isConnected() && b.redis.events.isConnected(), 'both processes to reconnect');
    expect(b.heard.filter((e) => e.type === 'cache.resync').length).toBeGreaterThan(resyncsBefore);
    expect(b.deps.pageCache.size()).toBe(0); // cleared, not merely expired (size counts expired entries until touched)
    expect(a.logged.filter((e) => e === 'events.redis_up')).toHaveLength(1);
    b.deps.pageCache.set('/v', page('v'));
    await a.redis.events.publish(story('v'));
    await waitUntil(() => b.heard.some((e) => e.type === 'story.updated' && e.slug === 'v'), 'b to hear a\'s change after the restart');
    expect(b.deps.pageCache.get('/v')).toBeNull();
  });
});
