/** @module The most-read flush timer: every few seconds the reads counted in memory go to the store in one batch. */
import type { MostReadDeps } from '../adapters/http/http-deps.js';
import { readFlushRound } from '../core/most-read/most-read-service.js';
import type { Logger } from 'pino';
import { repeatEvery } from './repeat-timer.js';

/** Often enough that a list is minutes fresh and few reads are lost to a crash; rare enough to be one write a while. */
export const READ_FLUSH_EVERY_MS = 5_000;

export function startReadFlush(mostRead: Pick<MostReadDeps, 'flush'>, logger: Pick<Logger, 'warn'>, everyMs = READ_FLUSH_EVERY_MS): () => void {
  return repeatEvery(readFlushRound(mostRead.flush, {
    failed: (err) => logger.warn({ err, event: 'most_read.flush_failed' }, 'reads could not be stored; they are kept for the next round'),
  }), everyMs);
}
