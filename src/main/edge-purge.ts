/**
 * @module Tells the edge cache to purge the surrogate keys of every public story change. Runs beside the
 * publish path, never in it: a purge that fails is logged and retried with back-off, and a publish never waits
 * for, or fails with, the edge.
 */
import type { EventBus } from '../core/events/event-bus.js';
import type { EdgePurger } from '../adapters/edge/edge-purger.js';
import { createVarnishPurger } from '../adapters/edge/varnish-purger.js';
import { createWebhookPurger } from '../adapters/edge/webhook-purger.js';
import { surrogateKey } from '../adapters/edge/surrogate-key.js';

/** Waits before each retry: quick at first (a Varnish restarting), then long enough for a CDN API to recover. */
export const RETRY_DELAYS_MS = [500, 2_000, 10_000, 30_000];

export interface EdgePurgeLog {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
  error(fields: object, message: string): void;
}

export interface EdgePurgeOptions {
  purgers: EdgePurger[];
  logger: EdgePurgeLog;
  retryDelaysMs?: readonly number[];
  /** Tests pass an immediate wait; production uses a timer. */
  wait?: (ms: number) => Promise<void>;
}

const timerWait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms).unref());

/** One purge at one edge, retried; resolves true once purged, false after the last attempt failed. Never rejects. */
export async function purgeWithRetry(purger: EdgePurger, keys: readonly string[], options: Omit<EdgePurgeOptions, 'purgers'>): Promise<boolean> {
  const delays = options.retryDelaysMs ?? RETRY_DELAYS_MS;
  const wait = options.wait ?? timerWait;
  for (let attempt = 0; ; attempt++) {
    try {
      await purger.purge(keys);
      options.logger.info({ event: 'edge.purged', target: purger.target, keys, attempt }, 'edge cache purged');
      return true;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined) {
        options.logger.error({ event: 'edge.purge_failed', target: purger.target, keys, attempts: attempt + 1, err: error }, 'edge purge gave up: pages stay until their s-maxage');
        return false;
      }
      options.logger.warn({ event: 'edge.purge_retry', target: purger.target, keys, attempt, retryInMs: delay, err: error }, 'edge purge failed, retrying');
      await wait(delay);
    }
  }
}

/** Keys per purge request at most (as header characters): Varnish refuses request headers over 8 KB by default. */
export const MAX_PURGE_KEY_CHARS = 4_000;

/** The next keys to purge, taken from `pending`: as many as fit in one request. */
function takeBatch(pending: Set<string>): string[] {
  const batch: string[] = [];
  let chars = 0;
  for (const key of pending) {
    const size = surrogateKey(key).length + 1;
    if (batch.length > 0 && chars + size > MAX_PURGE_KEY_CHARS) break;
    batch.push(key);
    chars += size;
    pending.delete(key);
  }
  return batch;
}

/**
 * Purges every story change's keys at every edge. Keys that arrive while an edge's purge is in flight wait and go
 * together in its next one, so an import of thousands of stories costs a few purges, not one per story.
 * Returns the unsubscribe function and a way to await purges in flight.
 */
export function subscribeEdgePurge(events: EventBus, options: EdgePurgeOptions): { stop: () => void; settled: () => Promise<void> } {
  const edges = options.purgers.map((purger) => ({ purger, pending: new Set<string>(), running: null as Promise<void> | null }));
  const drain = async (edge: (typeof edges)[number]) => {
    while (edge.pending.size > 0) await purgeWithRetry(edge.purger, takeBatch(edge.pending), options);
    edge.running = null;
  };
  const stop = events.subscribe((event) => {
    if (event.type !== 'story.published' && event.type !== 'story.updated' && event.type !== 'story.unpublished') return;
    if (event.tags.length === 0) return;
    for (const edge of edges) {
      for (const tag of event.tags) edge.pending.add(tag);
      edge.running ??= drain(edge);
    }
  });
  return {
    stop,
    settled: async () => {
      while (edges.some((edge) => edge.running)) await Promise.all(edges.map((edge) => edge.running));
    },
  };
}

/** The purgers the configuration names: each Varnish in EDGE_PURGE_URL, and the EDGE_PURGE_WEBHOOK. */
export function edgePurgersFrom(config: { edgePurgeUrls: readonly string[]; edgePurgeWebhook: string | null; edgePurgeWebhookToken: string | null }): EdgePurger[] {
  return [
    ...config.edgePurgeUrls.map((url) => createVarnishPurger(url)),
    ...(config.edgePurgeWebhook ? [createWebhookPurger(config.edgePurgeWebhook, { token: config.edgePurgeWebhookToken })] : []),
  ];
}

/** What site-services.ts calls: subscribes when an edge is configured; a no-op otherwise. */
export function startEdgePurge(config: Parameters<typeof edgePurgersFrom>[0], events: EventBus, logger: EdgePurgeLog): ReturnType<typeof subscribeEdgePurge> {
  const purgers = edgePurgersFrom(config);
  if (purgers.length === 0) return { stop: () => {}, settled: async () => {} };
  logger.info({ event: 'edge.purge_enabled', targets: purgers.map((p) => p.target) }, 'edge cache purging on');
  return subscribeEdgePurge(events, { purgers, logger });
}
