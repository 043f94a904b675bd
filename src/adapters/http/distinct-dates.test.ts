import { describe, expect, it } from 'vitest';
import { makePage } from './page-cache.js';
import { createDistinctDates } from './distinct-dates.js';

const page = (body: string, at: string) => makePage({ contentType: 'text/html; charset=utf-8', body, lastModified: new Date(at) });

describe('distinct Last-Modified dates per page', () => {
  it('dates new bytes within the second of the previous ones a second later, so If-Modified-Since still tells', () => {
    const distinct = createDistinctDates();
    expect(distinct('/', page('<p>الأول</p>', '2026-12-06T08:00:10.200Z')).lastModified?.toISOString()).toBe('2026-12-06T08:00:10.000Z');
    expect(distinct('/', page('<p>الثاني 📰</p>', '2026-12-06T08:00:10.700Z')).lastModified?.toISOString()).toBe('2026-12-06T08:00:11.000Z');
    // A list whose newest story was unpublished: its data date goes back, its bytes changed, so the date goes on.
    expect(distinct('/', page('<p>третий</p>', '2026-12-06T07:00:00.000Z')).lastModified?.toISOString()).toBe('2026-12-06T08:00:12.000Z');
  });

  it('keeps the first date for the same bytes, and dates other pages by their own data', () => {
    const distinct = createDistinctDates();
    expect(distinct('/a', page('same', '2026-12-06T08:00:10.000Z')).lastModified?.toISOString()).toBe('2026-12-06T08:00:10.000Z');
    expect(distinct('/a', page('same', '2026-12-06T09:00:00.000Z')).lastModified?.toISOString()).toBe('2026-12-06T08:00:10.000Z');
    expect(distinct('/b', page('同じ', '2026-12-06T08:00:10.500Z')).lastModified?.toISOString()).toBe('2026-12-06T08:00:10.000Z');
  });

  it('leaves pages without a date and error pages alone', () => {
    const distinct = createDistinctDates();
    const undated = makePage({ contentType: 'text/plain', body: 'x' });
    expect(distinct('/u', undated)).toBe(undated);
    const missing = makePage({ status: 404, contentType: 'text/plain', body: 'gone', lastModified: new Date('2026-12-06T08:00:10.500Z') });
    expect(distinct('/m', missing)).toBe(missing);
  });
});
