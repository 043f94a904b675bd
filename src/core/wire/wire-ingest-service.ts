/**
 * @module Wire ingest and queue: stores parsed wire items once each (agency versions replace, resends are
 * ignored, late older versions go to history), clusters near-duplicates through an in-memory LSH window
 * synced from the store, and serves the desk's queue (list, find, clusters, topics suggested lazily);
 * what the desk does with an item is wire-desk-service.ts.
 */
import type { Clock } from '../shared/clock.js';
import type { IdGenerator } from '../shared/ids.js';
import type { Result } from '../shared/result.js';
import type { SuggestedTopic, TopicSuggester } from '../topics/topic-suggester.js';
import { suggestStoryTopics } from '../topics/story-topics.js';
import { bodyText } from '../articles/article.js';
import { nearDuplicateSignature, sameStory } from './near-duplicate.js';
import { BAND_ROWS, bandHashes, createNearDuplicateWindow, type WindowEntry } from './near-duplicate-window.js';
import { createWindowSync } from './near-duplicate-window-sync.js';
import { cleanWireItem, isCleanWireCopyJson, isReadableWireItem, wireCopyJson, withEarlierText, type WireItem } from './wire-item.js';
import { wireItemKey, type ClusterCandidate, type StoredWireItem, type WireItemVersion, type WireQueueEntry, type WireQueueQuery, type WireStore } from './wire-store.js';

export interface WireIngestDeps {
  store: WireStore;
  clock: Clock;
  ids: IdGenerator;
  /** A stable hex digest of a string (SHA-256 in production): the content hash of a version. */
  hash: (text: string) => string;
  /** Loads the topic suggester on first use (compromise is slow to load and to run; never on the ingest path). */
  loadSuggester?: () => Promise<TopicSuggester>;
  /** Only items received this recently are cluster candidates (default 72 h): old stories do not gather new copy. */
  clusterWindowHours?: number;
  /** Items per transaction (default 500). */
  batchSize?: number;
  /** Names this ingest process's writes in the store (default: a new id); see near-duplicate-window-sync.ts. */
  processId?: string;
  /** How far each window sync looks back before the previous one (default 30 s). */
  syncOverlapMs?: number;
  /**
   * True for a write that failed for the server's own reason (no room on disk, the database away): the ingest stops
   * and throws it, since retrying item by item would only report every item as unreadable.
   */
  isStorageFault?: (error: unknown) => boolean;
}

export interface WireIngestInput {
  item: WireItem;
  sourceId?: string | null;
  /** Names the item in errors (file name, feed URL). */
  origin: string;
  receivedAt?: Date;
}

export type WireIngestOutcome = 'ingested' | 'updated' | 'duplicate' | 'stale';

export interface WireIngestReport {
  ingested: number;
  updated: number;
  /** Identical resends. */
  duplicates: number;
  /** Older versions that arrived after a newer one: kept in history only. */
  stale: number;
  failed: number;
  /**
   * `notStored`: the item was read but its write failed (not the document's fault); `busy`: the server ran out of its
   * time for reading the document (not the document's fault either: try it again later); otherwise it could not be read.
   */
  errors: { origin: string; message: string; notStored?: true; busy?: true }[];
  /** Ids of the items ingested or updated, in input order. */
  itemIds: string[];
}

export type WireDeskProblem = 'WIRE_ITEM_NOT_FOUND';

export function emptyWireIngestReport(): WireIngestReport {
  return { ingested: 0, updated: 0, duplicates: 0, stale: 0, failed: 0, errors: [], itemIds: [] };
}

/** The content hash covers the agency's copy, not the format it came in or when it arrived. */
export function wireContentHash(item: WireItem, hash: (text: string) => string): string {
  return hash(wireCopyJson(item));
}

interface Prepared {
  input: WireIngestInput;
  key: string;
  contentHash: string;
  signature: Uint32Array;
  hashes: Int32Array;
}

function windowEntry(item: StoredWireItem, storedAtMs: number): WindowEntry {
  return { itemId: item.id, clusterId: item.clusterId, signature: item.signature, receivedAtMs: item.receivedAt.getTime(), storedAtMs };
}

