/** @module The outbox's sender for channel 'push': one Web Push (RFC 8030, VAPID RFC 8292, aes128gcm RFC 8291) per delivery, through `web-push`. */
import { createHash } from 'node:crypto';
import { Agent } from 'node:https';
import { isIP } from 'node:net';
import webpush from 'web-push';
import type { DeliverySender } from '../../core/deliveries/delivery-worker.js';
import type { Delivery } from '../../core/deliveries/delivery.js';
import type { AlertPush } from '../../core/alerts/alert-service.js';
import { graphemeCount, trimGraphemes } from '../../core/alerts/alert.js';
import type { PushSubscriptionStore } from '../../core/alerts/push-subscription-store.js';
import { forbiddenAddressReason, guardedLookup, SsrfRefusedError, type ResolveHost } from '../wire/ssrf-guard.js';

/** The site's VAPID key pair (base64url, as web-push makes them) and its contact (mailto: or https:). */
export interface VapidKeys {
  publicKey: string;
  privateKey: string;
  subject: string;
}

export interface WebPushSenderDeps {
  subscriptions: Pick<PushSubscriptionStore, 'findById' | 'removeById'>;
  /** The push of a delivery, null when it must not go out any more (the story was unpublished). */
  render: (delivery: Delivery) => Promise<AlertPush | null>;
  vapid: VapidKeys;
  /** TLS agent for the push services (tests pass one trusting the local service's certificate). */
  agent?: Agent;
  timeoutMs?: number;
  /**
   * Send to endpoints on loopback and private networks (the tests' local push service). Otherwise such an endpoint is
   * refused for good, whether named by address or by a host name that resolves there (checked at connect time).
   */
  allowPrivateEndpoints?: boolean;
  /** Resolves endpoint host names for the connect-time check (the system resolver by default; tests replace it). */
  resolveHost?: ResolveHost;
}

/** RFC 8030 §5.4 Topic: at most 32 base64url characters; the same tag gives the same topic, so a newer push replaces a queued one. */
export function pushTopicOf(tag: string): string {
  return createHash('sha256').update(tag).digest('base64url').slice(0, 32);
}

/**
 * Bytes of JSON a push may carry: push services take 4096 encrypted octets (RFC 8030 §7.2), of which the aes128gcm
 * header, padding delimiter and tag take 103. Words are trimmed (never mid-grapheme) until the payload fits.
 */
export const MAX_PUSH_PAYLOAD_BYTES = 3900;

export function pushPayloadOf(push: AlertPush): string {
  let { title, body } = push;
  for (;;) {
    const payload = JSON.stringify({ title, body, url: push.url, tag: push.tag, lang: push.lang, dir: push.dir });
    if (Buffer.byteLength(payload) <= MAX_PUSH_PAYLOAD_BYTES || (body === '' && title.length <= 1)) return payload;
    // Halving the graphemes each time: a few steps at most, and each step strictly shorter.
    if (body) body = graphemeCount(body) > 8 ? trimGraphemes(body, Math.floor(graphemeCount(body) / 2)) : '';
    else title = trimGraphemes(title, Math.max(1, Math.floor(graphemeCount(title) / 2)));
  }
}

/** 404 and 410: the subscription is no more (the browser unsubscribed, permission was revoked). */
const GONE = new Set([404, 410]);

function inwardAddress(endpoint: string): string | null {
  try {
    const host = new URL(endpoint).hostname.replace(/^\[|\]$/g, '');
    return isIP(host) !== 0 ? forbiddenAddressReason(host) : null;
  } catch {
    return 'not a URL';
  }
}

/** A VAPID token lives 12 hours (RFC 8292 allows up to 24); it is signed again after one, so it is never near its end. */
const VAPID_LIFETIME_S = 12 * 3600;
const VAPID_RENEW_MS = 3600_000;

/**
 * The Authorization header per push service origin, signed once an hour rather than for every push: web-push signs a
 * new ES256 token on each call, which is about three quarters of its work per push (1.8 ms → 0.45 ms measured).
 */
function createVapidHeaders(vapid: VapidKeys) {
  const byOrigin = new Map<string, { authorization: string; renewAt: number }>();
  return (endpoint: string): string => {
    const origin = new URL(endpoint).origin;
    const now = Date.now();
    const cached = byOrigin.get(origin);
    if (cached && cached.renewAt > now) return cached.authorization;
    if (byOrigin.size > 100) byOrigin.clear(); // a handful of push services in practice
    const headers = webpush.getVapidHeaders(origin, vapid.subject, vapid.publicKey, vapid.privateKey, 'aes128gcm', Math.floor(now / 1000) + VAPID_LIFETIME_S);
    const authorization = String(headers.Authorization);
    byOrigin.set(origin, { authorization, renewAt: now + VAPID_RENEW_MS });
    return authorization;
  };
}

export function createWebPushSender(deps: WebPushSenderDeps): DeliverySender {
  const allowPrivate = deps.allowPrivateEndpoints ?? false;
  const vapidHeaderOf = createVapidHeaders(deps.vapid);
  const agent = deps.agent ?? new Agent({ keepAlive: true, lookup: guardedLookup({ allowPrivate, ...(deps.resolveHost ? { resolve: deps.resolveHost } : {}) }) });
  return async (delivery) => {
    const subscription = await deps.subscriptions.findById(delivery.recipient);
    if (!subscription) return { ok: 'skipped', reason: 'subscription removed' };
    const inward = allowPrivate ? null : inwardAddress(subscription.endpoint);
    if (inward) return { ok: false, permanent: true, error: `endpoint refused: ${inward} address` };
    const push = await deps.render(delivery);
    if (!push) return { ok: 'skipped', reason: 'alert withdrawn' };
    const payload = pushPayloadOf(push);
    try {
      await webpush.sendNotification({ endpoint: subscription.endpoint, keys: { p256dh: subscription.p256dh, auth: subscription.auth } }, payload, {
        headers: { Authorization: vapidHeaderOf(subscription.endpoint) }, contentEncoding: 'aes128gcm', TTL: push.ttlSeconds, urgency: push.urgency, topic: pushTopicOf(push.tag),
        timeout: deps.timeoutMs ?? 15_000, agent,
      });
      return { ok: true };
    } catch (error) {
      if (error instanceof SsrfRefusedError) {
        // The endpoint's host resolves inward (private, loopback, link-local): it will not change, and the
        // subscription is of no use; forgotten like one the push service says is gone.
        await deps.subscriptions.removeById(subscription.id);
        return { ok: false, permanent: true, error: `endpoint refused at connect time, subscription removed: ${error.message}` };
      }
      const status = error instanceof webpush.WebPushError ? error.statusCode : null;
      if (status !== null && GONE.has(status)) {
        await deps.subscriptions.removeById(subscription.id);
        return { ok: false, permanent: true, error: `push service ${status}: subscription gone, removed` };
      }
      // Throttled, a fault on the service's side, or no answer at all: worth another try later. Any other 4xx will not change.
      const retry = status === null || status === 429 || status >= 500;
      return { ok: false, permanent: !retry, error: status === null ? `push failed: ${(error as Error).message}` : `push service ${status}` };
    }
  };
}
