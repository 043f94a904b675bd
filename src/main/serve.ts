/** @module `dateline serve`: migrate, seed demo content when empty, and serve the site. */
import type { Config } from '../config/config.js';
import { buildApp } from '../adapters/http/build-app.js';
import { createHttpDeps, systemClock } from './app-services.js';
import { seedDemoContent } from './demo-content.js';
import { createNewsroomServices, startScheduler } from './newsroom-services.js';
import { startEdgePurge } from './edge-purge.js';
import { createLogger } from './logger.js';
import { openRedisServices, shortenPageLifetimeWhileDown } from './redis-services.js';
import { openStorage } from './storage.js';
import { createWireServices, startFeedPolling } from './wire-services.js';

export async function serve(config: Config): Promise<{ url: string; close: () => Promise<void> }> {
  const logger = createLogger(config.logLevel);
  const storage = await openStorage(config.databaseUrl, { poolMax: config.databasePoolMax, connectionTimeoutMs: config.databaseConnectTimeoutMs });
  if (config.demoContent) {
    const seeded = await seedDemoContent(storage, config.timeZone, systemClock.now());
    if (seeded) logger.info({ event: 'demo.seeded', imported: seeded.imported, failed: seeded.failed }, 'demo content imported');
  }
  // With REDIS_URL, events reach every process and login failures are counted across them.
  const redis = config.redisUrl ? openRedisServices({ url: config.redisUrl, prefix: config.redisPrefix, log: logger }) : null;
  const newsroom = createNewsroomServices(storage, {
    clock: systemClock, mediaDir: config.mediaDir, maxUploadBytes: config.mediaMaxUploadBytes, maxPixels: config.mediaMaxPixels,
    ...(redis ? { events: redis.events, throttle: redis.throttle } : {}),
  });
  const firstAdmin = await newsroom.auth.ensureFirstAdmin(config.adminEmail);
  if (firstAdmin) {
    // Printed once, on the console only (never logged to files): the first admin's one-time password.
    process.stdout.write(`\nFirst run: newsroom admin created.\n  sign in at ${config.siteUrl}/newsroom/login\n  email:    ${firstAdmin.email}\n  password: ${firstAdmin.password}\n  (change it with: dateline user reset-password --email ${firstAdmin.email} --password-stdin)\n\n`);
  }
  const stopScheduler = startScheduler(newsroom,
    (published) => logger.info({ event: 'story.scheduled_published', slugs: published }, 'scheduled stories published'),
    (error) => logger.error({ err: error, event: 'scheduler.failed' }, 'scheduled publishing failed'));
  const wire = createWireServices(storage, { clock: systemClock });
  const stopPoller = startFeedPolling(wire, logger);
  const deps = createHttpDeps(storage, {
    newsroom,
    wire,
    settings: { siteName: config.siteName, siteDescription: config.siteDescription, siteUrl: config.siteUrl, timeZone: config.timeZone, locale: config.locale },
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
