/**
 * @module Wire ingest throughput: real corpus articles as ninjs documents, parsed, deduplicated, clustered
 * and stored into a fresh SQLite database through the same wire services the CLI uses (500 items per transaction).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { createWireServices } from '../src/main/wire-services.js';
import { openStorage } from '../src/main/storage.js';
import { ninjsDocumentsFromCorpora } from './wire-corpus.js';

export interface WireIngestMeasurement {
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

/** Times documents → stored items; building the corpus and opening the database are not timed. */
export async function measureWireIngest(options: { items: number; sharedDir?: string }): Promise<WireIngestMeasurement> {
  const encoder = new TextEncoder();
  const documents = ninjsDocumentsFromCorpora(options.items, options.sharedDir).map((text, i) => ({ origin: `bench-${i}.json`, bytes: encoder.encode(text) }));
  const dir = mkdtempSync(join(tmpdir(), 'dateline-wire-bench-'));
  const storage = await openStorage(`sqlite:${join(dir, 'wire.db')}`);
  try {
    const wire = createWireServices(storage, { batchSize: 500 });
    const cpu = process.cpuUsage();
    const started = performance.now();
    // Documents arrive in deliveries; each call parses and stores one delivery.
    let duplicates = 0;
    let failed = 0;
    for (let start = 0; start < documents.length; start += 500) {
      const report = await wire.ingestDocuments(documents.slice(start, start + 500));
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

if (import.meta.url === `file://${process.argv[1]}`) {
  const items = Number(process.argv[2] ?? 10_000);
  console.log(JSON.stringify(await measureWireIngest({ items })));
}
