/** @module `dateline serve`: migrate, seed demo content when empty, and serve the site. */
import type { Config } from '../config/config.js';
import { buildApp } from '../adapters/http/build-app.js';
import { createHttpDeps, systemClock } from './app-services.js';
import { firstAdminNotice, seedSite } from './prepare-database.js';
import { createNewsroomServices, startScheduler } from './newsroom-services.js';
import { startEdgePurge } from './edge-purge.js';
import { createLogger } from './logger.js';
import { openRedisServices, shortenPageLifetimeWhileDown } from './redis-services.js';
import { openStorage } from './storage.js';
import { createWireServices, startFeedPolling } from './wire-services.js';

export async function serve(config: Config): Promise<{ url: string; close: () => Promise<void> }> {
  const logger = createLogger(config.logLevel);
  const storage = await openStorage(config.databaseUrl, { poolMax: config.databasePoolMax, connectionTimeoutMs: config.databaseConnectTimeoutMs });
  // With REDIS_URL, events reach every process and login failures are counted across them.
  const redis = config.redisUrl ? openRedisServices({ url: config.redisUrl, prefix: config.redisPrefix, log: logger }) : null;
  const newsroom = createNewsroomServices(storage, {
    clock: systemClock, mediaDir: config.mediaDir, maxUploadBytes: config.mediaMaxUploadBytes, maxPixels: config.mediaMaxPixels,
    ...(redis ? { events: redis.events, throttle: redis.throttle } : {}),
  });
  // Opening the storage migrated it; seed it and create the first admin (the primary of `serve --workers` did so already).
  const firstAdmin = await seedSite(storage, config, newsroom.auth, logger);
  if (firstAdmin) process.stdout.write(firstAdminNotice(config.siteUrl, firstAdmin));
  const stopScheduler = startScheduler(newsroom,
    (published) => logger.info({ event: 'story.scheduled_published', slugs: published }, 'scheduled stories published'),
    (error) => logger.error({ err: error, event: 'scheduler.failed' }, 'scheduled publishing failed'));
  const wire = createWireServices(storage, { clock: systemClock, events: newsroom.events });
  const stopPoller = startFeedPolling(wire, logger);
  const deps = createHttpDeps(storage, {
    newsroom,
    wire,
    // The environment's values, overridden by what an admin saved in the newsroom.
    settings: { siteName: config.siteName, siteDescription: config.siteDescription, siteUrl: config.siteUrl, timeZone: config.timeZone, locale: config.locale, ...(await storage.settings.load()) },
    pageCache: { enabled: config.pageCache, maxEntries: config.pageCacheMaxEntries },
    logger,
  });
  if (redis) shortenPageLifetimeWhileDown(redis.events, deps.pageCache);
  startEdgePurge(config, newsroom.events, logger);
  const app = buildApp(deps, { trustProxy: config.trustProxy });
  await app.listen({ port: config.port, host: config.host });
  const close = async () => {
    stopScheduler();
    stopPoller();
    await app.close();
    await redis?.close();
    await storage.close();
  };
  return { url: config.siteUrl, close };
}
