/** @module Table types of migration 0010: reader accounts, push subscriptions, the delivery outbox, newsletters and alerts. */
import type { Generated } from 'kysely';

export interface ReadersTable {
  id: string;
  email: string;
  edition_id: string;
  created_at: string;
  last_signed_in_at: string | null;
  /** 'off' | 'daily' | 'weekly'. */
  digest: Generated<string>;
  digest_hour: Generated<number>;
  /** 1 Monday … 7 Sunday (ISO). */
  digest_weekday: Generated<number>;
  digest_through: string | null;
  newsletters: Generated<number>;
  alert_email: Generated<number>;
}

export interface ReaderSignInLinksTable {
  /** SHA-256 of the link's token. */
  id: string;
  email: string;
  edition_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ReaderSessionsTable {
  /** SHA-256 of the cookie's token. */
  id: string;
  reader_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

export interface ReaderFollowsTable {
  reader_id: string;
  /** 'topic' | 'section' | 'author'. */
  kind: string;
  target_id: string;
  created_at: string;
}

export interface PushSubscriptionsTable {
  /** SHA-256 of the endpoint. */
  id: string;
  endpoint: string;
  p256dh: string;
  auth: string;
  reader_id: string | null;
  edition_id: string;
  breaking: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PushSubscriptionTopicsTable {
  subscription_id: string;
  topic_id: string;
}

export interface DeliveriesTable {
  id: string;
  /** 'email' | 'push'. */
  channel: string;
  idempotency_key: string;
  mailing: string;
  kind: string;
  reader_id: string | null;
  recipient: string;
  /** JSON. */
  payload: string;
  /** 'pending' | 'sending' | 'sent' | 'failed' | 'skipped'. */
  status: Generated<string>;
  attempts: Generated<number>;
  next_attempt_at: string;
  claimed_by: string | null;
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface UnsubscribesTable {
  id: string;
  reader_id: string | null;
  /** 'digest' | 'newsletters' | 'alerts'. */
  list: string;
  mailing: string | null;
  created_at: string;
}

export interface NewslettersTable {
  id: string;
  edition_id: string;
  subject: string;
  intro: string;
  /** JSON array of article ids. */
  story_ids: string;
  /** 'opted-in' | 'topic'. */
  audience: string;
  topic_id: string | null;
  /** 'draft' | 'scheduled' | 'sending' | 'sent'. */
  status: string;
  scheduled_at: string | null;
  sent_at: string | null;
  recipients: number | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AlertsTable {
  id: string;
  article_id: string;
  round: number;
  /** 'followers' | 'everyone'. */
  audience: string;
  title: string;
  body: string;
  url: string;
  recipients: number | null;
  created_by: string | null;
  created_at: string;
}

/** The tables of the reader database: the main one on PostgreSQL, PATH-readers beside a SQLite file. */
export interface ReaderTables {
  readers: ReadersTable;
  reader_sign_in_links: ReaderSignInLinksTable;
  reader_sessions: ReaderSessionsTable;
  reader_follows: ReaderFollowsTable;
  push_subscriptions: PushSubscriptionsTable;
  push_subscription_topics: PushSubscriptionTopicsTable;
  deliveries: DeliveriesTable;
  unsubscribes: UnsubscribesTable;
}

/** The newsroom's tables of migration 0010 (always in the main database). */
export interface MailingTables {
  newsletters: NewslettersTable;
  alerts: AlertsTable;
}
