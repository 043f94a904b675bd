/** @module The PushSubscriptionStore port: browsers' Web Push subscriptions, their topics, and alerts' audiences (reader database). */

export interface PushSubscriptionInput {
  endpoint: string;
  /** The browser's P-256 public key and auth secret, base64url (RFC 8291). */
  p256dh: string;
  auth: string;
  readerId: string | null;
  editionId: string;
  /** Every breaking-news alert, not only those on `topicIds`. */
  breaking: boolean;
  topicIds: string[];
}

export interface StoredPushSubscription {
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  editionId: string;
}

/** Who an alert goes to: followers of the story's topics, or everyone of its edition who allowed breaking news. */
export type AlertAudienceQuery = { audience: 'followers'; topicIds: readonly string[] } | { audience: 'everyone'; editionId: string };

export interface AudienceCounts {
  /** Browsers subscribed. */
  push: number;
  /** Readers who chose alerts by e-mail. */
  email: number;
}

export interface PushSubscriptionStore {
  /** Topic ids by slug, for the slugs that name a topic (the main database). */
  topicIdsBySlugs(slugs: readonly string[]): Promise<Map<string, string>>;
  /** Creates or replaces the subscription of this endpoint (its keys, reader, choice and topics); returns its id. */
  upsert(input: PushSubscriptionInput, at: Date): Promise<string>;
  /** Forgets the subscription of this endpoint; false when there was none. */
  removeByEndpoint(endpoint: string): Promise<boolean>;
  /** Forgets a subscription the push service says is gone. */
  removeById(id: string): Promise<void>;
  findById(id: string): Promise<StoredPushSubscription | null>;
  countAudience(query: AlertAudienceQuery): Promise<AudienceCounts>;
  /**
   * Subscriptions of the audience after id `after` (in id order), at most `limit`: pages through any number. Each with
   * the reader it belongs to (null for a browser never signed in), so an account's deletion finds its pushes.
   */
  pushAudiencePage(query: AlertAudienceQuery, after: string | null, limit: number): Promise<{ id: string; readerId: string | null }[]>;
  /** Readers of the audience who chose alerts by e-mail, after reader id `after`, at most `limit`. */
  emailAudiencePage(query: AlertAudienceQuery, after: string | null, limit: number): Promise<{ readerId: string; email: string }[]>;
  /** The reader's address while they still want alerts by e-mail; null when they turned them off or left. */
  alertEmailOf(readerId: string): Promise<string | null>;
}