export function createWireIngestService(deps: WireIngestDeps) {
  const { store, clock, ids } = deps;
  const rows = BAND_ROWS;
  const windowMs = (deps.clusterWindowHours ?? 72) * 3600_000;
  const batchSize = Math.max(1, deps.batchSize ?? 500);
  let suggester: Promise<TopicSuggester> | null = null;
  const processId = deps.processId ?? ids.newId();
  const windowSync = createWindowSync(store, { rows, windowMs, processId, ...(deps.syncOverlapMs !== undefined ? { overlapMs: deps.syncOverlapMs } : {}) });

  function prepare(input: WireIngestInput, cleanJson: string | null): Prepared {
    const signature = nearDuplicateSignature(input.item);
    return {
      input, key: wireItemKey(input.item.agency ?? '', input.item.agencyId),
      contentHash: cleanJson !== null ? deps.hash(cleanJson) : wireContentHash(input.item, deps.hash), signature, hashes: bandHashes(signature, rows),
    };
  }

  /** Decides every item of a batch against the store and the batch's own earlier items, then writes once. */
  async function ingestBatch(batch: Prepared[], now: Date, report: WireIngestReport): Promise<void> {
    await windowSync.sync(now);
    const existing = await store.findByAgencyKeys(batch.map((p) => ({ agency: p.input.item.agency ?? '', agencyId: p.input.item.agencyId })));
    const known = existing.size > 0 ? await store.findVersionHashes([...existing.values()].map((e) => e.id)) : new Map<string, Set<string>>();
    // The batch's own items are candidates for its later items; an item replaced in the batch is no longer one in its stored version.
    const local = createNearDuplicateWindow(rows, batch.length);
    const replaced = new Set<string>();
    const hashesOf = new Map<string, Int32Array>();
    const sinceMs = now.getTime() - windowMs;
    const candidatesOf = (p: Prepared): ClusterCandidate[] => {
      const found: ClusterCandidate[] = local.candidates(p.signature, p.hashes, -Infinity);
      const stored: ClusterCandidate[] = windowSync.window.candidates(p.signature, p.hashes, sinceMs).filter((c) => !replaced.has(c.itemId));
      // The stored window's first, then the batch's (bestCluster keeps the first of equal scores).
      return stored.length === 0 ? found : found.length === 0 ? stored : stored.concat(found);
    };

    const current = new Map(existing);
    const inserts = new Map<string, StoredWireItem>();
    const replacements = new Map<string, StoredWireItem>();
    const history: WireItemVersion[] = [];
    const outcomes: [Prepared, WireIngestOutcome, string | null][] = [];

    for (const p of batch) {
      const copy = { item: p.input.item, sourceId: p.input.sourceId ?? null, contentHash: p.contentHash, receivedAt: p.input.receivedAt ?? now };
      const previous = current.get(p.key);
      if (previous && (previous.contentHash === p.contentHash || known.get(previous.id)?.has(p.contentHash))) {
        outcomes.push([p, 'duplicate', null]);
      } else if (previous && isOlder(p.input.item, previous.item)) {
        history.push({ ...copy, id: ids.newId(), itemId: previous.id });
        knownHash(known, previous.id, p.contentHash);
        outcomes.push([p, 'stale', null]);
      } else if (previous) {
        // A newer version (or a corrected resend of the same one): it takes the item's place; the item keeps its id, cluster and desk status.
        history.push({ ...pick(previous), id: ids.newId(), itemId: previous.id });
        knownHash(known, previous.id, previous.contentHash);
        // A version without body text keeps the earlier text (withEarlierText); its signature is then the merged item's.
        const item = withEarlierText(p.input.item, previous.item);
        const signature = item === p.input.item ? p.signature : nearDuplicateSignature(item);
        const hashes = item === p.input.item ? p.hashes : bandHashes(signature, rows);
        const next: StoredWireItem = { ...previous, ...copy, item, signature, topics: null };
        replaced.add(next.id);
        local.add(windowEntry(next, 0), hashes);
        hashesOf.set(next.id, hashes);
        if (inserts.has(next.id)) inserts.set(next.id, next);
        else replacements.set(next.id, next);
        current.set(p.key, next);
        outcomes.push([p, 'updated', next.id]);
      } else {
        const id = ids.newId();
        const clusterId = bestCluster(p, candidatesOf(p)) ?? id;
        const stored: StoredWireItem = { ...copy, id, clusterId, signature: p.signature, status: 'new', usedArticleId: null, topics: null };
        inserts.set(id, stored);
        local.add(windowEntry(stored, 0), p.hashes);
        hashesOf.set(id, p.hashes);
        current.set(p.key, stored);
        outcomes.push([p, 'ingested', id]);
      }
    }

    const storedAt = clock.now();
    await store.writeBatch({ inserts: [...inserts.values()], replacements: [...replacements.values()], history, storedAt, storedBy: processId });
    // Only what was committed enters the window: a failed batch leaves no phantom candidates behind.
    for (const item of [...inserts.values(), ...replacements.values()]) windowSync.window.add(windowEntry(item, storedAt.getTime()), hashesOf.get(item.id));
    for (const [, outcome, id] of outcomes) {
      if (outcome === 'ingested') report.ingested++;
      else if (outcome === 'updated') report.updated++;
      else if (outcome === 'duplicate') report.duplicates++;
      else report.stale++;
      if (id) report.itemIds.push(id);
    }
  }

  /** The cluster of the candidate that is most strongly the same story (near-duplicate.ts's `sameStory`, the one rule). */
  function bestCluster(p: Prepared, candidates: ClusterCandidate[]): string | null {
    let best: { clusterId: string; score: number } | null = null;
    for (const candidate of candidates) {
      const score = sameStory(candidate.signature, p.signature);
      if (score !== null && (!best || score > best.score)) best = { clusterId: candidate.clusterId, score };
    }
    return best?.clusterId ?? null;
  }

  return {
    /**
     * Stores items in transactions of `batchSize`. When a batch fails to write, its items are retried one
     * per transaction, so one bad item is reported alone and never half-stored while the rest arrive; a storage
     * fault (`isStorageFault`) is thrown instead, the batches before it stay committed.
     */
    async ingest(inputs: WireIngestInput[], options: { onProgress?: (done: number, total: number) => void } = {}): Promise<WireIngestReport> {
      const report = emptyWireIngestReport();
      const readable: Prepared[] = [];
      for (const received of inputs) {
        // Text enters cleaned (NFC, no control characters), so every page, feed and the desk show the same copy.
        // Most copy is clean as it comes: its JSON shows that, and is then what its content hash covers.
        const json = wireCopyJson(received.item);
        const clean = isCleanWireCopyJson(json);
        const input = clean ? received : { ...received, item: cleanWireItem(received.item) };
        if (isReadableWireItem(input.item)) readable.push(prepare(input, clean ? json : null));
        else fail(report, input.origin, 'the item has no headline and no text');
      }
      let done = inputs.length - readable.length;
      for (let start = 0; start < readable.length; start += batchSize) {
        const batch = readable.slice(start, start + batchSize);
        const now = clock.now();
        try {
          await ingestBatch(batch, now, report);
        } catch (error) {
          if (deps.isStorageFault?.(error)) throw error;
          for (const p of batch) {
            await ingestBatch([p], clock.now(), report).catch((itemError: unknown) => {
              if (deps.isStorageFault?.(itemError)) throw itemError;
              fail(report, p.input.origin, `not stored: ${(itemError as Error).message}`, true);
            });
          }
        }
        done += batch.length;
        options.onProgress?.(done, inputs.length);
      }
      return report;
    },

    /** The queue, newest first; `withinHours` keeps only what arrived that recently. */
    list: ({ withinHours, ...query }: WireQueueQuery & { withinHours?: number }): Promise<WireQueueEntry[]> => store.list({
      ...query, limit: Math.min(Math.max(query.limit, 1), 500),
      ...(withinHours ? { receivedSince: new Date(clock.now().getTime() - withinHours * 3600_000) } : {}),
    }),
    find: (id: string) => store.find(id),
    agencies: () => store.listAgencies(),
    versions: (id: string) => store.versions(id),
    /** Every item of a cluster, newest first. */
    cluster: (clusterId: string) => store.list({ clusterId, limit: 500 }),

    /** The item's suggested topics, computed on first request (from its first 4,000 characters) and stored. */
    async suggestTopics(id: string): Promise<Result<SuggestedTopic[], WireDeskProblem>> {
      const stored = await store.find(id);
      if (!stored) return { ok: false, reason: 'WIRE_ITEM_NOT_FOUND' };
      if (stored.topics) return { ok: true, value: stored.topics };
      if (!deps.loadSuggester) return { ok: true, value: [] };
      suggester ??= deps.loadSuggester();
      const { item } = stored;
      const topics = suggestStoryTopics(await suggester, { headline: item.headline, highlights: [], body: [item.summary ?? '', bodyText(item.body)].join('\n') });
      await store.setTopics(id, topics);
      return { ok: true, value: topics };
    },
  };
}

export type WireIngestService = ReturnType<typeof createWireIngestService>;

/**
 * An arriving version is older than the stored one when its version number is lower, or equal with an
 * earlier versionCreated. Equal versions without dates: the later arrival wins (an agency's corrected resend);
 * copy already seen (current or in history) never counts again, so two deliveries cannot flip-flop.
 */
export function isOlder(arriving: WireItem, stored: WireItem): boolean {
  if (arriving.version !== stored.version) return arriving.version < stored.version;
  return arriving.versionCreated !== null && stored.versionCreated !== null && arriving.versionCreated.getTime() < stored.versionCreated.getTime();
}

function knownHash(known: Map<string, Set<string>>, itemId: string, hash: string): void {
  const set = known.get(itemId);
  if (set) set.add(hash);
  else known.set(itemId, new Set([hash]));
}

function pick(stored: StoredWireItem) {
  return { item: stored.item, sourceId: stored.sourceId, contentHash: stored.contentHash, receivedAt: stored.receivedAt };
}

function fail(report: WireIngestReport, origin: string, message: string, notStored = false): void {
  report.failed++;
  report.errors.push(notStored ? { origin, message, notStored } : { origin, message });
}
