/**
 * @module Wire ingest throughput: real corpus articles as ninjs documents, parsed, deduplicated, clustered
 * and stored into a fresh SQLite database through the same wire services the CLI uses (500 items per transaction).
 * Measured twice: cold (the process's first ingest, JIT warm-up included) and steady (the same documents again into
 * another fresh database once the process has ingested other documents of the corpus).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import type { WireDocument } from '../src/core/wire/wire-document-ingest.js';
import { createWireServices } from '../src/main/wire-services.js';
import { openStorage } from '../src/main/storage.js';
import { ninjsDocumentsFromCorpora } from './wire-corpus.js';

/** One timed ingest of the documents into a fresh database. */
export interface WireIngestRun {
  items: number;
  seconds: number;
  itemsPerSecond: number;
  /** CPU time of the whole process (every thread) over the timed part: steadier than wall time on a shared machine. */
  cpuSeconds: number;
  /** Resends and late versions recognised (the corpus sends one item in ten twice: the update counts as updated, not duplicate). */
  duplicates: number;
  /** Distinct clusters among the stored items. */
  clusters: number;
}

export interface WireIngestMeasurement extends WireIngestRun {
  /**
   * The same documents into another fresh database after the cold run and a warm-up on `warmItems` other corpus
   * documents (into a throwaway database): what a long-running ingest process does per item.
   */
  steady: WireIngestRun;
}

const DELIVERY = 500;

/** Times documents → stored items in deliveries of 500 (each call parses and stores one); opening the database is not timed. */
async function ingestIntoFreshDatabase(documents: WireDocument[]): Promise<WireIngestRun> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-wire-bench-'));
  const storage = await openStorage(`sqlite:${join(dir, 'wire.db')}`);
  try {
    const wire = createWireServices(storage, { batchSize: DELIVERY });
    const cpu = process.cpuUsage();
    const started = performance.now();
    let duplicates = 0;
    let failed = 0;
    for (let start = 0; start < documents.length; start += DELIVERY) {
      const report = await wire.ingestDocuments(documents.slice(start, start + DELIVERY));
      duplicates += report.duplicates + report.stale;
      failed += report.failed;
    }
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    if (failed > 0) throw new Error(`${failed} corpus documents failed to ingest`);
    const row = await sql<{ clusters: number }>`SELECT count(DISTINCT cluster_id) AS clusters FROM wire_items`.execute(storage.db);
    return { items: documents.length, seconds, itemsPerSecond: documents.length / seconds, cpuSeconds: (used.user + used.system) / 1e6, duplicates, clusters: Number(row.rows[0]?.clusters ?? 0) };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Cold, then steady (see WireIngestMeasurement). `warmItems` (default `items`) are the corpus documents after the
 * timed ones; building the corpus is not timed.
 */
export async function measureWireIngest(options: { items: number; warmItems?: number; sharedDir?: string }): Promise<WireIngestMeasurement> {
  const warmItems = options.warmItems ?? options.items;
  const encoder = new TextEncoder();
  const all = ninjsDocumentsFromCorpora(options.items + warmItems, options.sharedDir).map((text, i) => ({ origin: `bench-${i}.json`, bytes: encoder.encode(text) }));
  const documents = all.slice(0, options.items);
  const cold = await ingestIntoFreshDatabase(documents);
  if (warmItems > 0) await ingestIntoFreshDatabase(all.slice(options.items));
  const steady = await ingestIntoFreshDatabase(documents);
  return { ...cold, steady };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const items = Number(process.argv[2] ?? 10_000);
  const warmItems = process.argv[3] === undefined ? undefined : Number(process.argv[3]);
  console.log(JSON.stringify(await measureWireIngest({ items, ...(warmItems === undefined ? {} : { warmItems }) })));
}
