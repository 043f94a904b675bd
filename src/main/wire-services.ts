/** @module Builds the wire desk from a Storage: the ingest service, the source service, document ingest (parse → store) and the feed poller. */
import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from '../core/shared/clock.js';
import { createWireIngestService, emptyWireIngestReport, type WireIngestInput, type WireIngestReport } from '../core/wire/wire-ingest-service.js';
import { createWireSourceService } from '../core/wire/wire-source.js';
import type { WireSource } from '../core/wire/wire-source.js';
import { createSqlWireStore } from '../adapters/db/stores/sql-wire-store.js';
import { parseWireDocument } from '../adapters/wire/parse-wire-file.js';
import { createFeedPoller, type FeedPollerOptions } from '../adapters/wire/feed-poller.js';
import { sha256Hex, systemClock } from './app-services.js';
import type { Storage } from './storage.js';

/** One received document: its bytes and a name for errors (a file path, a feed URL, a push request). */
export interface WireDocument {
  origin: string;
  bytes: Uint8Array;
}

export interface WireServiceOptions {
  clock?: Clock;
  /** Items per ingest transaction (default 500). */
  batchSize?: number;
  poller?: Partial<FeedPollerOptions>;
}

export function createWireServices(storage: Pick<Storage, 'db'>, options: WireServiceOptions = {}) {
  const clock = options.clock ?? systemClock;
  const store = createSqlWireStore(storage.db);
  const ingest = createWireIngestService({
    store, clock, ids: { newId: () => randomUUID() }, hash: sha256Hex,
    // compromise loads on the first topic request (a desk viewing an item), never for ingest.
    loadSuggester: async () => (await import('../adapters/nlp/compromise-topic-suggester.js')).createCompromiseTopicSuggester(),
    ...(options.batchSize ? { batchSize: options.batchSize } : {}),
  });
  const sources = createWireSourceService({ store, clock, ids: { newId: () => randomUUID() }, hash: sha256Hex, randomBytes: (n) => randomBytes(n) });

  /** Parses documents and stores their items; a document that cannot be parsed is one failure naming it. */
  async function ingestDocuments(
    documents: WireDocument[],
    context: { source?: WireSource | null; onProgress?: (done: number, total: number) => void } = {},
  ): Promise<WireIngestReport & { warnings: string[] }> {
    const receivedAt = clock.now();
    const inputs: WireIngestInput[] = [];
    const unreadable = emptyWireIngestReport();
    const warnings: string[] = [];
    for (const doc of documents) {
      const parsed = parseWireDocument(doc.origin, doc.bytes, receivedAt);
      if (!parsed.ok) {
        unreadable.failed++;
        unreadable.errors.push({ origin: doc.origin, message: parsed.error });
        continue;
      }
      warnings.push(...parsed.warnings.map((w) => `${doc.origin}: ${w}`));
      // An item that names no agency belongs to the source it came through (a push or feed is one agency's).
      for (const parsedItem of parsed.items) {
        const item = parsedItem.agency || !context.source ? parsedItem : { ...parsedItem, agency: context.source.name };
        inputs.push({ item, origin: doc.origin, sourceId: context.source?.id ?? null, receivedAt });
      }
    }
    const report = await ingest.ingest(inputs, context.onProgress ? { onProgress: context.onProgress } : {});
    return { ...report, failed: report.failed + unreadable.failed, errors: [...unreadable.errors, ...report.errors], warnings };
  }

  const poller = createFeedPoller({ sources, ingestDocuments, clock, ...options.poller });
  return { store, ingest, sources, ingestDocuments, poller };
}

export type WireServices = ReturnType<typeof createWireServices>;

/** Polls the feed sources that are due every `everyMs` (each source keeps its own interval and back-off). */
export function startFeedPolling(wire: WireServices, log: { info(o: object, m: string): void; error(o: object, m: string): void }, everyMs = 10_000): () => void {
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const result of await wire.poller.pollDue()) log.info({ event: 'wire.source_polled', ...result }, 'feed polled');
    } catch (error) {
      log.error({ err: error, event: 'wire.poll_failed' }, 'feed polling failed');
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), everyMs);
  timer.unref();
  void tick();
  return () => clearInterval(timer);
}
