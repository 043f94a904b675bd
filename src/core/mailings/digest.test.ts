import { describe, expect, it } from 'vitest';
import { digestSince, digestSlot, isDigestDue, selectDigestStories, type DigestCandidate, type ReaderFollowSet } from './digest.js';

const follows = (f: Partial<Record<'topics' | 'sections' | 'authors', string[]>>): ReaderFollowSet => ({
  topics: new Set(f.topics ?? []), sections: new Set(f.sections ?? []), authors: new Set(f.authors ?? []),
});
const story = (id: string, at: string, s: Partial<DigestCandidate> = {}): DigestCandidate => ({
  id, sectionId: 'world', topicIds: [], authorIds: [], firstPublishedAt: new Date(at), ...s,
});
const daily = { digest: 'daily' as const, digestHour: 7, digestWeekday: 1, digestThrough: null };

describe('digest slots and due readers', () => {
  it('reads the hour, weekday and local date in Asia/Riyadh (UTC+3, no daylight saving)', () => {
    // 04:00 UTC on Sunday 6 December is 07:00 in Riyadh.
    const slot = digestSlot(new Date('2026-12-06T04:00:00Z'), 'Asia/Riyadh');
    expect(slot).toMatchObject({ localDate: '2026-12-06', hour: 7, weekday: 7 });
    expect(slot.dayStart.toISOString()).toBe('2026-12-05T21:00:00.000Z');
    // 22:30 UTC on the 5th is already the 6th in Riyadh.
    expect(digestSlot(new Date('2026-12-05T22:30:00Z'), 'Asia/Riyadh')).toMatchObject({ localDate: '2026-12-06', hour: 1 });
    expect(isDigestDue(daily, slot)).toBe(true);
    expect(isDigestDue({ ...daily, digestHour: 8 }, slot)).toBe(false);
    // An earlier hour still due today (a missed round is caught up), but not yesterday's hour of a reader who had today's.
    expect(isDigestDue({ ...daily, digestHour: 4 }, slot)).toBe(true);
    expect(isDigestDue({ ...daily, digestHour: 4, digestThrough: new Date('2026-12-06T01:00:00Z') }, slot)).toBe(false);
  });

  it('follows daylight saving in Europe/London: 07:00 is 06:00 UTC in summer and 07:00 UTC in winter', () => {
    expect(digestSlot(new Date('2026-07-01T06:00:00Z'), 'Europe/London')).toMatchObject({ hour: 7, weekday: 3 });
    expect(digestSlot(new Date('2026-12-02T07:00:00Z'), 'Europe/London')).toMatchObject({ hour: 7, weekday: 3 });
    expect(digestSlot(new Date('2026-12-02T06:00:00Z'), 'Europe/London').hour).toBe(6);
    // 29 March 2026: clocks jump 01:00 → 02:00 UTC+1; 06:00 UTC is 07:00 local, and the day began at 00:00 UTC.
    const spring = digestSlot(new Date('2026-03-29T06:00:00Z'), 'Europe/London');
    expect(spring).toMatchObject({ hour: 7, localDate: '2026-03-29' });
    expect(spring.dayStart.toISOString()).toBe('2026-03-29T00:00:00.000Z');
  });

  it('sends a weekly digest only on the reader weekday', () => {
    const weekly = { ...daily, digest: 'weekly' as const, digestWeekday: 3 };
    expect(isDigestDue(weekly, digestSlot(new Date('2026-07-01T06:00:00Z'), 'Europe/London'))).toBe(true);
    expect(isDigestDue(weekly, digestSlot(new Date('2026-07-02T06:00:00Z'), 'Europe/London'))).toBe(false);
  });

  it('catches up when the job was down at the reader hour: due at 09:30 for 07:00, once, and not before 07:00', () => {
    const zone = 'Europe/London';
    expect(isDigestDue(daily, digestSlot(new Date('2026-12-02T06:59:00Z'), zone))).toBe(false);
    const late = digestSlot(new Date('2026-12-02T09:30:00Z'), zone);
    expect(isDigestDue(daily, late)).toBe(true);
    // Made at 09:30: not due again that day, due again the next day from 07:00.
    const made = { ...daily, digestThrough: new Date('2026-12-02T09:30:00Z') };
    expect(isDigestDue(made, digestSlot(new Date('2026-12-02T09:31:00Z'), zone))).toBe(false);
    expect(isDigestDue(made, digestSlot(new Date('2026-12-02T23:59:00Z'), zone))).toBe(false);
    expect(isDigestDue(made, digestSlot(new Date('2026-12-03T06:30:00Z'), zone))).toBe(false);
    expect(isDigestDue(made, digestSlot(new Date('2026-12-03T07:00:00Z'), zone))).toBe(true);
    // Spring forward (29 March 2026, 01:00 → 02:00 in London): a 01:00 reader still gets the day's digest.
    expect(isDigestDue({ ...daily, digestHour: 1 }, digestSlot(new Date('2026-03-29T01:05:00Z'), zone))).toBe(true);
  });

  it('sends at most one digest per local day', () => {
    const slot = digestSlot(new Date('2026-12-06T04:30:00Z'), 'Asia/Riyadh');
    expect(isDigestDue({ ...daily, digestThrough: new Date('2026-12-06T04:00:00Z') }, slot)).toBe(false);
    expect(isDigestDue({ ...daily, digestThrough: new Date('2026-12-05T04:00:00Z') }, slot)).toBe(true);
  });
});

