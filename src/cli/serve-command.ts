/** @module `dateline serve`: starts the site and prints its URL; stops cleanly on SIGINT/SIGTERM. */
import { loadConfig } from '../config/config.js';
import { redactDatabaseUrl } from '../adapters/db/database-url.js';
import { serve } from '../main/serve.js';

export async function serveCommand(): Promise<number> {
  const config = loadConfig(process.env);
  const started = Date.now();
  const server = await serve(config);
  console.log(`Dateline is running at ${server.url} (database ${redactDatabaseUrl(config.databaseUrl)}, ready in ${Date.now() - started} ms)`);
  if (!process.env['SITE_URL'] && !['127.0.0.1', 'localhost', '::1'].includes(config.host)) {
    console.warn(`dateline: HOST=${config.host} but SITE_URL is not set: canonical links, feeds and short links will point at ${config.siteUrl}. Set SITE_URL to the public address.`);
  }
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
