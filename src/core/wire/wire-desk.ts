/**
 * @module The wire desk's services as every transport uses them (newsroom pages, the push endpoint, the CLI).
 * Declared here, beside the services; main/wire-services.ts builds them once.
 */
import type { FeedPolling } from './feed-polling.js';
import type { WireDeskService } from './wire-desk-service.js';
import type { IngestWireDocuments } from './wire-document-ingest.js';
import type { WireIngestService } from './wire-ingest-service.js';
import type { WireSourceService } from './wire-source.js';
import type { WirePhotoImport } from './wire-photo-import.js';

export interface WireServices {
  /** The queue: items stored once each, listed, found, clustered; topics suggested. */
  ingest: WireIngestService;
  /** Feeds polled and agencies that push, with their schedule. */
  sources: WireSourceService;
  /** Use, add to story, spike, bring back: each checked against the desk's rules and written whole. */
  desk: WireDeskService;
  /** Received documents parsed and stored. */
  ingestDocuments: IngestWireDocuments;
  poller: FeedPolling;
  /** Photos the agencies offer, taken into the media library. */
  photos: WirePhotoImport;
}
