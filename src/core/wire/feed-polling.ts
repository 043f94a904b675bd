/** @module Feed polling as the desk sees it: the port that polls feed sources, and the timer's round over the due ones. */
import { oneRoundAtATime } from '../shared/one-round-at-a-time.js';
import type { WireSource } from './wire-source.js';

/** What one poll of a feed source did. */
export interface SourcePollResult {
  source: string;
  status: 'ok' | 'not-modified' | 'error';
  ingested: number;
  updated: number;
  duplicates: number;
  failed: number;
  error: string | null;
}

/** Fetches feeds, stores their items and records on each source what happened (adapters/wire/feed-poller.ts). */
export interface FeedPolling {
  /** Polls every due feed once; resolves when all have finished, with one result per feed. */
  pollDue(): Promise<SourcePollResult[]>;
  pollSource(source: WireSource): Promise<SourcePollResult>;
}

export interface FeedPollingReport {
  polled(result: SourcePollResult): void;
  failed(error: unknown): void;
}

/** One round of polling for a timer: every due feed (each keeps its own interval and back-off); rounds never overlap. */
export function feedPollingRound(polling: Pick<FeedPolling, 'pollDue'>, report: FeedPollingReport): () => Promise<void> {
  return oneRoundAtATime(async () => {
    for (const result of await polling.pollDue()) report.polled(result);
  }, report.failed);
}
