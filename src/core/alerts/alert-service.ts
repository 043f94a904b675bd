/** @module Alerts' use cases: preview a story's alert, send it (queued per recipient in the outbox), and resolve a queued one at sending time. */
import type { DeliveryCounts, DeliveryStore } from '../deliveries/delivery-store.js';
import type { Delivery, NewDelivery } from '../deliveries/delivery.js';
import type { RenderedPush } from '../deliveries/rendered-mail.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/domain-error.js';
import type { IdGenerator } from '../shared/ids.js';
import type { StaffUser } from '../staff/staff-user.js';
import {
  canSendAlerts, checkAlert, composeAlert, type AlertAudience, type AlertNotification, type AlertRound, type AlertStory,
} from './alert.js';
import type { AlertStore } from './alert-store.js';
import type { AlertAudienceQuery, AudienceCounts, PushSubscriptionStore } from './push-subscription-store.js';

export interface AlertServiceDeps {
  alerts: AlertStore;
  subscriptions: PushSubscriptionStore;
  deliveries: DeliveryStore;
  clock: Clock;
  ids: IdGenerator;
  /** Recipients read and queued per step (an alert to 100,000 is many small steps, never one huge list). */
  batchSize?: number;
}

export interface AlertPreview {
  story: AlertStory;
  notification: AlertNotification;
  audiences: Record<AlertAudience, AudienceCounts>;
  rounds: (AlertRound & { counts: DeliveryCounts })[];
}

/** A queued alert delivery as its sender needs it: the round's words, or null when it must not go out any more. */
export interface ResolvedAlert {
  round: AlertRound;
  /** The story's edition (its language, zone and address). */
  editionId: string;
  notification: AlertNotification;
}

/** A push as the service worker gets it: RenderedPush with the story's language and direction (Arabic shows right to left). */
export interface AlertPush extends RenderedPush {
  lang: string;
  dir: 'ltr' | 'rtl';
}

/** Hours a push service may hold an alert for a browser that is offline: later, the news is no longer breaking. */
export const ALERT_PUSH_TTL_SECONDS = 4 * 3600;

/** How long a round may still be queuing in `send` before `resumeUnfinishedRounds` takes it for interrupted. */
export const RESUME_AFTER_MS = 60_000;

export const alertMailingOf = (alertId: string) => `alert:${alertId}`;

export function audienceQueryOf(story: AlertStory, audience: AlertAudience): AlertAudienceQuery {
  return audience === 'followers' ? { audience, topicIds: story.topicIds } : { audience, editionId: story.edition.id };
}

