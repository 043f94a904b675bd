/** @module Tests for reading agency timestamps: zones as written, zone-less times in the agency's zone, else UTC flagged. */
import { describe, expect, it } from 'vitest';
import { wireTime } from './wire-time.js';

const iso = (raw: string, zone: string | null = null) => wireTime(raw, zone)?.at.toISOString();

describe('wireTime', () => {
  it('reads ISO 8601 extended and basic forms and RFC 822 with their zone', () => {
    expect(iso('2022-10-11T11:14:42+02:00')).toBe('2022-10-11T09:14:42.000Z');
    expect(iso('2017-10-11T10:41:00+0100')).toBe('2017-10-11T09:41:00.000Z');
    expect(iso('20131020T192751+1100')).toBe('2013-10-20T08:27:51.000Z');
    expect(iso('20151210T191044Z', 'America/New_York')).toBe('2015-12-10T19:10:44.000Z');
    expect(iso('2014-07-17 00:24:11 GMT+00:00')).toBe('2014-07-17T00:24:11.000Z');
    expect(iso('Mon, 18 Sep 2017 21:33:59 GMT')).toBe('2017-09-18T21:33:59.000Z');
  });

  it('reads a time without a zone in the agency zone, summer and winter', () => {
    expect(iso('2018-04-04T04:05:16', 'Europe/Helsinki')).toBe('2018-04-04T01:05:16.000Z');
    expect(iso('2019-01-15T04:05:16', 'Europe/Helsinki')).toBe('2019-01-15T02:05:16.000Z');
    expect(iso('20150218T160141', 'Australia/Sydney')).toBe('2015-02-18T05:01:41.000Z');
    expect(iso('2020-09-07T14:45:26', 'Europe/Oslo')).toBe('2020-09-07T12:45:26.000Z');
    expect(wireTime('2018-04-04T04:05:16', 'Europe/Helsinki')?.assumedUtc).toBe(false);
  });

  it('reads a zone-less time at a daylight-saving edge by the site\'s one rule (zoned-time.ts)', () => {
    // Clocks went forward 03:00 → 04:00 in Helsinki on 25 March 2018: 03:30 never showed; it is read pushed on by the jump (04:30).
    expect(iso('2018-03-25T03:30:00', 'Europe/Helsinki')).toBe('2018-03-25T01:30:00.000Z');
    expect(iso('2018-03-25T03:00:00', 'Europe/Helsinki')).toBe('2018-03-25T01:00:00.000Z');
    expect(iso('20180325T025959', 'Europe/Helsinki')).toBe('2018-03-25T00:59:59.000Z');
    // Clocks went back 04:00 → 03:00 on 28 October 2018: 03:30 showed twice; the first (still summer time) is meant.
    expect(iso('2018-10-28T03:30:00', 'Europe/Helsinki')).toBe('2018-10-28T00:30:00.000Z');
    expect(iso('2018-10-28T04:00:00', 'Europe/Helsinki')).toBe('2018-10-28T02:00:00.000Z');
    // New York, spring forward at 02:00 and fall back at 02:00 (2021).
    expect(iso('2021-03-14T02:30:00', 'America/New_York')).toBe('2021-03-14T07:30:00.000Z');
    expect(iso('2021-11-07T01:30:00', 'America/New_York')).toBe('2021-11-07T05:30:00.000Z');
    // Lord Howe's half-hour shift, south of the equator.
    expect(iso('2021-04-04T01:45:00', 'Australia/Lord_Howe')).toBe('2021-04-03T14:45:00.000Z');
  });

  it('reads a zone-less time as UTC, flagged, when the zone is not known; null for what is not a date', () => {
    expect(wireTime('2020-09-07T14:45:26', null)).toEqual({ at: new Date('2020-09-07T14:45:26Z'), assumedUtc: true });
    for (const raw of ['', '   ', 'tomorrow', 'الثلاثاء', '2020-13-45T99:00:00Z', null, undefined]) expect(wireTime(raw, null), String(raw)).toBeNull();
  });
});
