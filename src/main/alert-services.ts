/**
 * @module Breaking-news alerts put together: the stores over the main and reader databases, the alert and subscription
 * services, the site's push routes' dependencies, the push sender and the 'alert' e-mail renderer.
 */
import { randomUUID } from 'node:crypto';
import type { Agent } from 'node:https';
import type { FastifyRequest } from 'fastify';
import { createAlertService } from '../core/alerts/alert-service.js';
import { createPushSubscriptionService } from '../core/alerts/push-subscription-service.js';
import type { Clock } from '../core/shared/clock.js';
import type { EditionDirectory } from '../core/editions/edition-directory.js';
import type { LoginThrottle } from '../core/staff/staff-stores.js';
import { createSqlAlertStore } from '../adapters/db/stores/sql-alert-store.js';
import { createSqlPushStore } from '../adapters/db/stores/sql-push-store.js';
import type { PushSiteDeps } from '../adapters/http/site/push-routes.js';
import { createAlertMailRenderer } from '../adapters/mail/alert-mail.js';
import { createWebPushSender, type VapidKeys } from '../adapters/push/web-push-sender.js';
import type { Storage } from './storage.js';

export interface AlertServicesOptions {
  clock: Clock;
  vapid: VapidKeys;
  /** Read at rendering time (an admin may rename the site). */
  settings: { siteName: string; siteUrl: string };
  editions: EditionDirectory;
  readerLinkKey: () => Promise<Buffer>;
  /** The signed-in reader of a request (reader accounts), to tie a subscription to an account. */
  readerOf?: (request: FastifyRequest) => Promise<{ id: string } | null>;
  throttle?: LoginThrottle;
  /** Tests: the local push service on loopback, and a TLS agent that trusts its certificate. */
  allowPrivateEndpoints?: boolean;
  agent?: Agent;
}

export function createAlertServices(storage: Pick<Storage, 'db' | 'readerDb' | 'deliveries'>, options: AlertServicesOptions) {
  const store = createSqlPushStore(storage.readerDb, storage.db);
  const alerts = createAlertService({
    alerts: createSqlAlertStore(storage.db), subscriptions: store, deliveries: storage.deliveries, clock: options.clock, ids: { newId: () => randomUUID() },
  });
  const pushSite: PushSiteDeps = {
    subscriptions: createPushSubscriptionService({ subscriptions: store, clock: options.clock }), vapidPublicKey: options.vapid.publicKey,
    editions: options.editions, clock: options.clock,
    ...(options.readerOf ? { readerOf: options.readerOf } : {}), ...(options.throttle ? { throttle: options.throttle } : {}),
    ...(options.allowPrivateEndpoints ? { allowPrivateEndpoints: true } : {}),
  };
  const pushSender = createWebPushSender({
    subscriptions: store, render: alerts.renderPush, vapid: options.vapid,
    ...(options.agent ? { agent: options.agent } : {}), ...(options.allowPrivateEndpoints ? { allowPrivateEndpoints: true } : {}),
  });
  const alertMail = createAlertMailRenderer({
    alerts, subscriptions: store, settings: options.settings, editions: options.editions, readerLinkKey: options.readerLinkKey,
  });
  return { alerts, subscriptionStore: store, pushSite, pushSender, alertMail };
}

export type AlertServices = ReturnType<typeof createAlertServices>;
