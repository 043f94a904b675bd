/**
 * @module `dateline deliver`: sends the outbox's e-mail and push and queues digests and scheduled newsletters, in a
 * process of its own (with OUTBOX=off on the serving processes), until SIGINT/SIGTERM; stops after the sends in flight.
 */
import { loadConfig } from '../config/config.js';
import { redactDatabaseUrl } from '../adapters/db/database-url.js';
import { createHttpDeps, loadSiteSettings } from '../main/app-services.js';
import { createLogger } from '../main/logger.js';
import { startOutbox } from '../main/outbox-process.js';
import { openSiteServices } from '../main/site-services.js';
import { untilStopSignal } from './stop-signal.js';
import { UsageError } from './usage-error.js';

export async function deliverCommand(args: string[] = []): Promise<number> {
  if (args.length > 0) throw new UsageError(`deliver takes no arguments, got ${JSON.stringify(args.join(' '))}`);
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const site = await openSiteServices(config, { logger, purpose: 'command' });
  const { storage, redis } = site;
  // The renderers read the site's name, address and editions as the pages do; no page is served from this process.
  const deps = createHttpDeps(storage, {
    settings: await loadSiteSettings(config, storage),
    pageCache: { enabled: false, maxEntries: 0 }, mostRead: { counting: false }, logger,
  });
  await deps.reloadEditions();
  const outbox = await startOutbox(storage, deps, config, logger, { send: true, ...(redis ? { throttle: redis.throttle } : {}) });
  console.log(`Dateline is delivering the outbox of ${redactDatabaseUrl(config.databaseUrl)}`);
  await untilStopSignal();
  await outbox.stop();
  await site.close();
  return 0;
}
