/** @module Breaking-news alerts: who may send one, the once-per-story rule, and the notification's words trimmed for a lock screen. */
import { MAILING_RULES, checkMailingAction } from '../mailings/mailing-rules.js';
import type { ArticleStatus } from '../articles/article.js';
import type { TextDirection } from '../editions/edition.js';
import type { Role } from '../staff/staff-user.js';

export const ALERT_AUDIENCES = ['followers', 'everyone'] as const;
/** 'followers': browsers and readers following one of the story's topics; 'everyone': all who allowed breaking news. */
export type AlertAudience = (typeof ALERT_AUDIENCES)[number];

/** The roles that may send an alert: the mailing rules' 'alert.send' row (one table for mailings and alerts). */
export const ALERT_SENDERS: readonly Role[] = MAILING_RULES['alert.send'].roles;

export function canSendAlerts(staff: Pick<{ role: Role }, 'role'>): boolean {
  return checkMailingAction('alert.send', staff.role).ok;
}

/** Graphemes that fit a notification on most devices before the system cuts them itself. */
export const ALERT_TITLE_MAX = 80;
export const ALERT_BODY_MAX = 180;

/** What an alert is made from: the story as it stands now. */
export interface AlertStory {
  id: string;
  status: ArticleStatus;
  headline: string;
  /** The first highlight, else the lede. */
  summary: string;
  /** The story's path under its edition (`/ar/article/…`). */
  path: string;
  edition: { id: string; language: string; direction: TextDirection };
  /** Its accepted topics (the ones readers see and follow). */
  topicIds: string[];
}

/** One sending of an alert; a story's first is round 1, and a second only comes when an editor confirms it. */
export interface AlertRound {
  id: string;
  articleId: string;
  round: number;
  audience: AlertAudience;
  title: string;
  body: string;
  url: string;
  /** Deliveries queued (null while they are being queued). */
  recipients: number | null;
  createdBy: string | null;
  createdAt: Date;
}

/** The notification as the service worker shows it. */
export interface AlertNotification {
  title: string;
  body: string;
  /** The story's path: same-origin, opened on a click. */
  url: string;
  /** One notification per story on a device: a later round replaces the earlier one. */
  tag: string;
  lang: string;
  dir: TextDirection;
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemeCount(text: string): number {
  let count = 0;
  for (const _ of segmenter.segment(text)) count++;
  return count;
}

/**
 * `text` with runs of white space made single, cut to at most `max` graphemes (an emoji with its modifiers, a letter
 * with its marks count as one and are never split), at a space when one is near the end, with an ellipsis.
 */
export function trimGraphemes(text: string, max: number): string {
  const clean = text.replace(/\s+/gu, ' ').trim();
  const graphemes = Array.from(segmenter.segment(clean), (s) => s.segment);
  if (graphemes.length <= max) return clean;
  let kept = graphemes.slice(0, max - 1);
  const lastSpace = kept.lastIndexOf(' ');
  if (lastSpace >= Math.floor(max * 0.7)) kept = kept.slice(0, lastSpace);
  return `${kept.join('').replace(/[\s\p{P}]+$/u, '')}…`;
}

export function alertTagOf(articleId: string): string {
  return `alert-${articleId}`;
}

/** The notification for a story: its headline and summary, trimmed. */
export function composeAlert(story: AlertStory): AlertNotification {
  return {
    title: trimGraphemes(story.headline, ALERT_TITLE_MAX),
    body: trimGraphemes(story.summary, ALERT_BODY_MAX),
    url: story.path,
    tag: alertTagOf(story.id),
    lang: story.edition.language,
    dir: story.edition.direction,
  };
}

export type AlertCheck =
  | { ok: true; round: number }
  | { ok: false; code: 'ALERT_NOT_PUBLISHED' | 'ALERT_ALREADY_SENT'; message: string };

/** May this story be alerted now? Only a published one, and once, unless the editor confirms another round. */
export function checkAlert(story: Pick<AlertStory, 'status'>, previous: readonly Pick<AlertRound, 'round'>[], confirmAgain: boolean): AlertCheck {
  if (story.status !== 'published') return { ok: false, code: 'ALERT_NOT_PUBLISHED', message: 'Only a published story can be sent as an alert.' };
  const last = previous.reduce((n, r) => Math.max(n, r.round), 0);
  if (last > 0 && !confirmAgain) {
    return { ok: false, code: 'ALERT_ALREADY_SENT', message: `An alert for this story has already gone out (${last === 1 ? 'once' : `${last} times`}). Tick “Send again” to send another.` };
  }
  return { ok: true, round: last + 1 };
}
