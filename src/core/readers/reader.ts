/** @module Reader accounts: who a reader is (an e-mail address), their preferences, and the rules of sign-in links and sessions. */
import { isPlausibleEmail } from '../staff/staff-user.js';

export type DigestFrequency = 'off' | 'daily' | 'weekly';
export const DIGEST_FREQUENCIES: readonly DigestFrequency[] = ['off', 'daily', 'weekly'];
export type FollowKind = 'topic' | 'section' | 'author';
export const FOLLOW_KINDS: readonly FollowKind[] = ['topic', 'section', 'author'];

/** What a reader chooses on the account page (kept on the readers row; digests, newsletters and alerts read it). */
export interface ReaderPreferences {
  digest: DigestFrequency;
  /** 0–23, in the edition's time zone. */
  digestHour: number;
  /** 1 Monday … 7 Sunday (ISO), for weekly digests. */
  digestWeekday: number;
  newsletters: boolean;
  /** Breaking-news alerts by e-mail. */
  alertEmail: boolean;
}

export interface Reader extends ReaderPreferences {
  id: string;
  email: string;
  /** The edition the reader signed up from: the language of their mail. */
  editionId: string;
  createdAt: Date;
  lastSignedInAt: Date | null;
  /** Stories published up to this time have been in a digest (null: none sent yet). */
  digestThrough: Date | null;
}

/** A sign-in link is good for one use within 15 minutes. */
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;
/** A reader stays signed in for 90 days from signing in. */
export const READER_SESSION_MS = 90 * 24 * 3600_000;
/** How often a session's last_seen_at is written (not at every request). */
export const READER_SESSION_TOUCH_MS = 3600_000;
/** At most this many follows of each kind are kept per reader (a merge beyond it is cut). */
export const MAX_FOLLOWS_PER_KIND = 500;

/** The one form of an address an account is found by: NFC, trimmed, lower-cased. */
export function normaliseReaderEmail(email: string): string {
  return email.normalize('NFC').trim().toLowerCase();
}

export function isReaderEmail(email: string): boolean {
  return email.length <= 320 && isPlausibleEmail(email);
}

export function isFollowKind(value: string): value is FollowKind {
  return (FOLLOW_KINDS as readonly string[]).includes(value);
}

/** The mailing a sign-in delivery belongs to: one per link, so a second link to the same address is queued too. */
export function signInMailingOf(linkId: string): string {
  return `sign-in:${linkId}`;
}
