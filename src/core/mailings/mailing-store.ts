/** @module The MailingStore port: the reader-side reads and writes of digests, newsletters' audiences and unsubscribes. */
import type { DigestCandidate, DigestReader, ReaderFollowSet } from './digest.js';

export type MailingList = 'digest' | 'newsletters' | 'alerts';

/** A reader's mail preferences, as renderers check them at sending time. */
export interface MailingReader {
  id: string;
  email: string;
  editionId: string;
  digest: 'off' | 'daily' | 'weekly';
  newsletters: boolean;
  alertEmail: boolean;
}

export interface DueReaderQuery {
  editionId: string;
  hour: number;
  weekday: number;
  /** Readers whose digest_through is before this (or null) have had no digest today. */
  before: Date;
  /** Keyset: readers with an id after this one ('' from the start). */
  after: string;
  limit: number;
}

export interface AudienceQuery {
  editionId: string;
  /** 'opted-in': readers with newsletters on; 'topic': those of them who follow the topic. */
  audience: 'opted-in' | 'topic';
  topicId: string | null;
  after: string;
  limit: number;
}

export interface MailingStore {
  /** Readers of the edition whose digest hour is this hour or earlier, on this weekday for weekly ones, and not had since `before`; by id after `after`. */
  listDueDigestReaders(query: DueReaderQuery): Promise<DigestReader[]>;
  followsOf(readerIds: readonly string[]): Promise<Map<string, ReaderFollowSet>>;
  /** Records that these readers' digests cover stories up to `through` (whether or not a digest was queued). */
  markDigested(readerIds: readonly string[], through: Date): Promise<void>;
  /** The edition's stories first published in (since, until], newest first (from the main database). */
  listDigestCandidates(editionId: string, since: Date, until: Date, limit: number): Promise<DigestCandidate[]>;
  findReader(id: string): Promise<MailingReader | null>;
  /** Turns the list off ('all': every list) and records who left from which mailing; false when there is no such reader. */
  unsubscribe(input: { id: string; readerId: string; lists: readonly MailingList[]; mailing: string | null; at: Date }): Promise<boolean>;
  countUnsubscribes(mailing: string): Promise<number>;
  /** A page of a newsletter's audience (readers with newsletters on), by id after `after`. */
  listNewsletterAudience(query: AudienceQuery): Promise<{ id: string; email: string }[]>;
}
