import { describe, expect, it } from 'vitest';
import { formatUpdateTime, nextTickSeconds } from './update-time.js';

const edition = { locale: 'en-GB', timeZone: 'UTC' };
const now = new Date('2025-01-17T15:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('formatUpdateTime', () => {
  it('reproduces the capture strings exactly', () => {
    expect(formatUpdateTime(ago(2), now, edition)).toBe('2 sec ago');
    expect(formatUpdateTime(ago(38 * 60 + 36), now, edition)).toBe('38 min 36 sec ago');
    expect(formatUpdateTime(ago(57 * 60 + 19), now, edition)).toBe('57 min 19 sec ago');
    expect(formatUpdateTime(new Date('2025-01-17T08:00:00Z'), now, edition)).toBe('17 January 2025');
  });

  it('switches from seconds to minutes at one minute and to a date at one hour', () => {
    expect(formatUpdateTime(ago(59), now, edition)).toBe('59 sec ago');
    expect(formatUpdateTime(ago(60), now, edition)).toBe('1 min 0 sec ago');
    expect(formatUpdateTime(ago(3599), now, edition)).toBe('59 min 59 sec ago');
    expect(formatUpdateTime(ago(3600), now, edition)).toBe('17 January 2025');
  });

  it('shows the date in the edition time zone', () => {
    const late = new Date('2025-01-16T22:30:00Z');
    expect(formatUpdateTime(late, now, edition)).toBe('16 January 2025');
    expect(formatUpdateTime(late, now, { locale: 'en-GB', timeZone: 'Asia/Riyadh' })).toBe('17 January 2025');
  });

  it('reads a future time (clock skew) as 0 sec ago', () => {
    expect(formatUpdateTime(ago(-5), now, edition)).toBe('0 sec ago');
  });

  it('ticks every second only while relative', () => {
    expect(nextTickSeconds(ago(10), now)).toBe(1);
    expect(nextTickSeconds(ago(7200), now)).toBeNull();
  });
});
