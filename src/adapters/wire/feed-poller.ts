/**
 * @module Feed poller: fetches every due feed source (concurrently, each on its own), stores its items, and
 * records on the source what happened: validators on success, the error and the back-off on failure.
 * One hostile or broken feed never stops the round or the process.
 */
import type { Clock } from '../../core/shared/clock.js';
import type { WireIngestReport } from '../../core/wire/wire-ingest-service.js';
import type { FeedPolling, SourcePollResult } from '../../core/wire/feed-polling.js';
import type { WireSource, WireSourceService } from '../../core/wire/wire-source.js';
import { fetchFeed, type FetchFeedOptions } from './feed-fetcher.js';

export interface FeedPollerOptions {
  /** Fetch limits for every feed (timeouts, size, redirects); the resolver and address rule for tests. */
  fetch: Omit<FetchFeedOptions, 'allowPrivate' | 'etag' | 'lastModified'>;
  /** Feeds fetched at the same time (default 4). */
  concurrency: number;
}

export interface FeedPollerDeps extends Partial<FeedPollerOptions> {
  sources: Pick<WireSourceService, 'due' | 'recordPoll'>;
  ingestDocuments: (documents: { origin: string; bytes: Uint8Array }[], context: { source: WireSource }) => Promise<WireIngestReport & { warnings?: string[] }>;
  clock: Clock;
}

export function createFeedPoller(deps: FeedPollerDeps): FeedPolling {
  const concurrency = Math.max(1, deps.concurrency ?? 4);

  async function pollSource(source: WireSource): Promise<SourcePollResult> {
    const empty = { ingested: 0, updated: 0, duplicates: 0, failed: 0 };
    const fetched = await fetchFeed(source.url ?? '', { ...deps.fetch, allowPrivate: source.allowPrivate, etag: source.etag, lastModified: source.lastModified });
    if (fetched.status === 'not-modified') {
      await deps.sources.recordPoll(source, { ok: true, etag: source.etag, lastModified: source.lastModified });
      return { source: source.slug, status: 'not-modified', ...empty, error: null };
    }
    if (fetched.status === 'error') {
      await deps.sources.recordPoll(source, { ok: false, error: fetched.error });
      return { source: source.slug, status: 'error', ...empty, error: fetched.error };
    }
    const report = await deps.ingestDocuments([{ origin: source.url ?? source.slug, bytes: fetched.bytes }], { source });
    const counts = { ingested: report.ingested, updated: report.updated, duplicates: report.duplicates + report.stale, failed: report.failed };
    // A feed that cannot be read at all (HTML, broken XML) is the source's failure; single bad items are not.
    const unreadable = report.failed > 0 && report.ingested + report.updated + report.duplicates + report.stale === 0;
    const error = unreadable ? report.errors.map((e) => e.message).join('; ') : null;
    const warning = report.warnings?.length ? report.warnings.join('; ') : undefined;
    await deps.sources.recordPoll(source, error ? { ok: false, error } : { ok: true, etag: fetched.etag, lastModified: fetched.lastModified, ...(warning ? { warning } : {}) });
    return { source: source.slug, status: error ? 'error' : 'ok', ...counts, error };
  }

  return {
    /** Polls every due feed once; resolves when all have finished, with one result per feed. */
    async pollDue(): Promise<SourcePollResult[]> {
      const queue = await deps.sources.due();
      const results: SourcePollResult[] = [];
      const worker = async () => {
        for (let source = queue.shift(); source; source = queue.shift()) {
          results.push(await pollSource(source).catch(async (error: unknown) => {
            // A store failure while recording must not end the round for the other feeds.
            const message = `poll failed: ${(error as Error).message}`;
            await deps.sources.recordPoll(source!, { ok: false, error: message }).catch(() => undefined);
            return { source: source!.slug, status: 'error' as const, ingested: 0, updated: 0, duplicates: 0, failed: 0, error: message };
          }));
        }
      };
      await Promise.all(Array.from({ length: concurrency }, worker));
      return results.sort((a, b) => (a.source < b.source ? -1 : 1));
    },
    pollSource,
  };
}
