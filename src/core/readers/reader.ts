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

/**
 * What a single bare address never holds: RFC 5322 specials that make a string a list (`,` `;`), a display name or route
 * (`<` `>` `"` `:` `[` `]` `\\` `(` `)`), any space, and control and format characters (bidi overrides included).
 * `postmaster,x@evil.com` is two recipients to a mailer; here it is no address at all.
 */
const NOT_IN_AN_ADDRESS = /[\s,;<>"():[\]\\\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u;
/** A domain label: letters, marks and digits of any script (internationalised domains), inner hyphens. */
const DOMAIN_LABEL = /^[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]{0,61}[\p{L}\p{M}\p{N}])?$/u;

/**
 * One mailbox and nothing else, strictly (readers type it into a public form, and it becomes a mail's recipient):
 * `local@domain`, one `@`, a dot-atom local part (no leading, trailing or doubled dot; Unicode allowed, RFC 6531),
 * and a domain of two labels or more in any script.
 */
export function isReaderEmail(email: string): boolean {
  if (email.length > 320 || !isPlausibleEmail(email) || NOT_IN_AN_ADDRESS.test(email)) return false;
  const parts = email.split('@');
  if (parts.length !== 2) return false;
  const [local, domain] = parts as [string, string];
  if (local.length > 64 || local.startsWith('.') || local.endsWith('.') || local.includes('..')) return false;
  const labels = domain.split('.');
  return domain.length <= 253 && labels.length >= 2 && labels.every((l) => DOMAIN_LABEL.test(l)) && !/^\d+$/.test(labels.at(-1)!);
}

export function isFollowKind(value: string): value is FollowKind {
  return (FOLLOW_KINDS as readonly string[]).includes(value);
}

/** The mailing a sign-in delivery belongs to: one per link, so a second link to the same address is queued too. */
export function signInMailingOf(linkId: string): string {
  return `sign-in:${linkId}`;
}
