/** @module Wire documents into the queue: each received document parsed, its items stored; one that cannot be read is one failure naming it. */
import type { Clock } from '../shared/clock.js';
import { emptyWireIngestReport, type WireIngestInput, type WireIngestReport, type WireIngestService } from './wire-ingest-service.js';
import type { WireItem } from './wire-item.js';
import type { WireSource } from './wire-source.js';

/** One received document: its bytes and a name for errors (a file path, a feed URL, a push request). */
export interface WireDocument {
  origin: string;
  bytes: Uint8Array;
}

/**
 * Reads one untrusted document (format detected from its content); never throws. Every error names the document.
 * `busy`: the reader ran out of its time budget (a loaded server), so the document is to be tried again, not refused.
 */
export type WireDocumentParser = (origin: string, bytes: Uint8Array, receivedAt: Date) =>
  { ok: true; items: WireItem[]; warnings: string[] } | { ok: false; error: string; busy?: true };

export interface WireDocumentIngestDeps {
  ingest: Pick<WireIngestService, 'ingest'>;
  parse: WireDocumentParser;
  clock: Clock;
}

export interface WireDocumentContext {
  /** The feed or push source the documents came through. */
  source?: WireSource | null;
  onProgress?: (done: number, total: number) => void;
}

export type WireDocumentReport = WireIngestReport & { warnings: string[] };

export type IngestWireDocuments = (documents: WireDocument[], context?: WireDocumentContext) => Promise<WireDocumentReport>;

export function createWireDocumentIngest(deps: WireDocumentIngestDeps): IngestWireDocuments {
  return async (documents, context = {}) => {
    const receivedAt = deps.clock.now();
    const inputs: WireIngestInput[] = [];
    const unreadable = emptyWireIngestReport();
    const warnings: string[] = [];
    for (const doc of documents) {
      const parsed = deps.parse(doc.origin, doc.bytes, receivedAt);
      if (!parsed.ok) {
        unreadable.failed++;
        unreadable.errors.push(parsed.busy ? { origin: doc.origin, message: parsed.error, busy: true } : { origin: doc.origin, message: parsed.error });
        continue;
      }
      warnings.push(...parsed.warnings.map((w) => `${doc.origin}: ${w}`));
      // An item that names no agency belongs to the source it came through (a push or feed is one agency's).
      for (const parsedItem of parsed.items) {
        const item = parsedItem.agency || !context.source ? parsedItem : { ...parsedItem, agency: context.source.name };
        inputs.push({ item, origin: doc.origin, sourceId: context.source?.id ?? null, receivedAt });
      }
    }
    const report = await deps.ingest.ingest(inputs, context.onProgress ? { onProgress: context.onProgress } : {});
    return { ...report, failed: report.failed + unreadable.failed, errors: [...unreadable.errors, ...report.errors], warnings };
  };
}
