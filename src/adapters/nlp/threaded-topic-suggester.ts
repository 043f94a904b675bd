/**
 * @module The topic suggester on worker threads (BatchTopicSuggester): a batch is split across the threads, each runs
 * compromise on its share. A thread that dies fails its share (the job retries story by story) and is replaced on the
 * next batch. Threads start on the first batch, so a process with nothing to suggest never loads the tagger.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { StoryText } from '../../core/topics/story-topics.js';
import type { SuggestedTopic } from '../../core/topics/topic-suggester.js';
import type { BatchTopicSuggester } from '../../core/topics/topic-suggestion-job.js';
import type { SuggestRequest, SuggestResponse } from './topic-suggester-thread.js';

export interface ThreadedTopicSuggesterOptions {
  threads: number;
  /** A share not answered in this long fails and its thread is replaced (a tagger caught in a pathological text). */
  timeoutMs?: number;
  /** The threads' nice value (Linux; 19 the lowest priority); absent: the process's own. */
  niceness?: number;
}

interface Pending { resolve: (topics: SuggestedTopic[][]) => void; reject: (error: Error) => void }

/**
 * Runs from dist/ as JavaScript. Under the tests it runs from src/ as TypeScript: the thread registers tsx (a dev
 * dependency) before it loads the file, as a thread does not inherit the test runner's loader.
 */
function startThread(niceness: number | undefined): Worker {
  const here = new URL(import.meta.url);
  if (!here.pathname.endsWith('.ts')) return new Worker(new URL('./topic-suggester-thread.js', here), { workerData: { niceness } });
  // tsx's ESM entry, found from its package (the `require` condition would give its CommonJS twin).
  const tsx = pathToFileURL(join(dirname(createRequire(here).resolve('tsx/package.json')), 'dist/esm/api/index.mjs')).href;
  const file = new URL('./topic-suggester-thread.ts', here).href;
  const boot = `import(${JSON.stringify(tsx)}).then((m) => { m.register(); return import(${JSON.stringify(file)}); })`;
  return new Worker(boot, { eval: true, workerData: { niceness } });
}

export function createThreadedTopicSuggester(options: ThreadedTopicSuggesterOptions): BatchTopicSuggester & { close(options?: { reopen?: boolean }): Promise<void> } {
  const count = Math.max(1, Math.floor(options.threads));
  const threads: (Worker | null)[] = Array.from({ length: count }, () => null);
  const pending = new Map<number, Pending>();
  const owner = new Map<number, number>();
  let nextId = 1;
  let closed = false;
  // ~30 ms a story: a share of a batch takes seconds; minutes means the tagger is stuck.
  const timeoutMs = options.timeoutMs ?? 120_000;

  function thread(index: number): Worker {
    const existing = threads[index];
    if (existing) return existing;
    const worker = startThread(options.niceness);
    worker.on('message', (response: SuggestResponse) => {
      const waiting = pending.get(response.id);
      if (!waiting) return;
      pending.delete(response.id);
      owner.delete(response.id);
      if ('error' in response) waiting.reject(new Error(`topic suggester failed: ${response.error}`));
      else waiting.resolve(response.topics);
    });
    const fail = (error: Error) => {
      if (threads[index] === worker) threads[index] = null;
      for (const [id, at] of owner) {
        if (at !== index) continue;
        pending.get(id)?.reject(error);
        pending.delete(id);
        owner.delete(id);
      }
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`topic suggester thread stopped (exit code ${code})`)));
    threads[index] = worker;
    return worker;
  }

  function ask(index: number, texts: StoryText[]): Promise<SuggestedTopic[][]> {
    if (closed) return Promise.reject(new Error('the topic suggester is closed'));
    const id = nextId++;
    const worker = thread(index);
    return new Promise<SuggestedTopic[][]>((resolve, reject) => {
      // Hung: the thread is ended (its exit fails every share it held) and the next batch starts a new one.
      const timer = setTimeout(() => void worker.terminate(), timeoutMs);
      timer.unref();
      pending.set(id, { resolve: (v) => { clearTimeout(timer); resolve(v); }, reject: (e) => { clearTimeout(timer); reject(e); } });
      owner.set(id, index);
      const request: SuggestRequest = { id, texts };
      worker.postMessage(request);
    });
  }

  return {
    async suggestAll(texts) {
      if (texts.length === 0) return [];
      const share = Math.ceil(texts.length / count);
      const parts: Promise<SuggestedTopic[][]>[] = [];
      for (let i = 0; i * share < texts.length; i++) parts.push(ask(i, texts.slice(i * share, (i + 1) * share)));
      return (await Promise.all(parts)).flat();
    },
    /** Ends the threads; shares in flight fail. `reopen` lets a later batch start threads again (the job's threads go between runs). */
    async close(options: { reopen?: boolean } = {}) {
      closed = !options.reopen;
      await Promise.all(threads.map((t) => t?.terminate()));
      threads.fill(null);
    },
  };
}
