/** @module `dateline serve`: starts the site and prints its URL; stops cleanly on SIGINT/SIGTERM. */
import { loadConfig } from '../config/config.js';
import { serve } from '../main/serve.js';

export async function serveCommand(): Promise<number> {
  const config = loadConfig(process.env);
  const started = Date.now();
  const server = await serve(config);
  console.log(`Dateline is running at ${server.url} (database ${config.databaseUrl}, ready in ${Date.now() - started} ms)`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}
