/** @module Captured time: turns a capture's "Updated …" into an instant, given when and where the page was captured. */
import type { CapturedUpdateTime } from './captured-story.js';
import { instantOfWallTime } from '../shared/zoned-time.js';

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
