/**
 * @module Most read: reads of article pages counted per story and edition in hourly buckets, ranked over the last
 * 24 hours. Pure: the hour and the window come from a time passed in; the counts come through the ReadCounts port.
 */

export const READ_WINDOW_HOURS = 24;
const HOUR_MS = 3_600_000;

/** One story's reads in one edition, as a batch hands them to the store. */
export interface ReadTallyEntry {
  edition: string;
  articleId: string;
  reads: number;
}

export interface ReadCount {
  articleId: string;
  reads: number;
}

/** The hourly buckets a ranking adds up: from `fromHour` to `toHour`, both included (hours since the epoch). */
export interface ReadWindow {
  fromHour: number;
  toHour: number;
}

/** The port: where batches of reads go and rankings come from (the database, or Redis across processes). */
export interface ReadCounts {
  /** Adds the batch to the bucket of `hour`; buckets older than the window may be dropped meanwhile. */
  add(batch: readonly ReadTallyEntry[], hour: number): Promise<void>;
  /** The edition's most read stories over the window, most reads first, at most `limit`. */
  top(edition: string, window: ReadWindow, limit: number): Promise<ReadCount[]>;
}

/** The hour (since the epoch) an instant falls in. */
export function hourOf(at: Date): number {
  return Math.floor(at.getTime() / HOUR_MS);
}

/** The last 24 hours as whole buckets: the current hour and the 23 before it. */
export function readWindow(now: Date, hours = READ_WINDOW_HOURS): ReadWindow {
  const toHour = hourOf(now);
  return { fromHour: toHour - hours + 1, toHour };
}

/** Every hour of a window, oldest first. */
export function hoursOf(window: ReadWindow): number[] {
  return Array.from({ length: window.toHour - window.fromHour + 1 }, (_, i) => window.fromHour + i);
}

/**
 * Adds up counts of the same story (one per bucket, or per process) and ranks them: most reads first, ties by id
 * so every process and page shows the same order; stories without reads are left out.
 */
export function rankMostRead(counts: Iterable<ReadCount>, limit: number): ReadCount[] {
  const totals = new Map<string, number>();
  for (const { articleId, reads } of counts) totals.set(articleId, (totals.get(articleId) ?? 0) + reads);
  return [...totals].filter(([, reads]) => reads > 0)
    .map(([articleId, reads]) => ({ articleId, reads }))
    .sort((a, b) => b.reads - a.reads || (a.articleId < b.articleId ? -1 : a.articleId > b.articleId ? 1 : 0))
    .slice(0, limit);
}
