/**
 * @module Digests: when a reader's daily or weekly digest is due (from a local hour in their edition's time zone) and which
 * new stories in what they follow go in it. Pure: the service asks the stores and queues the deliveries.
 */
import { startOfDayInZone, wallClockOf } from '../shared/zoned-time.js';

export type DigestFrequency = 'off' | 'daily' | 'weekly';

/** A reader whose digest may be due, as the store lists them. */
export interface DigestReader {
  id: string;
  email: string;
  editionId: string;
  digest: 'daily' | 'weekly';
  /** 0-23 in the edition's time zone. */
  digestHour: number;
  /** 1 Monday … 7 Sunday (ISO). */
  digestWeekday: number;
  /** Stories first published up to this instant were in an earlier digest (or had nothing for the reader). */
  digestThrough: Date | null;
}

/** What a reader follows, by id (topics, sections and authors live in the main database). */
export interface ReaderFollowSet {
  topics: ReadonlySet<string>;
  sections: ReadonlySet<string>;
  authors: ReadonlySet<string>;
}

/** A published story of the edition, as digests match it against follows. */
export interface DigestCandidate {
  id: string;
  sectionId: string;
  topicIds: readonly string[];
  authorIds: readonly string[];
  firstPublishedAt: Date;
}

/** The edition's clock at `now`: which readers' hour and weekday it is, and the local day digests are counted in. */
export interface DigestSlot {
  /** YYYY-MM-DD in the edition's zone: one digest per reader per local day (the mailing and idempotency key). */
  localDate: string;
  hour: number;
  /** 1 Monday … 7 Sunday. */
  weekday: number;
  /** 00:00 of the local day: a reader whose digest_through is at or after it has had today's digest. */
  dayStart: Date;
}

/** Stories in one digest, newest first. */
export const DIGEST_MAX_STORIES = 20;
/** How far back a digest ever looks: a reader back after months of "off" gets this week's news, not the archive. */
export const DIGEST_LOOKBACK_MS = 8 * 24 * 3_600_000;
const DAY_MS = 24 * 3_600_000;

export function digestSlot(now: Date, timeZone: string): DigestSlot {
  const wall = new Date(wallClockOf(now.getTime(), timeZone));
  const day = wall.getUTCDay();
  return {
    localDate: wall.toISOString().slice(0, 10),
    hour: wall.getUTCHours(),
    weekday: day === 0 ? 7 : day,
    dayStart: startOfDayInZone(now, timeZone),
  };
}

/**
 * Due from the reader's hour on, in the edition's local day (weekly: on their weekday), until a digest is made for them
 * that day: a job that was down at 07:00 (an outage, a deploy) sends the 07:00 digest when it runs again, once. An hour
 * the clocks skip (spring forward) is caught up the same way.
 */
export function isDigestDue(reader: Pick<DigestReader, 'digest' | 'digestHour' | 'digestWeekday' | 'digestThrough'>, slot: DigestSlot): boolean {
  if (slot.hour < reader.digestHour) return false;
  if (reader.digest === 'weekly' && reader.digestWeekday !== slot.weekday) return false;
  return reader.digestThrough === null || reader.digestThrough.getTime() < slot.dayStart.getTime();
}

/** Stories after this instant are new to the reader: since the last digest, else one period back; never more than the lookback. */
export function digestSince(reader: Pick<DigestReader, 'digest' | 'digestThrough'>, now: Date): Date {
  const floor = now.getTime() - DIGEST_LOOKBACK_MS;
  const since = reader.digestThrough?.getTime() ?? now.getTime() - (reader.digest === 'weekly' ? 7 : 1) * DAY_MS;
  return new Date(Math.max(floor, since));
}

export function followsStory(follows: ReaderFollowSet, story: DigestCandidate): boolean {
  return follows.sections.has(story.sectionId)
    || story.topicIds.some((id) => follows.topics.has(id))
    || story.authorIds.some((id) => follows.authors.has(id));
}

/** The reader's digest: stories first published in (since, now] in what they follow, newest first, at most `limit`. */
export function selectDigestStories(
  follows: ReaderFollowSet, candidates: readonly DigestCandidate[], since: Date, now: Date, limit = DIGEST_MAX_STORIES,
): string[] {
  return [...candidates]
    .filter((s) => s.firstPublishedAt.getTime() > since.getTime() && s.firstPublishedAt.getTime() <= now.getTime() && followsStory(follows, s))
    .sort((a, b) => b.firstPublishedAt.getTime() - a.firstPublishedAt.getTime() || (a.id < b.id ? -1 : 1))
    .slice(0, limit)
    .map((s) => s.id);
}

/** The mailing a digest belongs to (counts and the idempotency key): one per edition and local day. */
export function digestMailing(editionId: string, localDate: string): string {
  return `digest:${editionId}:${localDate}`;
}

/** What a digest delivery carries: ids, rendered at sending time. */
export interface DigestPayload {
  edition: string;
  date: string;
  storyIds: string[];
}
