import { describe, expect, it } from 'vitest';
import { createPageCache } from '../page-cache.js';
import { latestOf, listChangeClock } from './list-last-modified.js';

function cacheAt(start: number) {
  let wall = start;
  let generation = 1;
  const cache = createPageCache({ maxEntries: 10, ttlMs: 60_000, nowMs: () => 0, wallNowMs: () => wall, generation: () => generation });
  return { cache, setWall: (ms: number) => { wall = ms; }, bumpGeneration: () => { generation++; } };
}

const story = (iso: string) => ({ updatedAt: new Date(iso) });

describe('listChangeClock (Last-Modified of lists)', () => {
  it('is the newest story shown, never earlier than the cache knows of changes (its creation)', () => {
    const { cache } = cacheAt(Date.parse('2025-01-17T12:00:00Z'));
    expect(listChangeClock(cache, ['section:world'])([story('2025-01-17T14:00:00Z'), story('2025-01-17T13:00:00Z')]).toISOString()).toBe('2025-01-17T14:00:00.000Z');
    expect(listChangeClock(cache, ['section:world'])([story('2025-01-17T11:00:00Z')]).toISOString()).toBe('2025-01-17T12:00:00.000Z');
    expect(listChangeClock(cache, ['section:world'])([]).toISOString()).toBe('2025-01-17T12:00:00.000Z');
  });

  it('moves on when one of its tags changes, or everything does; other tags leave it alone', () => {
    const { cache, setWall, bumpGeneration } = cacheAt(Date.parse('2025-01-17T12:00:00Z'));
    setWall(Date.parse('2025-01-17T15:00:00Z'));
    cache.invalidate(['article:x', 'topic:東京']);
    expect(cache.lastChangeOf(['topic:東京']).toISOString()).toBe('2025-01-17T15:00:00.000Z');
    expect(cache.lastChangeOf(['section:world']).toISOString()).toBe('2025-01-17T12:00:00.000Z');
    setWall(Date.parse('2025-01-17T16:00:00Z'));
    cache.clear();
    expect(cache.lastChangeOf(['section:world']).toISOString()).toBe('2025-01-17T16:00:00.000Z');
    // Another process wrote to the database (the SQLite generation moved): everything may have changed.
    setWall(Date.parse('2025-01-17T17:00:00Z'));
    bumpGeneration();
    expect(cache.lastChangeOf(['author:ann']).toISOString()).toBe('2025-01-17T17:00:00.000Z');
  });

  it('reads the change time when made, before the stories: a change during the render moves the next one on', () => {
    const { cache, setWall } = cacheAt(Date.parse('2025-01-17T12:00:00Z'));
    const clock = listChangeClock(cache, ['home']);
    setWall(Date.parse('2025-01-17T12:30:00Z'));
    cache.invalidate(['home']);
    expect(clock([]).toISOString()).toBe('2025-01-17T12:00:00.000Z');
    expect(listChangeClock(cache, ['home'])([]).toISOString()).toBe('2025-01-17T12:30:00.000Z');
  });

  it('counts everything as changing now while invalidations may be missed (Redis away)', () => {
    const { cache, setWall } = cacheAt(Date.parse('2025-01-17T12:00:00Z'));
    setWall(Date.parse('2025-01-17T12:05:00Z'));
    cache.capTtlMs(2_000);
    expect(cache.lastChangeOf(['home']).toISOString()).toBe('2025-01-17T12:05:00.000Z');
    cache.capTtlMs(null);
    expect(cache.lastChangeOf(['home']).toISOString()).toBe('2025-01-17T12:00:00.000Z');
  });

  it('forgets single tags past its bound by counting everything as changed', () => {
    const { cache, setWall } = cacheAt(0);
    setWall(5_000);
    for (let i = 0; i < 10_001; i++) cache.invalidate([`article:${i}`]);
    expect(cache.lastChangeOf(['section:never-touched']).getTime()).toBe(5_000);
  });
});

describe('latestOf', () => {
  it('latestOf picks the latest date and skips missing ones', () => {
    expect(latestOf(null, new Date(5), undefined, new Date(3))?.getTime()).toBe(5);
    expect(latestOf()).toBeNull();
  });
});
