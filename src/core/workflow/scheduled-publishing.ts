/** @module Scheduled publishing as a timer's round: the stories whose time has come are published; rounds never overlap in one process. */
import { oneRoundAtATime } from '../shared/one-round-at-a-time.js';
import type { NewsroomService } from './newsroom-service.js';

export interface ScheduledPublishingReport {
  published(slugs: string[]): void;
  failed(error: unknown): void;
}

/** Safe with many processes too: each story is published by one conditional update, which only one of them wins. */
export function scheduledPublishingRound(newsroom: Pick<NewsroomService, 'publishDueArticles'>, report: ScheduledPublishingReport): () => Promise<void> {
  return oneRoundAtATime(async () => {
    const published = await newsroom.publishDueArticles();
    if (published.length) report.published(published);
  }, report.failed);
}
