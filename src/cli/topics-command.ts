/**
 * @module `dateline topics [--threads N] [--watch] [--json]`: suggests topics for the stories an archive import queued,
 * in a process of its own (with TOPIC_SUGGESTION_THREADS=0 on the serving processes, or to finish faster beside them).
 * Without --watch it stops when the queue is empty; with it, it keeps looking until SIGINT/SIGTERM. A killed run loses
 * at most its batch in progress, which the next run (or a serving process) takes once its lease has passed.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { createTopicSuggestionRunner, startTopicSuggestions } from '../main/topic-suggestion-services.js';
import { redactDatabaseUrl } from '../adapters/db/database-url.js';
import { commandLogger } from '../main/site-services.js';
import { withSite } from './command-site.js';
import { untilStopSignal } from './stop-signal.js';
import { UsageError } from './usage-error.js';

export const TOPICS_USAGE = 'usage: dateline topics [--threads N] [--watch] [--json]';

export async function topicsCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { threads: { type: 'string' }, watch: { type: 'boolean', default: false }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length > 0) throw new UsageError(`topics takes no files, got ${JSON.stringify(positionals.join(' '))}\n${TOPICS_USAGE}`);
  const threads = values.threads === undefined ? availableParallelism() : Number(values.threads);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64) throw new UsageError('--threads must be a whole number from 1 to 64');
  const started = performance.now();

  return withSite(async (site, config) => {
    const logger = commandLogger(config);
    const queue = site.storage.topicSuggestions;
    const before = await queue.progress();
    if (values.watch) {
      const job = startTopicSuggestions({ queue, threads, events: site.events, logger, pollMs: 5_000 });
      // With --json, stdout carries only the summary printed at the end.
      (values.json ? console.error : console.log)(`Dateline is suggesting topics in ${redactDatabaseUrl(config.databaseUrl)} (${before.waiting} stories waiting); SIGTERM stops it`);
      await untilStopSignal();
      await job.stop();
      const after = await queue.progress();
      if (values.json) console.log(JSON.stringify({ waiting: after.waiting, done: after.done - before.done, failed: after.failed - before.failed, threads }));
      return 0;
    }
    let done = 0;
    const tell = !values.json && process.stderr.isTTY;
    const runner = createTopicSuggestionRunner({
      queue, threads, events: site.events, logger,
      onBatch: (r) => {
        done += r.done + r.failed;
        if (tell) process.stderr.write(`\rtopics suggested for ${done} of ${before.waiting} stories…`);
      },
    });
    const stop = () => void runner.stop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    let result: { done: number; failed: number };
    try {
      result = await runner.drain();
    } finally {
      // Whatever happened, the threads end, so the process exits.
      await runner.stop();
    }
    const seconds = (performance.now() - started) / 1000;
    const after = await queue.progress();
    const summary = { done: result.done, failed: result.failed, waiting: after.waiting, seconds: Number(seconds.toFixed(2)), storiesPerSecond: Number(((result.done + result.failed) / seconds).toFixed(1)), threads };
    if (values.json) {
      console.log(JSON.stringify(summary));
    } else {
      if (tell) process.stderr.write('\n');
      console.log(`Suggested topics for ${result.done} ${result.done === 1 ? 'story' : 'stories'}${result.failed ? `, gave up on ${result.failed}` : ''}, ${after.waiting} still waiting; in ${seconds.toFixed(2)} s (${summary.storiesPerSecond} stories/s on ${threads} ${threads === 1 ? 'thread' : 'threads'}).`);
    }
    return result.failed > 0 ? 1 : 0;
  });
}
