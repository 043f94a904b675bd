/** @module Ports of reader accounts: readers, sign-in links, sessions and follows (reader database), and the follow targets (main database). */
import type { FollowKind, Reader, ReaderPreferences } from './reader.js';

export interface SignInLinkRecord {
  /** The hash of the link's token (the token itself is never stored). */
  id: string;
  email: string;
  editionId: string;
  createdAt: Date;
  expiresAt: Date;
}

/** Why a link cannot sign anyone in. */
export type LinkRefusal = 'unknown' | 'expired' | 'used';

export interface ReaderSessionRecord {
  /** The hash of the cookie's token. */
  id: string;
  readerId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
}

export interface FollowRecord {
  kind: FollowKind;
  targetId: string;
  createdAt: Date;
}

/** Everything held about a reader besides the account row and follows (the export). */
export interface ReaderHoldings {
  deliveries: { kind: string; channel: string; mailing: string; status: string; createdAt: string; sentAt: string | null }[];
  unsubscribes: { list: string; mailing: string | null; createdAt: string }[];
  pushSubscriptions: { endpoint: string; editionId: string; breaking: boolean; createdAt: string; updatedAt: string; topicIds: string[] }[];
  /** Sessions (browsers signed in), never their token's hash or CSRF token. */
  sessions: { createdAt: string; lastSeenAt: string; expiresAt: string }[];
  /** Sign-in links asked for the address, never their token's hash. */
  signInLinks: { editionId: string; createdAt: string; expiresAt: string; usedAt: string | null }[];
}

export interface ReaderStore {
  findById(id: string): Promise<Reader | null>;
  findByEmail(email: string): Promise<Reader | null>;
  /** Inserts the reader unless the address has one already (two links verified at once); returns the address's reader. */
  insertOrFind(reader: { id: string; email: string; editionId: string; createdAt: Date }): Promise<Reader>;
  updatePreferences(id: string, patch: Partial<ReaderPreferences>): Promise<boolean>;
  recordSignIn(id: string, at: Date): Promise<void>;
  /** Deletes the reader and everything held about them (sessions, follows, push subscriptions, deliveries, links); unsubscribes keep no id. */
  deleteReader(id: string): Promise<boolean>;
  holdingsOf(reader: Pick<Reader, 'id' | 'email'>): Promise<ReaderHoldings>;

  insertLink(link: SignInLinkRecord): Promise<void>;
  /** The link when it is unused and unexpired at `at`, without spending it (the confirm page names its address). */
  findLiveLink(id: string, at: Date): Promise<SignInLinkRecord | null>;
  /** Marks the link used when it is unused and unexpired at `at`, in one statement: of two racing uses only one wins. */
  consumeLink(id: string, at: Date): Promise<SignInLinkRecord | LinkRefusal>;

  insertSession(session: ReaderSessionRecord): Promise<void>;
  findSession(id: string): Promise<ReaderSessionRecord | null>;
  touchSession(id: string, at: Date): Promise<void>;
  removeSession(id: string): Promise<void>;
  /** Forgets expired sessions and links; returns how many rows went. */
  removeExpired(now: Date): Promise<number>;

  listFollows(readerId: string): Promise<FollowRecord[]>;
  /** Adds the follows not there yet; returns how many were added. */
  addFollows(readerId: string, follows: readonly { kind: FollowKind; targetId: string }[], at: Date): Promise<number>;
  removeFollow(readerId: string, kind: FollowKind, targetId: string): Promise<boolean>;
}

/** A topic, section or author as a follow names it. `edition`: a section's edition. */
export interface FollowTarget {
  id: string;
  slug: string;
  name: string;
  edition?: string;
}

/** Topics, sections and authors (main database), looked up in batches by slug or by id. */
export interface FollowTargets {
  bySlugs(kind: FollowKind, slugs: readonly string[]): Promise<FollowTarget[]>;
  byIds(kind: FollowKind, ids: readonly string[]): Promise<FollowTarget[]>;
}
