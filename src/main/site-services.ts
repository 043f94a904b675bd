/**
 * @module One place builds a site's writing services, for `dateline serve` and for every CLI command that writes
 * (import, ingest, user, wire): the storage, the event bus (Redis across processes when REDIS_URL is set, else this
 * process's own), the newsroom, the wire desk, the importer, and the edge purge. So a story a command stores is
 * announced exactly as the newsroom announces a publish, and every process's cached pages (and the edge) drop it.
 */
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { EventBus } from '../core/events/event-bus.js';
import type { WireServices } from '../core/wire/wire-desk.js';
import { createImporter, systemClock } from './app-services.js';
import { startEdgePurge } from './edge-purge.js';
import { createLogger } from './logger.js';
import { createNewsroomServices, type NewsroomServices } from './newsroom-services.js';
import { openRedisServices, type RedisServices } from './redis-services.js';
import { openStorage, type Storage, type StorageOptions } from './storage.js';
import { createWireServices } from './wire-services.js';

/** How long a command waits for Redis before its first announcement; after that it goes on and says what it means. */
export const COMMAND_REDIS_WAIT_MS = 5_000;

export interface SiteServicesOptions {
  logger: Logger;
  /**
   * `serve`: Redis connects in the background (the process serves on local events meanwhile), the edge is purged here.
   * `command`: a short-lived writer. Its first announcement waits for Redis (bounded), since a message sent before
   * the connection is up reaches no one; the edge is purged by the serving processes that hear it through Redis,
   * or, without Redis, by the command itself, which waits for those purges when it closes.
   */
  purpose: 'serve' | 'command';
  storage?: StorageOptions;
}

export interface SiteServices {
  storage: Storage;
  /** Every announcement goes out here; with Redis it reaches every process of the site. */
  events: EventBus;
  redis: RedisServices | null;
  newsroom: NewsroomServices;
  wire: WireServices;
  /** The importer for stories dated in `timeZone`, announcing each story it stores. */
  importer(timeZone: string): ReturnType<typeof createImporter>;
  /** Waits for edge purges in flight (commands), then closes Redis (its pending messages are sent first) and the storage. */
  close(): Promise<void>;
}

export async function openSiteServices(config: Config, options: SiteServicesOptions): Promise<SiteServices> {
  const { logger } = options;
  const storage = await openStorage(config.databaseUrl, options.storage ?? { poolMax: config.databasePoolMax, connectionTimeoutMs: config.databaseConnectTimeoutMs });
  // With REDIS_URL, events reach every process and login failures are counted across them.
  const redis = config.redisUrl ? openRedisServices({ url: config.redisUrl, prefix: config.redisPrefix, log: logger }) : null;
  const events = redis && options.purpose === 'command' ? waitingForRedis(redis, logger) : redis?.events;
  const newsroom = createNewsroomServices(storage, {
    clock: systemClock, mediaDir: config.mediaDir, maxUploadBytes: config.mediaMaxUploadBytes, maxPixels: config.mediaMaxPixels,
    ...(redis && events ? { events, throttle: redis.throttle } : {}),
  });
  const wire = createWireServices(storage, { clock: systemClock, events: newsroom.events });
  const edge = options.purpose === 'serve' || !redis ? startEdgePurge(config, newsroom.events, logger) : null;
  return {
    storage,
    events: newsroom.events,
    redis,
    newsroom,
    wire,
    importer: (timeZone) => createImporter(storage, timeZone, systemClock, newsroom.events),
    async close() {
      if (options.purpose === 'command') await edge?.settled();
      edge?.stop();
      await redis?.close();
      await storage.close();
    },
  };
}

/** A command's bus: the first publish waits until Redis is reachable (or COMMAND_REDIS_WAIT_MS passed). */
function waitingForRedis(redis: RedisServices, logger: Logger): EventBus {
  let ready: Promise<boolean> | null = null;
  return {
    async publish(event) {
      ready ??= redis.whenConnected(COMMAND_REDIS_WAIT_MS).then((connected) => {
        if (!connected) {
          logger.warn({ event: 'events.redis_unreachable' }, 'Redis is unreachable: other processes show these changes only when their cached pages expire');
        }
        return connected;
      });
      await ready;
      await redis.events.publish(event);
    },
    subscribe: (handler) => redis.events.subscribe(handler),
  };
}

/**
 * A command's logger: on stderr (stdout carries the command's output, e.g. its --json summary), and at `warn`
 * unless LOG_LEVEL asks otherwise, so a command prints its result, not one log line per story.
 */
export function commandLogger(config: Config, env: NodeJS.ProcessEnv = process.env): Logger {
  return createLogger(env['LOG_LEVEL'] ? config.logLevel : 'warn', { stream: 'stderr' });
}
