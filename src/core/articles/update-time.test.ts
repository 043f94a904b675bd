import { describe, expect, it } from 'vitest';
import { formatEditionDate, formatUpdateTime, nextTickSeconds, type TimeEdition } from './update-time.js';

const english: TimeEdition = { locale: 'en-GB', numberingSystem: 'latn', timeZone: 'UTC' };
const arabic: TimeEdition = { locale: 'ar-SA', numberingSystem: 'latn', timeZone: 'Asia/Riyadh' };
const arabicDigits: TimeEdition = { ...arabic, numberingSystem: 'arab' };
const now = new Date('2025-01-17T15:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('formatUpdateTime in English', () => {
  it('reproduces the capture strings exactly', () => {
    expect(formatUpdateTime(ago(2), now, english)).toBe('2 sec ago');
    expect(formatUpdateTime(ago(38 * 60 + 36), now, english)).toBe('38 min 36 sec ago');
    expect(formatUpdateTime(ago(57 * 60 + 19), now, english)).toBe('57 min 19 sec ago');
    expect(formatUpdateTime(ago(57 * 60), now, english)).toBe('57 min 0 sec ago');
    expect(formatUpdateTime(ago(2 * 3600), now, english)).toBe('17 January 2025');
    expect(formatUpdateTime(new Date('2025-01-17T08:00:00Z'), now, english)).toBe('17 January 2025');
  });

  it('switches from seconds to minutes at one minute and to a date at one hour', () => {
    expect(formatUpdateTime(ago(59), now, english)).toBe('59 sec ago');
    expect(formatUpdateTime(ago(60), now, english)).toBe('1 min 0 sec ago');
    expect(formatUpdateTime(ago(3599), now, english)).toBe('59 min 59 sec ago');
    expect(formatUpdateTime(ago(3600), now, english)).toBe('17 January 2025');
  });

  it('shows the date in the edition time zone', () => {
    const late = new Date('2025-01-16T22:30:00Z');
    expect(formatUpdateTime(late, now, english)).toBe('16 January 2025');
    expect(formatUpdateTime(late, now, { ...english, timeZone: 'Asia/Riyadh' })).toBe('17 January 2025');
  });

  it('reads a future time (clock skew) as 0 sec ago', () => {
    expect(formatUpdateTime(ago(-5), now, english)).toBe('0 sec ago');
  });
});

describe('formatUpdateTime in Arabic', () => {
  it('says seconds, then minutes and seconds, with the right plural forms and Latin digits', () => {
    expect(formatUpdateTime(ago(2), now, arabic)).toBe('قبل ثانيتين');
    expect(formatUpdateTime(ago(11), now, arabic)).toBe('قبل 11 ثانية');
    expect(formatUpdateTime(ago(38 * 60 + 36), now, arabic)).toBe('قبل 38 دقيقة و36 ثانية');
    expect(formatUpdateTime(ago(57 * 60 + 19), now, arabic)).toBe('قبل 57 دقيقة و19 ثانية');
    expect(formatUpdateTime(ago(2 * 60 + 2), now, arabic)).toBe('قبل دقيقتين وثانيتين');
  });

  it('writes Arabic-Indic digits when the edition asks for them', () => {
    expect(formatUpdateTime(ago(38 * 60 + 36), now, arabicDigits)).toBe('قبل ٣٨ دقيقة و٣٦ ثانية');
    expect(formatUpdateTime(ago(57 * 60), now, arabicDigits)).toBe('قبل ٥٧ دقيقة و٠ ثانية');
    expect(formatUpdateTime(ago(2 * 3600), now, arabicDigits)).toBe('١٧ يناير ٢٠٢٥');
  });

  it('switches at the same minute and hour, to a date in the edition zone', () => {
    expect(formatUpdateTime(ago(59), now, arabic)).toBe('قبل 59 ثانية');
    expect(formatUpdateTime(ago(60), now, arabic)).toBe('قبل دقيقة واحدة و0 ثانية');
    expect(formatUpdateTime(ago(3599), now, arabic)).toBe('قبل 59 دقيقة و59 ثانية');
    expect(formatUpdateTime(ago(3600), now, arabic)).toBe('17 يناير 2025');
    // 22:30 UTC is already the next day in Riyadh.
    expect(formatUpdateTime(new Date('2025-01-16T22:30:00Z'), now, arabic)).toBe('17 يناير 2025');
  });
});

describe('other locales', () => {
  it('keep their own frame, or fall back to minutes where none is found', () => {
    expect(formatUpdateTime(ago(38 * 60 + 36), now, { locale: 'fr-FR', numberingSystem: 'latn', timeZone: 'UTC' })).toBe('il y a 38\u00a0min 36\u00a0s');
    expect(formatUpdateTime(ago(38 * 60 + 36), now, { locale: 'zh-CN', numberingSystem: 'latn', timeZone: 'UTC' })).toMatch(/^38.*36.*前$/);
  });
});

describe('formatEditionDate', () => {
  it('uses the locale, digits and zone of the edition', () => {
    const at = new Date('2025-01-16T22:30:00Z');
    expect(formatEditionDate(at, english)).toBe('16 January 2025');
    expect(formatEditionDate(at, arabicDigits)).toBe('١٧ يناير ٢٠٢٥');
  });
});

describe('nextTickSeconds', () => {
  it('ticks every second only while relative', () => {
    expect(nextTickSeconds(ago(10), now)).toBe(1);
    expect(nextTickSeconds(ago(7200), now)).toBeNull();
  });
});
