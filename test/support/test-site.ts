/** A complete Dateline over an in-memory SQLite database, with the demo capture imported at a fixed time. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { fixedClock, type Clock } from '../../src/core/shared/clock.js';
import { buildApp } from '../../src/adapters/http/build-app.js';
import type { HttpDeps } from '../../src/adapters/http/http-deps.js';
import { parseTextCapture } from '../../src/adapters/wire/text-capture-parser.js';
import { createHttpDeps, createImporter, type HttpOptions } from '../../src/main/app-services.js';
import { attachReaderServices, type ReaderServices } from '../../src/main/reader-services.js';
import { loadReaderSecrets } from '../../src/main/reader-secrets.js';
import { openStorage, type Storage } from '../../src/main/storage.js';
import { seedArabicEdition } from '../../src/main/demo-arabic.js';
import { createNewsroomServices, type NewsroomServices } from '../../src/main/newsroom-services.js';
import type { WireServices } from '../../src/core/wire/wire-desk.js';
import { createWireServices } from '../../src/main/wire-services.js';
import { createArgon2PasswordHasher } from '../../src/adapters/auth/argon2-password-hasher.js';

export const FIXTURE_PATH = new URL('../../demo/news-stream-2025-01-17.txt', import.meta.url);
export const CAPTURED_AT = new Date('2025-01-17T15:00:00Z');
export const SITE_URL = 'http://news.test';

export interface TestSite {
  app: FastifyInstance;
  storage: Storage;
  deps: HttpDeps;
  clock: Clock & { set(at: Date): void };
  importText(text: string, sectionName?: string): ReturnType<Awaited<ReturnType<typeof createImporter>>['importParsed']>;
  close(): Promise<void>;
  newsroom: NewsroomServices | undefined;
  /** The reader services serve mounts (renderers and push sender for a test's own delivery worker); null when left out. */
  readers: ReaderServices | null;
  wire: WireServices | undefined;
  mediaDir: string | null;
}

export function fixtureText(): string {
  return readFileSync(FIXTURE_PATH, 'utf8');
}

/** A settable clock, so tests can move time without sleeping. */
export function settableClock(start: Date): Clock & { set(at: Date): void } {
  let current = fixedClock(start);
  return { now: () => current.now(), set: (at) => { current = fixedClock(at); } };
}

export interface TestSiteOptions {
  withFixture?: boolean;
  pageCache?: boolean;
  /** When the capture was taken and where the clock starts; default CAPTURED_AT. Browser tests pass the real time. */
  capturedAt?: Date;
  /** Use the real clock (for browser tests, whose page scripts tick with the real time). */
  realClock?: boolean;
  siteUrl?: string;
  /** The database to run on; default a fresh in-memory SQLite. The caller owns anything it points at. */
  databaseUrl?: string;
  /** Mount the newsroom (with a fast argon2id setting and a temporary media folder). */
  newsroom?: boolean;
  /** Add the demo Arabic edition (/ar/) with its stories and English–Arabic pairs, as `npm start` does. */
  arabic?: boolean;
  /** The newsroom's media folder; default a new temporary folder, removed on close. The caller owns one it passes. */
  mediaDir?: string;
  /** Most read's store (default the database) and whether pages count reads (default yes). */
  mostRead?: HttpOptions['mostRead'];
  /** Mount digests, newsletters, unsubscribe links and alerts as serve does (default); false: a site without them. */
  readerServices?: boolean;
}

export async function createTestSite(options: TestSiteOptions = {}): Promise<TestSite> {
  const storage = await openStorage(options.databaseUrl ?? 'sqlite::memory:');
  const capturedAt = options.capturedAt ?? CAPTURED_AT;
  const settable = settableClock(capturedAt);
  const clock = options.realClock ? { now: () => new Date(), set: settable.set } : settable;
  const importer = await createImporter(storage, 'UTC', clock);
  const importText = (text: string, sectionName = 'World') =>
    importer.importParsed(parseTextCapture(text), { capturedAt, sectionName });
  if (options.withFixture !== false) await importText(fixtureText());
  if (options.arabic) await seedArabicEdition(storage, new Date(capturedAt.getTime() - 60_000));
  const ownMediaDir = options.newsroom && !options.mediaDir;
  const mediaDir = options.newsroom ? options.mediaDir ?? mkdtempSync(join(tmpdir(), 'dateline-media-')) : null;
  const newsroom = mediaDir ? createNewsroomServices(storage, {
    clock, mediaDir, maxUploadBytes: 5 * 1_048_576, maxPixels: 50_000_000,
    hasher: createArgon2PasswordHasher({ memoryCost: 1024, timeCost: 1 }),
  }) : undefined;
  const wire = newsroom ? createWireServices(storage, { clock, events: newsroom.events }) : undefined;
  const deps = createHttpDeps(storage, {
    ...(newsroom ? { newsroom } : {}),
    ...(wire ? { wire } : {}),
    settings: { siteName: 'Dateline Test', siteDescription: 'Test edition', siteUrl: options.siteUrl ?? SITE_URL, timeZone: 'UTC', locale: 'en-GB' },
    pageCache: { enabled: options.pageCache ?? true, maxEntries: 1000 },
    clock,
    ...(options.mostRead ? { mostRead: options.mostRead } : {}),
  });
  // Sign-in mail, digests, newsletters and alerts, as serve mounts them (the outbox's sending is the test's to drive).
  const readers = options.readerServices === false ? null : attachReaderServices(storage, deps, { clock, secrets: await loadReaderSecrets(storage, { readerLinkSecret: null, vapidKeys: null, vapidSubject: 'mailto:admin@localhost.test' }, clock) });
  const app = buildApp(deps);
  await app.ready();
  return {
    app, storage, deps, clock, importText, newsroom, mediaDir, wire, readers,
    close: async () => {
      await app.close();
      await storage.close();
      if (mediaDir && ownMediaDir) rmSync(mediaDir, { recursive: true, force: true });
    },
  };
}