describe('digest stories', () => {
  const now = new Date('2026-12-06T04:00:00Z');
  const candidates = [
    story('old', '2026-12-04T10:00:00Z', { topicIds: ['t-gaza'] }),
    story('new-topic', '2026-12-05T20:00:00Z', { topicIds: ['t-gaza'] }),
    story('new-section', '2026-12-05T21:00:00Z', { sectionId: 'economy' }),
    story('new-author', '2026-12-05T22:00:00Z', { authorIds: ['a-lina'] }),
    story('unfollowed', '2026-12-05T23:00:00Z', { sectionId: 'sport', topicIds: ['t-football'] }),
    story('future', '2026-12-06T05:00:00Z', { topicIds: ['t-gaza'] }),
  ];

  it('takes new stories in followed topics, sections and authors, newest first', () => {
    const f = follows({ topics: ['t-gaza'], sections: ['economy'], authors: ['a-lina'] });
    const since = digestSince({ digest: 'daily', digestThrough: new Date('2026-12-05T04:00:00Z') }, now);
    expect(selectDigestStories(f, candidates, since, now)).toEqual(['new-author', 'new-section', 'new-topic']);
  });

  it('looks one period back for a first digest, and caps the count', () => {
    const f = follows({ topics: ['t-gaza'] });
    expect(digestSince({ digest: 'daily', digestThrough: null }, now).toISOString()).toBe('2026-12-05T04:00:00.000Z');
    expect(digestSince({ digest: 'weekly', digestThrough: null }, now).toISOString()).toBe('2026-11-29T04:00:00.000Z');
    expect(selectDigestStories(f, candidates, digestSince({ digest: 'weekly', digestThrough: null }, now), now)).toEqual(['new-topic', 'old']);
    const many = Array.from({ length: 30 }, (_, i) => story(`s${i}`, new Date(now.getTime() - (i + 1) * 60_000).toISOString(), { topicIds: ['t-gaza'] }));
    expect(selectDigestStories(f, many, new Date(0), now)).toHaveLength(20);
  });

  it('is empty when nothing new matches what the reader follows', () => {
    expect(selectDigestStories(follows({ topics: ['t-weather'] }), candidates, new Date(0), now)).toEqual([]);
    expect(selectDigestStories(follows({}), candidates, new Date(0), now)).toEqual([]);
  });
});
