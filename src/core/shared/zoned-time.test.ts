import { describe, expect, it } from 'vitest';
import { datetimeLocalValue, instantOfWallTime, parseDatetimeLocal, wallClockOf, zonedFormatter } from './zoned-time.js';

describe('zoned time', () => {
  it('builds one formatter per locale, zone and options', () => {
    const a = zonedFormatter('ar-SA-u-nu-latn', 'Asia/Riyadh', { day: 'numeric', month: 'long' });
    expect(zonedFormatter('ar-SA-u-nu-latn', 'Asia/Riyadh', { day: 'numeric', month: 'long' })).toBe(a);
    expect(zonedFormatter('en-GB', 'Asia/Riyadh', { day: 'numeric', month: 'long' })).not.toBe(a);
    expect(a.format(new Date('2025-01-17T22:00:00Z'))).toBe('18 يناير');
  });

  it('reads and writes datetime-local values in a zone, across daylight saving changes', () => {
    expect(datetimeLocalValue(new Date('2026-11-28T15:30:00Z'), 'Asia/Riyadh')).toBe('2026-11-28T18:30');
    expect(parseDatetimeLocal('2026-11-28T18:30', 'Asia/Riyadh')?.toISOString()).toBe('2026-11-28T15:30:00.000Z');
    // 02:30 does not exist in New York on 9 March 2025: moved forward by the gap, to 03:30 (as Temporal's 'compatible').
    expect(parseDatetimeLocal('2025-03-09T02:30', 'America/New_York')?.toISOString()).toBe('2025-03-09T07:30:00.000Z');
    // 01:30 happens twice on 2 November 2025: the earlier one.
    expect(parseDatetimeLocal('2025-11-02T01:30', 'America/New_York')?.toISOString()).toBe('2025-11-02T05:30:00.000Z');
    expect(datetimeLocalValue(null, 'UTC')).toBe('');
  });

  it('refuses what is not a datetime-local value or not a date', () => {
    for (const bad of ['', 'tomorrow', '2026-02-30T10:00', '2026-11-28T24:00', '2026-11-28 18:30', '٢٠٢٦-١١-٢٨T18:30']) {
      expect(parseDatetimeLocal(bad, 'UTC'), bad).toBeNull();
    }
  });

  it('turns wall-clock readings back into the instants that show them', () => {
    const at = Date.parse('2024-06-19T23:30:00Z');
    expect(instantOfWallTime(wallClockOf(at, 'Europe/London'), 'Europe/London').getTime()).toBe(at);
  });
});
