/**
 * @module Migration 0010: reader accounts (sign-in links, sessions, follows), Web Push subscriptions, the delivery
 * outbox (e-mail and push), unsubscribes; and the newsroom's newsletters and breaking-news alerts.
 */
import type { Kysely, Migration } from 'kysely';

/**
 * The readers' tables. PostgreSQL keeps them in the main database; SQLite in a file of its own beside it (PATH-readers,
 * see main/storage.ts), because a busy outbox and readers' sessions would otherwise change the main file's data_version
 * at every commit and empty every other process's page cache. Safe to run twice (the reader file runs it at each open).
 */
export const readerTablesSchema: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('readers')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      // Lower-cased and trimmed; the one way a reader is found.
      .addColumn('email', 'text', (c) => c.notNull().unique())
      // The edition the reader signed up from: its language, time zone and stories make the digests.
      .addColumn('edition_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_signed_in_at', 'text')
      // 'off' | 'daily' | 'weekly', sent at digest_hour (0-23, the edition's time zone), weekly on digest_weekday (1 Monday … 7).
      .addColumn('digest', 'text', (c) => c.notNull().defaultTo('off'))
      .addColumn('digest_hour', 'integer', (c) => c.notNull().defaultTo(7))
      .addColumn('digest_weekday', 'integer', (c) => c.notNull().defaultTo(1))
      // Stories published up to this time have been in a digest (null: none sent yet).
      .addColumn('digest_through', 'text')
      // 1: the reader opted in to the editors' newsletters.
      .addColumn('newsletters', 'integer', (c) => c.notNull().defaultTo(0))
      // 1: breaking-news alerts by e-mail (push alerts are per browser, in push_subscriptions).
      .addColumn('alert_email', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('readers_digest_idx').ifNotExists().on('readers').columns(['digest', 'digest_hour']).execute();

    // One row per link sent; the id is the SHA-256 of the token in the link (the token itself is never stored).
    await db.schema
      .createTable('reader_sign_in_links')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('edition_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('reader_sign_in_links_expires_idx').ifNotExists().on('reader_sign_in_links').column('expires_at').execute();

    // The id is the SHA-256 of the cookie's token, as for staff sessions (a separate table and cookie).
    await db.schema
      .createTable('reader_sessions')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reader_id', 'text', (c) => c.notNull().references('readers.id').onDelete('cascade'))
      .addColumn('csrf_token', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('reader_sessions_reader_idx').ifNotExists().on('reader_sessions').column('reader_id').execute();

    // kind: 'topic' | 'section' | 'author'; target_id the topic's, section's or author's id (in the main database).
    await db.schema
      .createTable('reader_follows')
      .ifNotExists()
      .addColumn('reader_id', 'text', (c) => c.notNull().references('readers.id').onDelete('cascade'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('target_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('reader_follows_pk', ['reader_id', 'kind', 'target_id'])
      .execute();
    // Audiences: the followers of a topic.
    await db.schema.createIndex('reader_follows_target_idx').ifNotExists().on('reader_follows').columns(['kind', 'target_id']).execute();

    // A browser's Web Push subscription (RFC 8030 endpoint + RFC 8291 keys); the id is the SHA-256 of the endpoint.
    await db.schema
      .createTable('push_subscriptions')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('endpoint', 'text', (c) => c.notNull().unique())
      .addColumn('p256dh', 'text', (c) => c.notNull())
      .addColumn('auth', 'text', (c) => c.notNull())
      .addColumn('reader_id', 'text', (c) => c.references('readers.id').onDelete('cascade'))
      .addColumn('edition_id', 'text', (c) => c.notNull())
      // 1: every breaking-news alert; 0: only alerts on the topics in push_subscription_topics.
      .addColumn('breaking', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    // The topics a browser follows (its localStorage list, sent when it subscribes and whenever it changes).
    await db.schema
      .createTable('push_subscription_topics')
      .ifNotExists()
      .addColumn('subscription_id', 'text', (c) => c.notNull().references('push_subscriptions.id').onDelete('cascade'))
      .addColumn('topic_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('push_subscription_topics_pk', ['subscription_id', 'topic_id'])
      .execute();
    await db.schema.createIndex('push_subscription_topics_topic_idx').ifNotExists().on('push_subscription_topics').column('topic_id').execute();

    // The outbox: one row per message to one recipient (an e-mail address or a push subscription id). At least once:
    // a row is claimed (claimed_by, claimed_until) before it is sent and marked after; a claim that lapses (a process
    // died mid-send) is taken again. idempotency_key (kind, mailing, recipient) makes enqueuing twice a no-op.
    await db.schema
      .createTable('deliveries')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('channel', 'text', (c) => c.notNull()) // 'email' | 'push'
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      // What the delivery belongs to, for counts: 'newsletter:ID', 'digest:DATE', 'alert:ID', 'sign-in'.
      .addColumn('mailing', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull()) // 'sign-in' | 'digest' | 'newsletter' | 'alert'
      .addColumn('reader_id', 'text', (c) => c.references('readers.id').onDelete('cascade'))
      .addColumn('recipient', 'text', (c) => c.notNull())
      // JSON: what the message is rendered from at sending time (emptied once sent when it holds a secret).
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull().defaultTo('pending')) // 'pending' | 'sending' | 'sent' | 'failed' | 'skipped'
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claimed_by', 'text')
      .addColumn('claimed_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema.createIndex('deliveries_due_idx').ifNotExists().on('deliveries').columns(['channel', 'status', 'next_attempt_at']).execute();
    await db.schema.createIndex('deliveries_mailing_idx').ifNotExists().on('deliveries').columns(['mailing', 'status']).execute();
    await db.schema.createIndex('deliveries_reader_idx').ifNotExists().on('deliveries').column('reader_id').execute();

    // Who left which list from which mailing (newsletter counts); reader_id is cleared when the account is deleted.
    await db.schema
      .createTable('unsubscribes')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('reader_id', 'text', (c) => c.references('readers.id').onDelete('set null'))
      .addColumn('list', 'text', (c) => c.notNull()) // 'digest' | 'newsletters' | 'alerts'
      .addColumn('mailing', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('unsubscribes_mailing_idx').ifNotExists().on('unsubscribes').column('mailing').execute();
  },
};

export const readerAccountsSchema: Migration = {
  async up(db: Kysely<unknown>) {
    // On SQLite these stay empty in the main file (the reader file holds the rows); PostgreSQL uses them.
    await readerTablesSchema.up(db);

    // Newsletters composed in the newsroom: intro + chosen stories, to an audience, sent now or at scheduled_at.
    await db.schema
      .createTable('newsletters')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id'))
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('intro', 'text', (c) => c.notNull())
      .addColumn('story_ids', 'text', (c) => c.notNull()) // JSON array of article ids, in order
      .addColumn('audience', 'text', (c) => c.notNull()) // 'opted-in' | 'topic'
      .addColumn('topic_id', 'text', (c) => c.references('topics.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull()) // 'draft' | 'scheduled' | 'sending' | 'sent'
      .addColumn('scheduled_at', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('recipients', 'integer') // how many deliveries were queued when it was sent
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('newsletters_due_idx').ifNotExists().on('newsletters').columns(['status', 'scheduled_at']).execute();

    // Breaking-news alerts: at most one per story and round; a new round only when an editor confirms sending again.
    await db.schema
      .createTable('alerts')
      .ifNotExists()
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('article_id', 'text', (c) => c.notNull().references('articles.id').onDelete('cascade'))
      .addColumn('round', 'integer', (c) => c.notNull())
      .addColumn('audience', 'text', (c) => c.notNull()) // 'followers' | 'everyone'
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('recipients', 'integer')
      .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('alerts_article_round_uq', ['article_id', 'round'])
      .execute();
  },
};
