/** @module WireStore: the port the wire desk keeps its items, versions, cluster signatures and sources through. */
import type { SuggestedTopic } from '../topics/topic-suggester.js';
import type { WireItem } from './wire-item.js';
import type { WireSource } from './wire-source.js';

export type WireItemStatus = 'new' | 'used' | 'spiked';

/** One version of an agency item as stored: the copy plus how and when it arrived. */
export interface WireCopy {
  item: WireItem;
  sourceId: string | null;
  contentHash: string;
  receivedAt: Date;
}

/** An item in the queue: its current version, its cluster and the desk's decision on it. */
export interface StoredWireItem extends WireCopy {
  id: string;
  clusterId: string;
  signature: Uint32Array;
  status: WireItemStatus;
  usedArticleId: string | null;
  /** Suggested people, places and organisations; null until first suggested (see wire-ingest-service.ts). */
  topics: SuggestedTopic[] | null;
}

/** An earlier (or late-arriving older) version kept out of the queue. */
export interface WireItemVersion extends WireCopy {
  id: string;
  itemId: string;
}

/** What clustering needs of an earlier item found through a shared band. */
export interface ClusterCandidate {
  itemId: string;
  clusterId: string;
  signature: Uint32Array;
}

/** An item of the cluster window as stored: a candidate with its received and stored times. */
export interface WindowRow extends ClusterCandidate {
  receivedAt: Date;
  storedAt: Date;
}

/** Which window rows to read: received since the window start; optionally only versions stored since a time by another ingest process. */
export interface WindowRowQuery {
  receivedSince: Date;
  storedSince?: Date;
  /** Leaves out the rows this process stored itself (it indexed them as it wrote them). */
  notStoredBy?: string;
}

/** The queue row the desk lists (no body). */
export interface WireQueueEntry {
  id: string;
  agency: string | null;
  agencyId: string;
  version: number;
  headline: string;
  dateline: string | null;
  receivedAt: Date;
  clusterId: string;
  status: WireItemStatus;
  format: string;
  sourceId: string | null;
  /** Characters of the stored body: how complete a copy is, for the desk's grouped rows. */
  bodyLength: number;
}

export interface WireQueueQuery {
  status?: WireItemStatus;
  agency?: string;
  clusterId?: string;
  /** Only entries of these clusters (the desk's grouped rows). */
  clusterIds?: string[];
  limit: number;
  /** Keyset cursor: entries received before this one (newest first). */
  before?: { receivedAt: Date; id: string };
  /** Only entries received at or after this time. */
  receivedSince?: Date;
}

/** The writes of one ingest batch, applied in one transaction. */
export interface WireBatchWrites {
  inserts: StoredWireItem[];
  /** Items already stored before the batch whose current version is replaced; the old copy goes to history. */
  replacements: StoredWireItem[];
  history: WireItemVersion[];
  /** When and by which ingest process the inserts and replacements were stored: what other processes sync their cluster window by. */
  storedAt: Date;
  storedBy: string;
}

export interface WireStore {
  /** Current items by (agency, agencyId); the map is keyed by `wireItemKey`. */
  findByAgencyKeys(keys: { agency: string; agencyId: string }[]): Promise<Map<string, StoredWireItem>>;
  /** Content hashes of the stored earlier versions of these items, by item id. */
  findVersionHashes(itemIds: string[]): Promise<Map<string, Set<string>>>;
  /** The cluster window's rows (signatures, not copy); see WindowRowQuery. */
  findWindowRows(query: WindowRowQuery): Promise<WindowRow[]>;
  /** Applies a batch atomically: all of it or, on error, none of it. */
  writeBatch(writes: WireBatchWrites): Promise<void>;
  find(id: string): Promise<StoredWireItem | null>;
  /** Every agency with items, for the queue's filter. */
  listAgencies(): Promise<string[]>;
  list(query: WireQueueQuery): Promise<WireQueueEntry[]>;
  versions(itemId: string): Promise<WireItemVersion[]>;
  /** Sets the status only when the item is in one of `from`; false when it is not (or missing). */
  setStatus(id: string, from: WireItemStatus[], to: WireItemStatus, usedArticleId: string | null): Promise<boolean>;
  setTopics(id: string, topics: SuggestedTopic[]): Promise<void>;

  insertSource(source: WireSource): Promise<void>;
  findSourceBySlug(slug: string): Promise<WireSource | null>;
  findSource(id: string): Promise<WireSource | null>;
  listSources(): Promise<WireSource[]>;
  /** Feed sources whose next poll time has come (or that were never polled). */
  dueFeedSources(now: Date): Promise<WireSource[]>;
  /** Records the outcome of a poll. */
  updateSourcePoll(id: string, poll: Pick<WireSource, 'etag' | 'lastModified' | 'lastPolledAt' | 'nextPollAt' | 'failures' | 'lastError'>): Promise<void>;
}

/** The dedup key of an agency's item: agency and its id, which every version shares. */
export function wireItemKey(agency: string, agencyId: string): string {
  return `${agency}\u0000${agencyId}`;
}
