/**
 * @module The topic suggestion job in a process: worker threads for the suggester, rounds that work the queue until it
 * is empty, then a look every `pollMs` for new work. `serve` runs it with TOPIC_SUGGESTION_THREADS threads (1 by
 * default, at the lowest thread priority); `dateline topics` runs it in a process of its own.
 */
import type { EventBus } from '../core/events/event-bus.js';
import { createTopicSuggestionJob, type TopicBatchResult } from '../core/topics/topic-suggestion-job.js';
import type { TopicSuggestionQueue } from '../core/topics/topic-suggestion-queue.js';
import { createThreadedTopicSuggester } from '../adapters/nlp/threaded-topic-suggester.js';
import { systemClock } from './app-services.js';
import { repeatEvery } from './repeat-timer.js';
import type { Logger } from 'pino';

export interface TopicSuggestionOptions {
  queue: TopicSuggestionQueue;
  threads: number;
  /** The threads' nice value (Linux): 19 in a serving process, so pages come first. */
  niceness?: number;
  events?: Pick<EventBus, 'publish'>;
  logger: Pick<Logger, 'info' | 'error'>;
  /** How often an idle process looks for queued stories. */
  pollMs?: number;
  /** Called after every batch (the CLI prints progress). */
  onBatch?: (result: TopicBatchResult) => void;
}

export interface TopicSuggestionRunner {
  /** Works the queue until it is empty (or the runner stops); resolves with the stories done and given up. */
  drain(): Promise<{ done: number; failed: number }>;
  stop(): Promise<void>;
}

const DEFAULT_POLL_MS = 30_000;

export function createTopicSuggestionRunner(options: TopicSuggestionOptions): TopicSuggestionRunner {
  // 128 stories a thread: a few seconds of work per commit. Each commit changes a SQLite file's data_version, which
  // empties the other serving processes' page caches, so commits are kept seconds apart; a process killed mid-batch
  // loses only that batch's work (taken again after its lease).
  const suggester = createThreadedTopicSuggester({ threads: options.threads, ...(options.niceness !== undefined ? { niceness: options.niceness } : {}) });
  const job = createTopicSuggestionJob({
    queue: options.queue, suggester, clock: systemClock, batchSize: 128 * Math.max(1, options.threads),
    ...(options.events ? { events: options.events } : {}),
  });
  let stopped = false;
  let current: Promise<{ done: number; failed: number }> | null = null;

  async function work(): Promise<{ done: number; failed: number }> {
    const total = { done: 0, failed: 0 };
    try {
      while (!stopped) {
        const result = await job.runBatch();
        if (result.claimed === 0) break;
        total.done += result.done;
        total.failed += result.failed;
        options.onBatch?.(result);
      }
    } finally {
      // Nothing queued (or a round failed): the threads, and the tagger's memory, go until the next round.
      await suggester.close({ reopen: !stopped });
    }
    return total;
  }

  function drain(): Promise<{ done: number; failed: number }> {
    current ??= work().finally(() => { current = null; });
    return current;
  }

  return {
    drain,
    async stop() {
      stopped = true;
      await current?.catch(() => undefined);
      await suggester.close({ reopen: false });
    },
  };
}

/** Starts the job in a serving process: a round now and one every `pollMs`, never two at once; failures are logged and retried next round. */
export function startTopicSuggestions(options: TopicSuggestionOptions): { stop(): Promise<void> } {
  const runner = createTopicSuggestionRunner(options);
  const round = async () => {
    try {
      const { done, failed } = await runner.drain();
      if (done + failed > 0) options.logger.info({ event: 'topics.suggested', done, failed }, 'topic suggestions stored');
    } catch (err) {
      options.logger.error({ err, event: 'topics.suggestion_failed' }, 'topic suggestion round failed; retried in the next round');
    }
  };
  const stopTimer = repeatEvery(round, options.pollMs ?? DEFAULT_POLL_MS);
  return {
    async stop() {
      stopTimer();
      await runner.stop();
    },
  };
}