export function createAlertService(deps: AlertServiceDeps) {
  const batchSize = deps.batchSize ?? 1000;

  async function storyOf(articleId: string): Promise<AlertStory> {
    const story = await deps.alerts.findStory(articleId);
    if (!story) throw new DomainError('ARTICLE_NOT_FOUND');
    return story;
  }

  async function preview(articleId: string): Promise<AlertPreview> {
    const story = await storyOf(articleId);
    const [followers, everyone, rounds] = await Promise.all([
      deps.subscriptions.countAudience(audienceQueryOf(story, 'followers')),
      deps.subscriptions.countAudience(audienceQueryOf(story, 'everyone')),
      deps.alerts.listRounds(articleId),
    ]);
    const counted = await Promise.all(rounds.map(async (r) => ({ ...r, counts: await deps.deliveries.countsOf(alertMailingOf(r.id)) })));
    return { story, notification: composeAlert(story), audiences: { followers, everyone }, rounds: counted };
  }

  /** Queues one push per subscription and one e-mail per reader who chose e-mail, a batch at a time; returns how many were queued. */
  async function queueRound(round: AlertRound, query: AlertAudienceQuery): Promise<number> {
    const mailing = alertMailingOf(round.id);
    const payload = { alertId: round.id };
    let queued = 0;
    for (let after: string | null = null; ;) {
      const subs: { id: string; readerId: string | null }[] = await deps.subscriptions.pushAudiencePage(query, after, batchSize);
      const batch: NewDelivery[] = subs.map((s) => ({ channel: 'push', kind: 'alert', mailing, recipient: s.id, readerId: s.readerId, payload }));
      queued += await deps.deliveries.enqueue(batch, deps.clock.now());
      if (subs.length < batchSize) break;
      after = subs[subs.length - 1]!.id;
    }
    for (let after: string | null = null; ;) {
      const readers: { readerId: string; email: string }[] = await deps.subscriptions.emailAudiencePage(query, after, batchSize);
      const batch: NewDelivery[] = readers.map((r) => ({ channel: 'email', kind: 'alert', mailing, recipient: r.email, readerId: r.readerId, payload }));
      queued += await deps.deliveries.enqueue(batch, deps.clock.now());
      if (readers.length < batchSize) break;
      after = readers[readers.length - 1]!.readerId;
    }
    return queued;
  }

  async function send(staff: Pick<StaffUser, 'id' | 'role'>, input: { articleId: string; audience: AlertAudience; confirmAgain: boolean }): Promise<{ round: AlertRound; queued: number }> {
    if (!canSendAlerts(staff)) throw new DomainError('PERMISSION_DENIED', 'Only editors and admins can send alerts.');
    const story = await storyOf(input.articleId);
    const check = checkAlert(story, await deps.alerts.listRounds(story.id), input.confirmAgain);
    if (!check.ok) throw new DomainError(check.code, check.message);
    const query = audienceQueryOf(story, input.audience);
    const reach = await deps.subscriptions.countAudience(query);
    // A round to nobody would still count as the story's one alert: refused, so the other audience stays possible.
    if (reach.push + reach.email === 0) throw new DomainError('VALIDATION_FAILED', 'Nobody is in this audience yet: no alert was sent.', { field: 'audience' });
    const notification = composeAlert(story);
    const round: AlertRound = {
      id: deps.ids.newId(), articleId: story.id, round: check.round, audience: input.audience, title: notification.title, body: notification.body,
      url: notification.url, recipients: null, createdBy: staff.id, createdAt: deps.clock.now(),
    };
    // The unique (story, round) makes a double submit or two editors at once send one round, not two.
    if (!(await deps.alerts.insertRound(round))) throw new DomainError('ALERT_ALREADY_SENT', 'Another alert for this story has just gone out.');
    const queued = await queueRound(round, query);
    // The round's deliveries, not only this call's: a slow round may have been resumed meanwhile (resumeUnfinishedRounds).
    const recipients = (await deps.deliveries.countsOf(alertMailingOf(round.id))).queued;
    await deps.alerts.setRecipients(round.id, recipients);
    return { round: { ...round, recipients }, queued };
  }

  /**
   * Finishes rounds whose queuing was cut short (the process died or the database failed after the round was recorded):
   * those still without a recipient count `RESUME_AFTER_MS` after they were recorded are queued again (the outbox's
   * idempotency key skips whoever is queued already), then get their count. Returns how many rounds were finished.
   */
  async function resumeUnfinishedRounds(now: Date): Promise<number> {
    const rounds = await deps.alerts.listUnfinishedRounds(new Date(now.getTime() - RESUME_AFTER_MS));
    for (const round of rounds) {
      const story = await deps.alerts.findStory(round.articleId);
      // A withdrawn story's queued alerts resolve to nothing at sending time; nobody more is queued for it.
      if (story && story.status === 'published') await queueRound(round, audienceQueryOf(story, round.audience));
      await deps.alerts.setRecipients(round.id, (await deps.deliveries.countsOf(alertMailingOf(round.id))).queued);
    }
    return rounds.length;
  }

  /** At sending time: the round a delivery belongs to, unless its story has been unpublished since (then nothing goes out). */
  async function resolve(delivery: Pick<Delivery, 'payload'>): Promise<ResolvedAlert | null> {
    const alertId = delivery.payload['alertId'];
    if (typeof alertId !== 'string') return null;
    const round = await deps.alerts.findRound(alertId);
    const story = round ? await deps.alerts.findStory(round.articleId) : null;
    if (!round || !story || story.status !== 'published') return null;
    const notification = { ...composeAlert(story), title: round.title, body: round.body, url: round.url };
    return { round, notification, editionId: story.edition.id };
  }

  /** The push of a queued delivery ('high' urgency wakes a sleeping phone: only for alerts to everyone, the breaking ones). */
  async function renderPush(delivery: Pick<Delivery, 'payload'>): Promise<AlertPush | null> {
    const resolved = await resolve(delivery);
    if (!resolved) return null;
    const { notification: n, round } = resolved;
    return {
      title: n.title, body: n.body, url: n.url, tag: n.tag, lang: n.lang, dir: n.dir,
      ttlSeconds: ALERT_PUSH_TTL_SECONDS, urgency: round.audience === 'everyone' ? 'high' : 'normal',
    };
  }

  return { preview, send, resumeUnfinishedRounds, resolve, renderPush };
}

export type AlertService = ReturnType<typeof createAlertService>;
