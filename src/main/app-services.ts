/** @module The composition root: builds every service once from the config and the storage. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { createReaderService } from '../core/articles/reader-service.js';
import { createImportService } from '../core/imports/import-service.js';
import type { Clock } from '../core/shared/clock.js';
import type { EventBus } from '../core/events/event-bus.js';
import { loadStaticAssets, defaultAssetsDir } from '../adapters/http/assets/static-assets.js';
import type { HttpDeps, MostReadDeps, SiteSettings } from '../adapters/http/http-deps.js';
import { createReadCounter } from '../adapters/http/read-counter.js';
import type { ReadCounts } from '../core/most-read/most-read.js';
import { createMostReadService, createReadTally } from '../core/most-read/most-read-service.js';
import { createPageCache } from '../adapters/http/page-cache.js';
import { isStorageFault } from '../adapters/db/storage-faults.js';
import { createTopicJobService } from '../core/topics/topic-job-status.js';
import { createSqlOldUrlLookup } from '../adapters/db/stores/sql-site-import-store.js';
import { createEditionDirectory, defaultEdition } from '../core/editions/edition-directory.js';
import { prepareEditionText } from '../adapters/http/i18n/prepare-edition-text.js';
import type { NewsroomServices } from './newsroom-services.js';
import type { WireServices } from '../core/wire/wire-desk.js';
import type { Storage } from './storage.js';
import type { Config } from '../config/config.js';
import { createAuthorProfileService } from '../core/authors/author-profile-service.js';
import { createSitePageService } from '../core/site-pages/site-page-service.js';
import { createReaderAccountService } from '../core/readers/reader-service.js';
import { createSqlFollowTargets } from '../adapters/db/stores/sql-follow-targets.js';
import { createMemoryLoginThrottle } from '../adapters/auth/memory-login-throttle.js';
import type { LoginThrottle } from '../core/staff/staff-stores.js';

export const systemClock: Clock = { now: () => new Date() };

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/**
 * The importer; the NLP library loads only here, so a serving process that imports nothing never pays its memory.
 * With `events`, each stored story is announced (site-services.ts passes the site's bus: Redis when configured).
 */
export async function createImporter(storage: Storage, timeZone: string, clock: Clock = systemClock, events?: EventBus) {
  const { createCompromiseTopicSuggester } = await import('../adapters/nlp/compromise-topic-suggester.js');
  return createImportService({
    articles: storage.articles,
    suggester: createCompromiseTopicSuggester(),
    ids: { newId: () => randomUUID() },
    randomBytes: (n) => randomBytes(n),
    hash: sha256Hex,
    timeZone,
    clock,
    ...(events ? { events } : {}),
    isStorageFault,
  });
}

/** The site's settings: the environment's values, overridden by what an admin saved in the newsroom. */
export async function loadSiteSettings(config: Pick<Config, 'siteName' | 'siteDescription' | 'siteUrl' | 'timeZone' | 'locale'>, storage: Pick<Storage, 'settings'>): Promise<SiteSettings> {
  return { siteName: config.siteName, siteDescription: config.siteDescription, siteUrl: config.siteUrl, timeZone: config.timeZone, locale: config.locale, ...(await storage.settings.load()) };
}

export interface HttpOptions {
  settings: SiteSettings;
  pageCache: { enabled: boolean; maxEntries: number; ttlMs?: number };
  clock?: Clock;
  logger?: FastifyBaseLogger;
  assetsDir?: string;
  /** The newsroom under /newsroom (and photos under /media); without it the app is the reader site alone. */
  newsroom?: NewsroomServices;
  /** The wire desk (queue in the newsroom, the push endpoint). */
  wire?: WireServices;
  /** Most read: where reads go (Redis across processes; the database when absent), and whether to count at all. */
  mostRead?: { counts?: ReadCounts; counting: boolean };
  /** Counts readers' sign-in link requests per address and IP (Redis across processes); this process's memory when absent. */
  readerThrottle?: LoginThrottle;
}

/** Most read over the site's clock: an in-memory tally the pages count into, flushed to `counts` by the caller's timer. */
function createMostRead(storage: Storage, clock: Clock, options: HttpOptions['mostRead']): MostReadDeps {
  const tally = createReadTally();
  const service = createMostReadService({ counts: options?.counts ?? storage.readCounts, articles: storage.articles, clock });
  return {
    list: (edition) => service.mostRead(edition),
    counter: options?.counting === false ? null : createReadCounter(tally),
    flush: () => service.flush(tally),
  };
}

