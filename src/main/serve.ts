/** @module `dateline serve`: migrate, seed demo content when empty, and serve the site. */
import type { Config } from '../config/config.js';
import { buildApp } from '../adapters/http/build-app.js';
import { createHttpDeps, systemClock } from './app-services.js';
import { seedDemoContent } from './demo-content.js';
import { createLogger } from './logger.js';
import { openStorage } from './storage.js';

export async function serve(config: Config): Promise<{ url: string; close: () => Promise<void> }> {
  const logger = createLogger(config.logLevel);
  const storage = await openStorage(config.databaseUrl, { poolMax: config.databasePoolMax });
  if (config.demoContent) {
    const seeded = await seedDemoContent(storage, config.timeZone, systemClock.now());
    if (seeded) logger.info({ event: 'demo.seeded', imported: seeded.imported, failed: seeded.failed }, 'demo content imported');
  }
  const deps = createHttpDeps(storage, {
    settings: { siteName: config.siteName, siteDescription: config.siteDescription, siteUrl: config.siteUrl, timeZone: config.timeZone, locale: config.locale },
    pageCache: { enabled: config.pageCache, maxEntries: config.pageCacheMaxEntries },
    logger,
  });
  const app = buildApp(deps);
  await app.listen({ port: config.port, host: config.host });
  const close = async () => {
    await app.close();
    await storage.close();
  };
  return { url: config.siteUrl, close };
}
