/** @module `dateline serve`: migrate, seed demo content when empty, and serve the site. */
import type { Config } from '../config/config.js';
import { buildApp } from '../adapters/http/build-app.js';
import { firstAdminNotice, seedSite } from './prepare-database.js';
import { startScheduler } from './newsroom-services.js';
import { createLogger } from './logger.js';
import { shortenPageLifetimeWhileDown } from './redis-services.js';
import { openSiteServices } from './site-services.js';
import { startFeedPolling } from './wire-services.js';
import { startReadFlush } from './most-read-services.js';
import { createHttpDeps, loadSiteSettings } from './app-services.js';
import { startOutbox } from './outbox-process.js';
import { startTopicSuggestions } from './topic-suggestion-services.js';

export async function serve(config: Config): Promise<{ url: string; close: () => Promise<void> }> {
  const logger = createLogger(config.logLevel);
  // The same services every writing CLI command builds (site-services.ts); with REDIS_URL, events reach every process.
  const site = await openSiteServices(config, {
    logger, purpose: 'serve', storage: { poolMax: config.databasePoolMax, connectionTimeoutMs: config.databaseConnectTimeoutMs },
  });
  const { storage, redis, newsroom, wire } = site;
  // Opening the storage migrated it; seed it and create the first admin (the primary of `serve --workers` did so already).
  const firstAdmin = await seedSite(storage, config, newsroom.auth, logger);
  if (firstAdmin) process.stdout.write(firstAdminNotice(config.siteUrl, firstAdmin));
  const stopScheduler = startScheduler(newsroom,
    (published) => logger.info({ event: 'story.scheduled_published', slugs: published }, 'scheduled stories published'),
    (error) => logger.error({ err: error, event: 'scheduler.failed' }, 'scheduled publishing failed'));
  const stopPoller = startFeedPolling(wire, logger);
  const deps = createHttpDeps(storage, {
    newsroom,
    wire,
    settings: await loadSiteSettings(config, storage),
    pageCache: { enabled: config.pageCache, maxEntries: config.pageCacheMaxEntries },
    mostRead: { counting: config.mostRead, ...(redis ? { counts: redis.readCounts } : {}) },
    logger,
    ...(redis ? { readerThrottle: redis.throttle } : {}),
  });
  // Sign-in mail, digests, newsletters and alerts; every process sends the outbox unless OUTBOX=off (then `dateline deliver` does).
  const outbox = await startOutbox(storage, deps, config, logger, { send: config.outboxInServe, ...(redis ? { throttle: redis.throttle } : {}) });
  // An imported archive's stories gain suggested topics in the background, on threads at the lowest priority.
  const topics = config.topicSuggestionThreads > 0
    ? startTopicSuggestions({ queue: storage.topicSuggestions, threads: config.topicSuggestionThreads, niceness: 19, events: site.events, logger })
    : null;
  const stopReadFlush = deps.mostRead?.counter ? startReadFlush(deps.mostRead, logger) : null;
  if (redis) shortenPageLifetimeWhileDown(redis.events, deps.pageCache);
  const app = buildApp(deps, {
    trustProxy: config.trustProxy, connectionLimits: config.connectionLimits,
    hsts: { maxAge: config.hstsMaxAge, includeSubDomains: config.hstsIncludeSubDomains },
  });
  await app.listen({ port: config.port, host: config.host });
  const close = async () => {
    stopScheduler();
    stopPoller();
    // No new topic batch from here; the one in progress commits (or is left to its lease) before the database closes.
    const topicsStopped = topics?.stop();
    // No new claims from here; sends in flight finish and are marked sent before the database closes, so a restart never sends them again.
    const outboxStopped = outbox.stop();
    await app.close();
    await outboxStopped;
    await topicsStopped;
    // The reads counted since the last round are not lost with the process.
    stopReadFlush?.();
    await deps.mostRead?.flush().catch((err: unknown) => logger.warn({ err, event: 'most_read.flush_failed' }, 'reads could not be stored'));
    await site.close();
  };
  return { url: config.siteUrl, close };
}
