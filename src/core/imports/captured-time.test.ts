/** @module Tests for resolving captured update times into instants across time zones and DST. */
import { describe, expect, it } from 'vitest';
import { resolveCapturedTime } from './captured-time.js';
import { startOfDayInZone } from '../shared/zoned-time.js';

const capturedAt = new Date('2025-01-17T09:00:00Z');
const date = (year: number, month: number, day: number) => ({ kind: 'date' as const, year, month, day });
const iso = (at: Date) => at.toISOString();

describe('resolveCapturedTime', () => {
  it('counts relative times back from the capture', () => {
    expect(iso(resolveCapturedTime({ kind: 'relative', secondsAgo: 2316 }, capturedAt, 'UTC'))).toBe('2025-01-17T08:21:24.000Z');
    expect(iso(resolveCapturedTime({ kind: 'relative', secondsAgo: 0 }, capturedAt, 'Asia/Riyadh'))).toBe('2025-01-17T09:00:00.000Z');
  });

  it('places a bare date at noon in the zone, summer and winter', () => {
    const cases: [string, ReturnType<typeof date>, string][] = [
      ['Europe/London', date(2024, 6, 19), '2024-06-19T11:00:00.000Z'],
      ['Europe/London', date(2025, 1, 17), '2025-01-17T12:00:00.000Z'],
      ['Asia/Riyadh', date(2025, 1, 17), '2025-01-17T09:00:00.000Z'],
      ['America/New_York', date(2025, 1, 17), '2025-01-17T17:00:00.000Z'],
      ['America/New_York', date(2024, 6, 19), '2024-06-19T16:00:00.000Z'],
      ['UTC', date(2024, 2, 29), '2024-02-29T12:00:00.000Z'],
      ['Asia/Kolkata', date(2025, 1, 17), '2025-01-17T06:30:00.000Z'],
    ];
    for (const [zone, day, expected] of cases) expect(iso(resolveCapturedTime(day, capturedAt, zone)), zone).toBe(expected);
  });

  it('uses the offset in force on the day the clocks change', () => {
    expect(iso(resolveCapturedTime(date(2025, 3, 30), capturedAt, 'Europe/London'))).toBe('2025-03-30T11:00:00.000Z');
    expect(iso(resolveCapturedTime(date(2025, 10, 26), capturedAt, 'Europe/London'))).toBe('2025-10-26T12:00:00.000Z');
    expect(iso(resolveCapturedTime(date(2025, 3, 9), capturedAt, 'America/New_York'))).toBe('2025-03-09T16:00:00.000Z');
  });
});

describe('startOfDayInZone', () => {
  it('finds midnight of the calendar day the instant falls on in the zone', () => {
    expect(iso(startOfDayInZone(new Date('2025-01-17T23:30:00Z'), 'Asia/Riyadh'))).toBe('2025-01-17T21:00:00.000Z');
    expect(iso(startOfDayInZone(new Date('2024-06-19T23:30:00Z'), 'Europe/London'))).toBe('2024-06-19T23:00:00.000Z');
    expect(iso(startOfDayInZone(new Date('2025-01-17T23:30:00Z'), 'Europe/London'))).toBe('2025-01-17T00:00:00.000Z');
    expect(iso(startOfDayInZone(new Date('2025-01-17T03:00:00Z'), 'America/New_York'))).toBe('2025-01-16T05:00:00.000Z');
    expect(iso(startOfDayInZone(new Date('2025-01-17T00:00:00Z'), 'UTC'))).toBe('2025-01-17T00:00:00.000Z');
  });

  it('keeps the offset of midnight itself on days the clocks change later', () => {
    expect(iso(startOfDayInZone(new Date('2025-03-09T20:00:00Z'), 'America/New_York'))).toBe('2025-03-09T05:00:00.000Z');
    expect(iso(startOfDayInZone(new Date('2025-11-02T20:00:00Z'), 'America/New_York'))).toBe('2025-11-02T04:00:00.000Z');
    expect(iso(startOfDayInZone(new Date('2025-03-30T20:00:00Z'), 'Europe/London'))).toBe('2025-03-30T00:00:00.000Z');
  });

  it('starts a day whose midnight is skipped at the end of the jump', () => {
    // Chile moves its clocks from 00:00 to 01:00 on 8 September 2024.
    expect(iso(startOfDayInZone(new Date('2024-09-08T18:00:00Z'), 'America/Santiago'))).toBe('2024-09-08T04:00:00.000Z');
  });

  it('returns the first second of the same day, every day of a year, in zones with and without DST', () => {
    const zones = ['Europe/London', 'America/New_York', 'Asia/Riyadh', 'America/Santiago', 'Australia/Lord_Howe'];
    for (const zone of zones) {
      const format = new Intl.DateTimeFormat('en-CA', { timeZone: zone });
      const dayOf = (at: number) => format.format(at);
      for (let at = Date.UTC(2024, 0, 1, 7, 13); at < Date.UTC(2025, 0, 1); at += 86_400_000 + 3_600_000) {
        const start = startOfDayInZone(new Date(at), zone).getTime();
        expect([dayOf(start), dayOf(start - 1000)], `${zone} ${new Date(at).toISOString()}`).toEqual([dayOf(at), expect.not.stringMatching(`^${dayOf(at)}$`)]);
      }
    }
  });
});
