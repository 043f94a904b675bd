/**
 * @module The topic suggester's worker thread: compromise runs here, off the serving thread, at the lowest CPU
 * priority the thread may take (Linux: a thread's own nice value), so readers' requests come first on a busy machine.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { suggestStoryTopics, type StoryText } from '../../core/topics/story-topics.js';
import { createCompromiseTopicSuggester } from './compromise-topic-suggester.js';

export interface SuggestRequest { id: number; texts: StoryText[] }
export type SuggestResponse = { id: number; topics: ReturnType<typeof suggestStoryTopics>[] } | { id: number; error: string };

/** Linux gives each thread its own nice value; /proc/thread-self names this thread's id. Elsewhere the thread keeps its priority. */
function lowerPriority(niceness: number): void {
  try {
    const tid = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(tid) && tid > 0) setPriority(tid, niceness);
  } catch {
    // Not Linux, or not allowed: the work is the same, only less polite.
  }
}

const options = (workerData ?? {}) as { niceness?: number };
if (options.niceness !== undefined) lowerPriority(options.niceness);
const suggester = createCompromiseTopicSuggester();

parentPort?.on('message', (request: SuggestRequest) => {
  let response: SuggestResponse;
  try {
    response = { id: request.id, topics: request.texts.map((text) => suggestStoryTopics(suggester, text)) };
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(response);
});
