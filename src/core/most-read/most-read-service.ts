/**
 * @module The most-read use cases: count a read in memory (the cheap part every page view pays), flush the tally
 * to the ReadCounts store in batches, and list an edition's most read published stories over the last 24 hours.
 */
import type { ArticleSummary } from '../articles/article.js';
import type { ArticleStore } from '../articles/article-store.js';
import type { Clock } from '../shared/clock.js';
import { hourOf, readWindow, type ReadCounts, type ReadTallyEntry } from './most-read.js';

export const MOST_READ_LIMIT = 5;
/** How long a ranking is reused: pages that show it are cached about as long. */
const RANKING_TTL_MS = 60_000;

export interface MostReadServiceDeps {
  counts: ReadCounts;
  articles: Pick<ArticleStore, 'findSummariesByIds'>;
  clock: Clock;
}

/** Reads counted since the last flush, per edition and story: two Map lookups and an increment per read, no allocation once a story is in. */
export function createReadTally() {
  let pending = new Map<string, Map<string, ReadTallyEntry>>();
  const add = (edition: string, articleId: string, reads: number) => {
    let stories = pending.get(edition);
    if (!stories) pending.set(edition, (stories = new Map()));
    const entry = stories.get(articleId);
    if (entry) entry.reads += reads;
    else stories.set(articleId, { edition, articleId, reads });
  };
  return {
    record(edition: string, articleId: string): void {
      add(edition, articleId, 1);
    },
    /** A batch the store refused goes back, to be flushed with the next. */
    restore(batch: readonly ReadTallyEntry[]): void {
      for (const { edition, articleId, reads } of batch) add(edition, articleId, reads);
    },
    /** Everything counted so far, and a fresh tally for what comes next. */
    drain(): ReadTallyEntry[] {
      const batch = [...pending.values()].flatMap((stories) => [...stories.values()]);
      pending = new Map();
      return batch;
    },
  };
}
export type ReadTally = ReturnType<typeof createReadTally>;

export function createMostReadService(deps: MostReadServiceDeps) {
  const rankings = new Map<string, { at: number; stories: Promise<ArticleSummary[]> }>();

  // Flushes run one at a time: a slow one never overlaps the next round, and the last one at shutdown waits for it.
  let previous: Promise<unknown> = Promise.resolve();

  /** One flush: the tally so far goes to the store in one batch; on failure it is counted again next time. */
  function flush(tally: ReadTally): Promise<number> {
    const next = previous.catch(() => undefined).then(() => flushNow(tally));
    previous = next;
    return next;
  }

  async function flushNow(tally: ReadTally): Promise<number> {
    const batch = tally.drain();
    if (batch.length === 0) return 0;
    try {
      await deps.counts.add(batch, hourOf(deps.clock.now()));
    } catch (error) {
      tally.restore(batch);
      throw error;
    }
    // This process's rankings are behind what it just stored: the next page asks the store again.
    rankings.clear();
    return batch.reduce((sum, e) => sum + e.reads, 0);
  }

  async function rank(edition: string, limit: number): Promise<ArticleSummary[]> {
    // A few more than shown: a story unpublished since it was read is left out.
    const top = await deps.counts.top(edition, readWindow(deps.clock.now()), limit * 2);
    const byId = new Map((await deps.articles.findSummariesByIds(top.map((t) => t.articleId))).map((s) => [s.id, s]));
    return top.flatMap((t) => byId.get(t.articleId) ?? []).slice(0, limit);
  }

  /** The edition's most read published stories over the last 24 hours; one store query per edition a minute, or per flush. */
  function mostRead(edition: string, limit = MOST_READ_LIMIT): Promise<ArticleSummary[]> {
    const now = deps.clock.now().getTime();
    const key = `${edition}\u0000${limit}`;
    const cached = rankings.get(key);
    if (cached && now - cached.at < RANKING_TTL_MS) return cached.stories;
    const stories = rank(edition, limit);
    rankings.set(key, { at: now, stories });
    // A failed ranking is not kept: the next page asks again.
    stories.catch(() => rankings.delete(key));
    return stories;
  }

  return { flush, mostRead };
}
export type MostReadService = ReturnType<typeof createMostReadService>;

/** The flush timer's round (main/ repeats it): a failure is reported, never thrown; its reads wait for the next round. */
export function readFlushRound(flush: () => Promise<number>, report: { failed: (error: unknown) => void }): () => Promise<void> {
  return async () => {
    try {
      await flush();
    } catch (error) {
      report.failed(error);
    }
  };
}
