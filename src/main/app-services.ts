/** @module The composition root: builds every service once from the config and the storage. */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import { createReaderService } from '../core/articles/reader-service.js';
import { createImportService } from '../core/imports/import-service.js';
import type { Clock } from '../core/shared/clock.js';
import { loadStaticAssets, defaultAssetsDir } from '../adapters/http/assets/static-assets.js';
import type { HttpDeps, SiteSettings } from '../adapters/http/http-deps.js';
import { createPageCache } from '../adapters/http/page-cache.js';
import type { Storage } from './storage.js';

export const systemClock: Clock = { now: () => new Date() };

export function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** The importer; the NLP library loads only here, so a serving process that imports nothing never pays its memory. */
export async function createImporter(storage: Storage, timeZone: string, clock: Clock = systemClock) {
  const { createCompromiseTopicSuggester } = await import('../adapters/nlp/compromise-topic-suggester.js');
  return createImportService({
    articles: storage.articles,
    suggester: createCompromiseTopicSuggester(),
    ids: { newId: () => randomUUID() },
    randomBytes: (n) => randomBytes(n),
    hash: sha256Hex,
    timeZone,
    clock,
  });
}

export interface HttpOptions {
  settings: SiteSettings;
  pageCache: { enabled: boolean; maxEntries: number; ttlMs?: number };
  clock?: Clock;
  logger?: FastifyBaseLogger;
  assetsDir?: string;
}

export function createHttpDeps(storage: Storage, options: HttpOptions): HttpDeps {
  const clock = options.clock ?? systemClock;
  const reader = createReaderService(storage);
  const pageCache = createPageCache({
    maxEntries: options.pageCache.enabled ? options.pageCache.maxEntries : 0,
    ttlMs: options.pageCache.ttlMs ?? 60_000,
    // Monotonic: a wall-clock step back must not freeze expiry or the generation check.
    nowMs: () => performance.now(),
    generation: storage.generation,
    generationCheckMs: 20,
  });
  return {
    settings: options.settings,
    reader,
    articles: storage.articles,
    sections: storage.sections,
    pageCache,
    assets: loadStaticAssets(options.assetsDir ?? defaultAssetsDir()),
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
  };
}
