/** The most-read rules: the 24-hour window in whole hours, the ranking, the tally and its flush. */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { hourOf, hoursOf, rankMostRead, readWindow, type ReadCounts, type ReadTallyEntry } from './most-read.js';
import { createMostReadService, createReadTally } from './most-read-service.js';

const T = new Date('2026-12-06T08:30:00Z');

describe('the read window', () => {
  it('is the current hour and the 23 before it', () => {
    const window = readWindow(T);
    expect(window.toHour).toBe(hourOf(T));
    expect(hoursOf(window)).toHaveLength(24);
    expect(hoursOf(window)[0]).toBe(hourOf(new Date('2026-12-05T09:00:00Z')));
    expect(hourOf(new Date('2026-12-06T08:59:59.999Z'))).toBe(hourOf(new Date('2026-12-06T08:00:00Z')));
  });
});

describe('the ranking', () => {
  it('adds up buckets of a story, puts most reads first, breaks ties by id and leaves out stories without reads', () => {
    const ranked = rankMostRead([
      { articleId: 'b', reads: 2 }, { articleId: 'a', reads: 1 }, { articleId: 'c', reads: 3 }, { articleId: 'a', reads: 2 }, { articleId: 'z', reads: 0 },
    ], 10);
    expect(ranked).toEqual([{ articleId: 'a', reads: 3 }, { articleId: 'c', reads: 3 }, { articleId: 'b', reads: 2 }]);
    expect(rankMostRead(ranked, 1)).toEqual([{ articleId: 'a', reads: 3 }]);
  });
});

describe('the tally and its flush', () => {
  function memoryCounts(fail = false) {
    const added: { batch: ReadTallyEntry[]; hour: number }[] = [];
    const counts: ReadCounts = {
      add: async (batch, hour) => { if (fail) throw new Error('store away'); added.push({ batch: [...batch], hour }); },
      top: async () => [],
    };
    return { counts, added };
  }
  const articles = { findSummariesByIds: async () => [] };

  it('sends one batch per flush, per edition and story, in the hour of the flush', async () => {
    const tally = createReadTally();
    for (const [edition, id] of [['en', 'a'], ['en', 'a'], ['ar', 'a'], ['en', 'b']] as const) tally.record(edition, id);
    const { counts, added } = memoryCounts();
    const service = createMostReadService({ counts, articles, clock: fixedClock(T) });
    expect(await service.flush(tally)).toBe(4);
    expect(added).toHaveLength(1);
    expect(added[0]!.hour).toBe(hourOf(T));
    expect(added[0]!.batch).toHaveLength(3);
    expect(added[0]!.batch).toEqual(expect.arrayContaining([{ edition: 'en', articleId: 'a', reads: 2 }, { edition: 'ar', articleId: 'a', reads: 1 }, { edition: 'en', articleId: 'b', reads: 1 }]));
    expect(await service.flush(tally)).toBe(0);
    expect(added).toHaveLength(1);
  });

  it('keeps the reads of a failed flush for the next one', async () => {
    const tally = createReadTally();
    tally.record('en', 'a');
    const failing = createMostReadService({ counts: memoryCounts(true).counts, articles, clock: fixedClock(T) });
    await expect(failing.flush(tally)).rejects.toThrow('store away');
    tally.record('en', 'a');
    const { counts, added } = memoryCounts();
    await createMostReadService({ counts, articles, clock: fixedClock(T) }).flush(tally);
    expect(added[0]?.batch).toEqual([{ edition: 'en', articleId: 'a', reads: 2 }]);
  });

  it('runs flushes one at a time: the last one (at shutdown) waits for a slow one and then stores what came after', async () => {
    const tally = createReadTally();
    let release: () => void = () => undefined;
    let entered: () => void = () => undefined;
    const slowEntered = new Promise<void>((resolve) => { entered = resolve; });
    let inStore = 0;
    let most = 0;
    const added: ReadTallyEntry[][] = [];
    const counts: ReadCounts = {
      add: async (batch) => {
        most = Math.max(most, ++inStore);
        if (added.length === 0) {
          const gate = new Promise<void>((resolve) => { release = resolve; });
          entered();
          await gate;
        }
        added.push([...batch]);
        inStore--;
      },
      top: async () => [],
    };
    const service = createMostReadService({ counts, articles, clock: fixedClock(T) });
    tally.record('en', 'slow');
    const slow = service.flush(tally);
    await slowEntered;
    tally.record('ar', 'later');
    const last = service.flush(tally);
    await new Promise((resolve) => setImmediate(resolve));
    expect(added).toEqual([]);
    release();
    expect(await slow).toBe(1);
    expect(await last).toBe(1);
    expect(most).toBe(1);
    expect(added).toEqual([[{ edition: 'en', articleId: 'slow', reads: 1 }], [{ edition: 'ar', articleId: 'later', reads: 1 }]]);
  });
});
