/** @module The NewsletterStore port: newsletters in the main database, claimed for sending by one conditional update. */
import type { Newsletter, NewsletterDraft, NewsletterStatus } from './newsletter.js';

export interface NewsletterStore {
  insert(newsletter: Newsletter): Promise<void>;
  find(id: string): Promise<Newsletter | null>;
  /** Newest first. */
  list(limit: number): Promise<Newsletter[]>;
  /** Saves the draft (and the schedule) if the newsletter is still in one of `from`; false when it is not any more. */
  save(id: string, change: NewsletterDraft & { status: NewsletterStatus; scheduledAt: Date | null }, from: readonly NewsletterStatus[], at: Date): Promise<boolean>;
  /** Scheduled newsletters whose time has come, and 'sending' ones whose sender stopped updating them before `staleBefore`. */
  listDue(now: Date, staleBefore: Date): Promise<string[]>;
  /**
   * Takes the newsletter for sending: status 'sending' if it is in one of `from` (or 'sending' and untouched since
   * `staleBefore`: its process died). Only one caller wins; false for the others. With `dueBy`, a scheduled newsletter
   * only if its time is at or before it (an editor may have moved it later meanwhile).
   */
  claim(id: string, from: readonly NewsletterStatus[], staleBefore: Date, at: Date, dueBy?: Date): Promise<boolean>;
  /** Keeps a sending claim alive while pages of the audience are queued. */
  touch(id: string, at: Date): Promise<void>;
  markSent(id: string, recipients: number, at: Date): Promise<void>;
  /** A topic by slug or id (audiences name topics by id; editors type slugs). */
  findTopic(by: { slug: string } | { id: string }): Promise<{ id: string; slug: string; name: string } | null>;
}