export function createHttpDeps(storage: Storage, options: HttpOptions): HttpDeps {
  const clock = options.clock ?? systemClock;
  const reader = createReaderService({ ...storage, media: storage.media });
  const pageCache = createPageCache({
    maxEntries: options.pageCache.enabled ? options.pageCache.maxEntries : 0,
    ttlMs: options.pageCache.ttlMs ?? 60_000,
    // Monotonic: a wall-clock step back must not freeze expiry or the generation check.
    nowMs: () => performance.now(),
    generation: storage.generation,
    generationCheckMs: 20,
    // Last-Modified of lists: when this process last heard of a change (a date, from the site's clock).
    wallNowMs: () => clock.now().getTime(),
  });
  const assets = loadStaticAssets(options.assetsDir ?? defaultAssetsDir());
  // Until the database answers (buildApp's onReady reloads), the site is one edition in the configured locale and zone.
  const editions = createEditionDirectory([defaultEdition(options.settings)]);
  const reloadEditions = async () => {
    const stored = await storage.editions.list();
    if (stored.length > 0) editions.replace(stored);
    // Each edition's messages and formatters are built now, not on its first reader's request.
    for (const edition of editions.all()) prepareEditionText(edition);
  };
  // A public change drops exactly the pages that show the story (its surrogate keys).
  options.newsroom?.events.subscribe((event) => {
    if (event.type === 'site.settings_changed') {
      // Every page shows the site's name: reload the settings, then drop every cached page.
      void storage.settings.load().then((stored) => {
        Object.assign(options.settings, stored);
        pageCache.clear();
        options.logger?.info({ event: 'settings.reloaded' }, 'site settings reloaded');
      }).catch((err: unknown) => options.logger?.error({ err, event: 'settings.reload_failed' }, 'site settings could not be reloaded'));
      return;
    }
    if (event.type === 'editions.changed') {
      // Every page shows the language switcher and its edition's prefix: reload, then drop every cached page.
      void reloadEditions().then(() => {
        pageCache.clear();
        options.logger?.info({ event: 'editions.reloaded' }, 'editions reloaded');
      }).catch((err: unknown) => options.logger?.error({ err, event: 'editions.reload_failed' }, 'editions could not be reloaded'));
      return;
    }
    if (event.type === 'cache.resync') {
      // Story events may have been missed (Redis was down): every page may be stale.
      const dropped = pageCache.size();
      pageCache.clear();
      options.logger?.info({ event: 'cache.resynced', dropped }, 'page cache dropped after missed events');
      return;
    }
    const dropped = pageCache.invalidate(event.tags);
    options.logger?.info({ event: 'cache.invalidated', type: event.type, articleId: event.articleId, dropped }, 'pages dropped after a story change');
  });
  const n = options.newsroom;
  return {
    settings: options.settings,
    publicRevisions: (articleId) => storage.articles.listPublicRevisions(articleId),
    // Every process pushes the story events it hears (its own, or all of them through Redis) to its own readers.
    ...(n ? { live: { events: n.events } } : {}),
    ...(options.wire ? { wirePush: { sources: options.wire.sources, ingestDocuments: options.wire.ingestDocuments } } : {}),
    ...(n ? {
      newsroom: {
        deps: {
          settings: options.settings, assets, clock, auth: n.auth, users: storage.users, newsroom: n.newsroom, articles: storage.articles,
          sections: storage.sections, topics: storage.topics, media: n.media, settingsStore: storage.settings, events: n.events, ...(options.wire ? { wire: options.wire } : {}),
          editions, editionStore: storage.editions, profiles: createAuthorProfileService({ authors: storage.authors, media: n.media }),
          pages: createSitePageService({ pages: storage.sitePages, clock }),
          topicJob: createTopicJobService({ queue: storage.topicSuggestions, clock }),
        },
        media: { variantPath: (key: string) => n.mediaStorage.path(key), maxUploadBytes: n.maxUploadBytes },
      },
    } : {}),
    reader,
    articles: storage.articles,
    sections: storage.sections,
    mostRead: createMostRead(storage, clock, options.mostRead),
    sitePages: storage.sitePages,
    oldUrls: createSqlOldUrlLookup(storage.db),
    readerAccounts: createReaderAccountService({
      store: storage.readers, targets: createSqlFollowTargets(storage.db), deliveries: storage.deliveries, clock,
      ids: { newId: () => randomUUID() }, randomBytes: (n) => randomBytes(n), hash: sha256Hex,
      throttle: options.readerThrottle ?? createMemoryLoginThrottle(() => performance.now()),
    }),
    editions,
    reloadEditions,
    pageCache,
    assets,
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
  };
}
