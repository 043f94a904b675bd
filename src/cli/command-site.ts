/** @module What a writing command works on: the site's services as `dateline serve` builds them (site-services.ts), closed when the work ends. */
import { loadConfig, type Config } from '../config/config.js';
import { commandLogger, openSiteServices, type SiteServices } from '../main/site-services.js';

/**
 * Runs `work` on the configured site and closes it whatever happens: pending announcements go out, the Redis
 * connections and the database close, so the command exits.
 */
export async function withSite<T>(work: (site: SiteServices, config: Config) => Promise<T>, options: { poolMax?: number } = {}): Promise<T> {
  const config = loadConfig(process.env);
  const site = await openSiteServices(config, {
    logger: commandLogger(config), purpose: 'command',
    storage: { poolMax: options.poolMax ?? config.databasePoolMax, connectionTimeoutMs: config.databaseConnectTimeoutMs },
  });
  try {
    return await work(site, config);
  } finally {
    await site.close();
  }
}
