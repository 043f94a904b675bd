/** The page cache's lifetime cap: while invalidations may be missed, pages (new and already cached) live briefly. */
import { describe, expect, it } from 'vitest';
import { createPageCache, makePage } from './page-cache.js';

function cacheAt() {
  const clock = { now: 0 };
  const cache = createPageCache({ maxEntries: 10, ttlMs: 60_000, nowMs: () => clock.now });
  const page = () => makePage({ contentType: 'text/html', body: '<p>hi</p>', tags: ['home'] });
  return { clock, cache, page };
}

describe('page cache lifetime cap', () => {
  it('keeps pages for the full TTL without a cap', () => {
    const { clock, cache, page } = cacheAt();
    cache.set('/', page());
    clock.now = 59_999;
    expect(cache.get('/')).not.toBeNull();
    clock.now = 60_000;
    expect(cache.get('/')).toBeNull();
  });

  it('shortens the life of pages already cached and of pages cached while capped', () => {
    const { clock, cache, page } = cacheAt();
    cache.set('/old', page());
    clock.now = 1_000;
    cache.capTtlMs(2_000);
    cache.set('/new', page());
    clock.now = 2_999;
    expect(cache.get('/old')).not.toBeNull();
    expect(cache.get('/new')).not.toBeNull();
    clock.now = 3_000;
    expect(cache.get('/old')).toBeNull();
    expect(cache.get('/new')).toBeNull();
  });

  it('gives pages the full TTL again once the cap is lifted, without lengthening the capped ones', () => {
    const { clock, cache, page } = cacheAt();
    cache.capTtlMs(2_000);
    cache.set('/capped', page());
    cache.capTtlMs(null);
    cache.set('/full', page());
    clock.now = 2_000;
    expect(cache.get('/capped')).toBeNull();
    clock.now = 59_999;
    expect(cache.get('/full')).not.toBeNull();
  });

  it('never lengthens a TTL shorter than the cap', () => {
    const clock = { now: 0 };
    const cache = createPageCache({ maxEntries: 10, ttlMs: 500, nowMs: () => clock.now });
    cache.capTtlMs(2_000);
    cache.set('/', makePage({ contentType: 'text/html', body: 'x' }));
    clock.now = 500;
    expect(cache.get('/')).toBeNull();
  });
});
