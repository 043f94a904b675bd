/** @module `dateline migrate`: brings the configured database (SQLite or PostgreSQL) to the latest schema and says what ran. */
import { loadConfig } from '../config/config.js';
import { redactDatabaseUrl } from '../adapters/db/database-url.js';
import { openStorage } from '../main/storage.js';

export async function migrateCommand(): Promise<number> {
  const config = loadConfig(process.env);
  const storage = await openStorage(config.databaseUrl, { poolMax: 1 });
  await storage.close();
  console.log(`Database ${redactDatabaseUrl(config.databaseUrl)} is at the latest schema.`);
  return 0;
}
