/** @module Builds the wire desk from a Storage: queue, sources, document ingest, the desk's use cases and the feed poller; starts feed polling. */
import { randomBytes, randomUUID } from 'node:crypto';
import { SqliteAdapter, type Kysely } from 'kysely';
import type { EventBus } from '../core/events/event-bus.js';
import type { Clock } from '../core/shared/clock.js';
import { feedPollingRound } from '../core/wire/feed-polling.js';
import type { WireServices } from '../core/wire/wire-desk.js';
import { createWireDeskService } from '../core/wire/wire-desk-service.js';
import { createWireDocumentIngest } from '../core/wire/wire-document-ingest.js';
import { createWireIngestService } from '../core/wire/wire-ingest-service.js';
import { createWireSourceService } from '../core/wire/wire-source.js';
import { createSqlWireDeskTransaction } from '../adapters/db/stores/sql-wire-desk-transaction.js';
import { createSqlWireStore } from '../adapters/db/stores/sql-wire-store.js';
import type { Database } from '../adapters/db/database.js';
import { isStorageFault } from '../adapters/db/storage-faults.js';
import { createMemoryEventBus } from '../adapters/events/memory-event-bus.js';
import { parseWireDocument } from '../adapters/wire/parse-wire-file.js';
import { createFeedPoller, type FeedPollerOptions } from '../adapters/wire/feed-poller.js';
import { fetchFeed } from '../adapters/wire/feed-fetcher.js';
import { createWirePhotoImport, type FetchWirePhoto } from '../core/wire/wire-photo-import.js';
import { sha256Hex, systemClock } from './app-services.js';
import { repeatEvery } from './repeat-timer.js';
import type { Storage } from './storage.js';

export interface WireServiceOptions {
  clock?: Clock;
  /**
   * The newsroom's event bus: a published story the desk adds copy to reaches readers' caches through it.
   * Without one (the CLI, which never uses the desk) its story events reach no one.
   */
  events?: EventBus;
  /** Items per ingest transaction (default 500). */
  batchSize?: number;
  poller?: Partial<FeedPollerOptions>;
  /** The largest photo taken from an agency into the media library (default 25 MB, as uploads). */
  photoMaxBytes?: number;
}

/** An agency's photo through the feeds' fetcher: the same SSRF guard, timeouts and redirect limit, a photo's size limit. */
function photoFetcher(options: WireServiceOptions): FetchWirePhoto {
  return async (href, { allowPrivate }) => {
    const fetched = await fetchFeed(href, { ...options.poller?.fetch, allowPrivate, maxBytes: options.photoMaxBytes ?? 25 * 1_048_576 });
    if (fetched.status === 'ok') return { ok: true, bytes: fetched.bytes };
    return { ok: false, error: fetched.status === 'error' ? fetched.error : 'the server sent no photo' };
  };
}

/**
 * True when the database runs in this process (SQLite): a statement costs no round trip, so the wire store inserts
 * one prepared row at a time; over a network (PostgreSQL) it sends multi-row INSERTs (sql-wire-store.ts).
 */
function statementsRunInProcess(db: Kysely<Database>): boolean {
  return db.getExecutor().adapter instanceof SqliteAdapter;
}

export function createWireServices(storage: Pick<Storage, 'db' | 'searchWriter' | 'sections' | 'editions' | 'authors'>, options: WireServiceOptions = {}): WireServices {
  const clock = options.clock ?? systemClock;
  const ids = { newId: () => randomUUID() };
  const bytes = (n: number) => randomBytes(n);
  const store = createSqlWireStore(storage.db, { rowsPerInsert: statementsRunInProcess(storage.db) ? 1 : undefined });
  const ingest = createWireIngestService({
    store, clock, ids, hash: sha256Hex,
    // compromise loads on the first topic request (a desk viewing an item), never for ingest.
    loadSuggester: async () => (await import('../adapters/nlp/compromise-topic-suggester.js')).createCompromiseTopicSuggester(),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
    isStorageFault,
  });
  const sources = createWireSourceService({ store, clock, ids, hash: sha256Hex, randomBytes: bytes });
  const ingestDocuments = createWireDocumentIngest({ ingest, parse: parseWireDocument, clock });
  const desk = createWireDeskService({
    items: store, transaction: createSqlWireDeskTransaction(storage.db, storage.searchWriter), sections: storage.sections, editions: storage.editions, authors: storage.authors,
    suggestTopics: ingest.suggestTopics, events: options.events ?? createMemoryEventBus(), ids, randomBytes: bytes, clock,
  });
  const poller = createFeedPoller({ sources, ingestDocuments, clock, ...options.poller });
  const photos = createWirePhotoImport({ items: store, fetchPhoto: photoFetcher(options) });
  return { ingest, sources, desk, ingestDocuments, poller, photos };
}

/** Polls the feed sources that are due every `everyMs` (each source keeps its own interval and back-off). */
export function startFeedPolling(wire: Pick<WireServices, 'poller'>, log: { info(o: object, m: string): void; error(o: object, m: string): void }, everyMs = 10_000): () => void {
  return repeatEvery(feedPollingRound(wire.poller, {
    polled: (result) => log.info({ event: 'wire.source_polled', ...result }, 'feed polled'),
    failed: (error) => log.error({ err: error, event: 'wire.poll_failed' }, 'feed polling failed'),
  }), everyMs);
}
