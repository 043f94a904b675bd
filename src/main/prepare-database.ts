/**
 * @module What must happen once before any process serves: migrate, import the demo content into an empty
 * database, create the first admin. `dateline serve --workers N` runs it in the primary before forking, so N
 * workers never race to migrate or seed (each worker's own run of these steps then finds nothing to do).
 */
import type { Config } from '../config/config.js';
import { systemClock } from './app-services.js';
import { alignFirstEdition, seedDemoContent } from './demo-content.js';
import { seedDemoPages } from './demo-pages.js';
import { createLogger } from './logger.js';
import { createNewsroomServices } from './newsroom-services.js';
import { openStorage, type Storage } from './storage.js';
import type { AuthService } from '../core/staff/auth-service.js';
import { isDomainError } from '../core/shared/domain-error.js';
import type { Logger } from 'pino';

/** The console notice of a first run: printed once, never logged (the password must not reach log files). */
export function firstAdminNotice(siteUrl: string, admin: { email: string; password: string }): string {
  return `\nFirst run: newsroom admin created.\n  sign in at ${siteUrl}/newsroom/login\n  email:    ${admin.email}\n  one-time password: ${admin.password}\n  (you choose your own password when you first sign in)\n\n`;
}

type FirstAdmin = { email: string; password: string } | null;

/**
 * On an open (already migrated) database: import the demo content into an empty one and create the first admin.
 * Returns the first admin's one-time password when it created one, for the caller to print once.
 */
export async function seedSite(storage: Storage, config: Config, auth: Pick<AuthService, 'ensureFirstAdmin'>, logger: Logger): Promise<FirstAdmin> {
  await alignFirstEdition(storage, config);
  if (config.demoContent) {
    const seeded = await seedDemoContent(storage, config.timeZone, systemClock.now());
    if (seeded) logger.info({ event: 'demo.seeded', imported: seeded.imported, failed: seeded.failed, arabic: seeded.arabic, pairs: seeded.pairs }, 'demo content imported');
    // The editions' About, Contact, Corrections policy and Privacy pages: only those not written yet.
    const pages = await seedDemoPages(storage, systemClock.now());
    if (pages) logger.info({ event: 'demo.pages_seeded', pages }, 'demo pages written');
  }
  try {
    return await auth.ensureFirstAdmin(config.adminEmail);
  } catch (error) {
    // Two processes started at once on an empty database (two `npm start`): the other one created the admin.
    if (isDomainError(error) && error.code === 'USER_EMAIL_TAKEN') return null;
    throw error;
  }
}

/** Opens the database (which migrates it), seeds it, and closes it again: the primary of `serve --workers`. */
export async function prepareDatabase(config: Config): Promise<FirstAdmin> {
  const storage = await openStorage(config.databaseUrl, { poolMax: config.databasePoolMax, connectionTimeoutMs: config.databaseConnectTimeoutMs });
  try {
    const { auth } = createNewsroomServices(storage, {
      clock: systemClock, mediaDir: config.mediaDir, maxUploadBytes: config.mediaMaxUploadBytes, maxPixels: config.mediaMaxPixels,
    });
    return await seedSite(storage, config, auth, createLogger(config.logLevel));
  } finally {
    await storage.close();
  }
}
