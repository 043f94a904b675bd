/**
 * @module What the newsroom shows of the topic suggestion job: how far the current run is, how fast it goes, when it
 * should end. Pure: the queue's totals and the time in, a status out.
 */
import type { Role } from '../staff/staff-user.js';
import type { Clock } from '../shared/clock.js';
import { mayTopicJob } from './topic-job-rules.js';
import type { TopicSuggestionProgress, TopicSuggestionQueue } from './topic-suggestion-queue.js';

export interface TopicJobStatus {
  /** Stories queued in this run (since the queue was last empty). */
  queued: number;
  done: number;
  failed: number;
  waiting: number;
  /** 0–100, whole. */
  percent: number;
  /** Stories per second since a process first stored suggestions in this run; null before, and while paused. */
  perSecond: number | null;
  /** Seconds until the queue should be empty at that pace; null when unknown, paused or done. */
  secondsLeft: number | null;
  startedAt: Date;
  /** The last stored batch (or the last queueing). */
  updatedAt: Date;
  finished: boolean;
  /** Stories wait but nothing was stored for PAUSED_AFTER_MS: no process is working the queue (TOPIC_SUGGESTION_THREADS=0 and no `dateline topics`, or it stopped). */
  paused: boolean;
}

/** A finished run stays on the desk for a day, so the desk sees that the archive's topics are in. */
export const FINISHED_SHOWN_MS = 24 * 3600_000;
/** A working process stores a batch every few seconds; this long without one means nobody is working. */
export const PAUSED_AFTER_MS = 5 * 60_000;

export function topicJobStatus(progress: TopicSuggestionProgress, now: Date): TopicJobStatus | null {
  const { startedAt, updatedAt } = progress;
  if (!startedAt || !updatedAt || progress.queued === 0) return null;
  const finished = progress.waiting === 0;
  if (finished && now.getTime() - updatedAt.getTime() > FINISHED_SHOWN_MS) return null;
  const paused = !finished && now.getTime() - updatedAt.getTime() > PAUSED_AFTER_MS;
  const handled = progress.done + progress.failed;
  const elapsed = progress.workingSince ? (updatedAt.getTime() - progress.workingSince.getTime()) / 1000 : 0;
  const perSecond = !paused && handled > 0 && elapsed > 0 ? handled / elapsed : null;
  return {
    queued: progress.queued, done: progress.done, failed: progress.failed, waiting: progress.waiting,
    // Stories queued while a run went on count in it; stories deleted while waiting leave it: clamp to the queue's own view.
    percent: finished ? 100 : Math.min(99, Math.floor((handled / Math.max(1, handled + progress.waiting)) * 100)),
    perSecond, secondsLeft: !finished && perSecond ? Math.ceil(progress.waiting / perSecond) : null,
    startedAt, updatedAt, finished, paused,
  };
}

/** The desk's view of the job: null for roles the rules leave out, and when there is nothing to show. */
export function createTopicJobService(deps: { queue: Pick<TopicSuggestionQueue, 'progress'>; clock: Clock }) {
  return {
    async status(user: { role: Role }): Promise<TopicJobStatus | null> {
      if (!mayTopicJob('topic-job.read', user.role)) return null;
      return topicJobStatus(await deps.queue.progress(), deps.clock.now());
    },
  };
}

export type TopicJobService = ReturnType<typeof createTopicJobService>;
