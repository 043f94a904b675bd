/**
 * @module Everything readers get besides pages, put together once for `serve` and the test site: sign-in mail,
 * digests and newsletters, unsubscribe links, breaking-news alerts (Web Push and e-mail), the e-mail renderers and
 * the push sender the outbox needs, and the timers that queue digests and scheduled newsletters.
 */
import type { Agent } from 'node:https';
import type { Logger } from 'pino';
import type { HttpDeps } from '../adapters/http/http-deps.js';
import { readerOf } from '../adapters/http/site/reader-session.js';
import { createSignInMailRenderer } from '../adapters/mail/sign-in-mail.js';
import type { MailRenderers } from '../core/deliveries/rendered-mail.js';
import type { DeliverySender } from '../core/deliveries/delivery-worker.js';
import type { Clock } from '../core/shared/clock.js';
import type { LoginThrottle } from '../core/staff/staff-stores.js';
import { createAlertServices, type AlertServices } from './alert-services.js';
import { attachMailings, createMailingServices, type MailingServices } from './mailing-services.js';
import { startMailingJobs } from './mailing-jobs.js';
import type { ReaderSecrets } from './reader-secrets.js';
import { repeatEvery } from './repeat-timer.js';
import { oneRoundAtATime } from '../core/shared/one-round-at-a-time.js';
import type { Storage } from './storage.js';

export interface ReaderServicesOptions {
  clock: Clock;
  secrets: ReaderSecrets;
  /** Push subscription writes per address (Redis across processes when set). */
  throttle?: LoginThrottle;
  /** Tests: a local push service on loopback, and a TLS agent that trusts its certificate. */
  allowPrivateEndpoints?: boolean;
  agent?: Agent;
}

export interface ReaderServices {
  mailings: MailingServices;
  alerts: AlertServices;
  /** The outbox's e-mail renderers, one per kind. */
  renderers: MailRenderers;
  pushSender: DeliverySender;
}

/** Builds the services and mounts their routes' dependencies on `deps` (the site and, when present, the newsroom). */
export function attachReaderServices(storage: Storage, deps: HttpDeps, options: ReaderServicesOptions): ReaderServices {
  const readerLinkKey = async () => options.secrets.readerLinkKey;
  const mailings = createMailingServices(storage, { clock: options.clock, settings: deps.settings, editions: deps.editions, readerLinkKey });
  attachMailings(deps, mailings);
  const alerts = createAlertServices(storage, {
    clock: options.clock, vapid: options.secrets.vapid, settings: deps.settings, editions: deps.editions, readerLinkKey,
    readerOf: (request) => readerOf(request, deps),
    ...(options.throttle ? { throttle: options.throttle } : {}),
    ...(options.allowPrivateEndpoints ? { allowPrivateEndpoints: true } : {}), ...(options.agent ? { agent: options.agent } : {}),
  });
  deps.push = alerts.pushSite;
  if (deps.newsroom) deps.newsroom.deps.alerts = alerts.alerts;
  const renderers: MailRenderers = {
    'sign-in': createSignInMailRenderer({ settings: deps.settings, editions: deps.editions, clock: options.clock }),
    ...mailings.renderers,
    alert: alerts.alertMail,
  };
  return { mailings, alerts, renderers, pushSender: alerts.pushSender };
}

/** Digests, scheduled newsletters and interrupted alert rounds queued every minute; expired reader sessions and sign-in links removed hourly. */
export function startReaderJobs(deps: HttpDeps, readers: ReaderServices, clock: Clock, logger: Logger): () => void {
  const stopMailings = startMailingJobs({ digests: readers.mailings.digests, newsletters: readers.mailings.newsletters, clock, logger, everyMs: 60_000 });
  const accounts = deps.readerAccounts;
  const stopCleanUp = accounts
    ? repeatEvery(oneRoundAtATime(async () => {
      await accounts.removeExpired();
    }, (err) => logger.warn({ err, event: 'readers.clean_up_failed' }, 'expired reader sessions could not be removed')), 3_600_000)
    : () => undefined;
  // An alert round cut short (a crash or a database failure while queuing) is finished here: nobody missed, nobody twice.
  const stopResume = repeatEvery(oneRoundAtATime(async () => {
    await readers.alerts.alerts.resumeUnfinishedRounds(clock.now());
  }, (err) => logger.warn({ err, event: 'alerts.resume_failed' }, 'unfinished alert rounds could not be resumed')), 60_000);
  return () => {
    stopMailings();
    stopCleanUp();
    stopResume();
  };
}
