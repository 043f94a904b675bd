/** @module Captured time: turns a capture's "Updated …" into an instant, given when and where the page was captured. */
import type { CapturedUpdateTime } from './captured-story.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant a captured story was updated. "38 min 36 sec ago" counts back from `capturedAt`;
 * "17 January 2025" carries no time of day, so it becomes 12:00 that day in `timeZone`, the point
 * least likely to land on the wrong calendar day whichever edition later shows it.
 * Throws a RangeError for an unknown IANA zone: that is configuration, checked at boot.
 */
export function resolveCapturedTime(updated: CapturedUpdateTime, capturedAt: Date, timeZone: string): Date {
  if (updated.kind === 'relative') return new Date(capturedAt.getTime() - updated.secondsAgo * 1000);
  return instantOfWallTime(Date.UTC(updated.year, updated.month - 1, updated.day, 12), timeZone);
}

/** 00:00 of `at`'s calendar day in `timeZone` (the first instant of that day where midnight is skipped). */
export function startOfDayInZone(at: Date, timeZone: string): Date {
  const wall = new Date(wallClockOf(at.getTime(), timeZone));
  return instantOfWallTime(Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate()), timeZone);
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

/** The zone's wall-clock reading at `instant`, to the second, expressed as a UTC millisecond count. */
export function wallClockOf(instant: number, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
}

/** Building a formatter costs far more than using one; they hold no state, so one per zone is kept. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  const known = formatters.get(timeZone);
  if (known) return known;
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  formatters.set(timeZone, formatter);
  return formatter;
}
