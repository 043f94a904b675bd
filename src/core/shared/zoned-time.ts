/**
 * @module Zoned time: the one place that turns instants into a zone's wall clock and back, and that builds
 * Intl date formatters. Building a formatter costs far more than using one and formatters hold no state, so
 * each (locale, zone, options) is built once.
 */

const DAY_MS = 24 * 60 * 60 * 1000;

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The formatter of these locale, zone and options, built on first use and kept. */
export function zonedFormatter(locale: string, timeZone: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${timeZone}|${JSON.stringify(options)}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    formatters.set(key, formatter);
  }
  return formatter;
}

const WALL_CLOCK: Intl.DateTimeFormatOptions = {
  hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
};

/** The zone's wall-clock reading at `instant`, to the second, expressed as a UTC millisecond count. */
export function wallClockOf(instant: number, timeZone: string): number {
  const parts = zonedFormatter('en-US', timeZone, WALL_CLOCK).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

/**
 * The instant at which clocks in `timeZone` show `wall` (a wall-clock time written as if it were UTC).
 * The zone's offset can differ on either side of a DST change, so both offsets are tried: when both
 * fit (clocks went back) the earlier wins; when neither fits (clocks jumped over `wall`) the result
 * is the moment the jump ended, e.g. 01:00 on a day whose midnight does not exist.
 */
export function instantOfWallTime(wall: number, timeZone: string): Date {
  const candidates = [wall - offsetAt(wall - DAY_MS, timeZone), wall - offsetAt(wall + DAY_MS, timeZone)];
  const fitting = candidates.filter((instant) => wallClockOf(instant, timeZone) === wall);
  return new Date(fitting.length > 0 ? Math.min(...fitting) : Math.max(...candidates));
}

/** How far the zone's clocks are ahead of UTC at `instant`, in milliseconds. */
function offsetAt(instant: number, timeZone: string): number {
  const wholeSecond = Math.floor(instant / 1000) * 1000;
  return wallClockOf(wholeSecond, timeZone) - wholeSecond;
}

/** 00:00 of `at`'s calendar day in `timeZone` (the first instant of that day where midnight is skipped). */
export function startOfDayInZone(at: Date, timeZone: string): Date {
  const wall = new Date(wallClockOf(at.getTime(), timeZone));
  return instantOfWallTime(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()), timeZone);
}

/** `at` as an HTML datetime-local value in `timeZone` ("2026-11-28T18:30"); '' for no time. */
export function datetimeLocalValue(at: Date | null, timeZone: string): string {
  if (!at) return '';
  return new Date(wallClockOf(at.getTime(), timeZone)).toISOString().slice(0, 16);
}

/** A datetime-local value ("2026-11-28T18:30") read as wall-clock time in `timeZone`; null when it is not one. */
export function parseDatetimeLocal(value: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)$/.exec(value.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const check = new Date(wall);
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59) return null;
  return instantOfWallTime(wall, timeZone);
}
