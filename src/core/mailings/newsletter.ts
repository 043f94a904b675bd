/** @module Newsletters: an editor's intro and chosen stories, sent to an audience now or at a scheduled time. */

export type NewsletterStatus = 'draft' | 'scheduled' | 'sending' | 'sent';
/** 'opted-in': every reader of the edition with newsletters on; 'topic': those of them who follow a topic. */
export type NewsletterAudience = 'opted-in' | 'topic';

export interface Newsletter {
  id: string;
  editionId: string;
  subject: string;
  /** Plain text; a blank line starts a new paragraph. */
  intro: string;
  /** Article ids, in the order the newsletter shows them. */
  storyIds: string[];
  audience: NewsletterAudience;
  topicId: string | null;
  status: NewsletterStatus;
  scheduledAt: Date | null;
  sentAt: Date | null;
  /** Readers the newsletter was queued for. */
  recipients: number | null;
  createdBy: string | null;
  createdAt: Date;
  updatedAt: Date;
}

/** What an editor writes. */
export interface NewsletterDraft {
  subject: string;
  intro: string;
  storyIds: string[];
  audience: NewsletterAudience;
  topicId: string | null;
}

export const MAX_NEWSLETTER_SUBJECT = 150;
export const MAX_NEWSLETTER_INTRO = 5000;
export const MAX_NEWSLETTER_STORIES = 30;

/** Statuses in which the newsletter can still be changed (a scheduled one is changed until it goes out). */
export const EDITABLE_STATUSES: readonly NewsletterStatus[] = ['draft', 'scheduled'];

/** Problems of a draft, field by field (`ready`: also what sending needs, a subject and at least one story). */
export function newsletterIssues(draft: NewsletterDraft, ready: boolean): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (draft.subject.length > MAX_NEWSLETTER_SUBJECT) issues.push({ path: 'subject', message: `A subject has at most ${MAX_NEWSLETTER_SUBJECT} characters.` });
  if (/[\r\n]/.test(draft.subject)) issues.push({ path: 'subject', message: 'A subject is one line.' });
  if (draft.intro.length > MAX_NEWSLETTER_INTRO) issues.push({ path: 'intro', message: `The intro has at most ${MAX_NEWSLETTER_INTRO} characters.` });
  if (draft.storyIds.length > MAX_NEWSLETTER_STORIES) issues.push({ path: 'stories', message: `A newsletter has at most ${MAX_NEWSLETTER_STORIES} stories.` });
  if (draft.audience === 'topic' && !draft.topicId) issues.push({ path: 'topic', message: 'Choose the topic whose followers get it.' });
  if (ready && draft.subject.trim() === '') issues.push({ path: 'subject', message: 'Write a subject before sending.' });
  if (ready && draft.storyIds.length === 0) issues.push({ path: 'stories', message: 'Add at least one story before sending.' });
  return issues;
}

/** The intro's paragraphs: split at blank lines, each trimmed, empty ones dropped. */
export function introParagraphs(intro: string): string[] {
  return intro.split(/\n\s*\n/).map((p) => p.trim()).filter((p) => p !== '');
}

/** The mailing a newsletter's deliveries and unsubscribes belong to. */
export function newsletterMailing(id: string): string {
  return `newsletter:${id}`;
}

/** What a newsletter delivery carries: the id; the newsletter is rendered at sending time. */
export interface NewsletterPayload {
  newsletterId: string;
}
