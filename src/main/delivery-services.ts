/**
 * @module The outbox's timers in every serving process: each channel is drained about once a second by this process's
 * worker (claims make every delivery go out once across processes), old sign-in and digest rows are pruned daily, and
 * stop() waits for the sends in flight, so a message the SMTP server accepted is marked sent before the process exits.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { DeliveryChannel } from '../core/deliveries/delivery.js';
import type { DeliveryStore } from '../core/deliveries/delivery-store.js';
import { createDeliveryWorker, emptyRoundReport, handledIn, type DeliverySender, type RoundReport } from '../core/deliveries/delivery-worker.js';
import type { MailRenderers } from '../core/deliveries/rendered-mail.js';
import type { Clock } from '../core/shared/clock.js';
import { oneRoundAtATime } from '../core/shared/one-round-at-a-time.js';
import { openMailTransport, type ClosableMailTransport } from '../adapters/mail/mail-transport.js';
import { createSmtpSender } from '../adapters/mail/smtp-sender.js';
import { systemClock } from './app-services.js';
import { repeatEvery } from './repeat-timer.js';

export const DRAIN_EVERY_MS = 1_000;
const PRUNE_EVERY_MS = 86_400_000;
/** Sign-in and digest rows are kept a week (for support questions), then forgotten; newsletters' and alerts' stay for their counts. */
export const PRUNE_AFTER_MS = 7 * 86_400_000;
/** SMTP connections per process; the rate limit, not the pool, sets the pace. */
const SMTP_CONNECTIONS = 5;
/** Pushes in flight at once per process. */
const PUSH_CONCURRENCY = 8;
/** How long a claim of the outbox holds. */
export const DELIVERY_LEASE_MS = 300_000;

/**
 * Per channel: the longest one send can take (nodemailer's connection, greeting and socket timeouts add up to about
 * two minutes; web-push is given 15 s), and what a send typically takes when the far side is slow but answering.
 */
export const SEND_TIMING = {
  email: { maxSendMs: 150_000, typicalSendMs: 2_000 },
  push: { maxSendMs: 30_000, typicalSendMs: 1_000 },
} as const satisfies Record<DeliveryChannel, { maxSendMs: number; typicalSendMs: number }>;

/**
 * Deliveries per claim: at most `cap`, and few enough that the batch, sent `concurrency` at a time at the typical pace,
 * takes at most a quarter of the time a send may still begin (lease − longest send). A slow day then gives rows back
 * rather than holding them while another process waits.
 */
export function batchSizeFor(o: { cap: number; leaseMs: number; maxSendMs: number; typicalSendMs: number; concurrency: number }): number {
  const sendsPerLane = Math.floor((o.leaseMs - o.maxSendMs) / (4 * o.typicalSendMs));
  return Math.max(1, Math.min(o.cap, sendsPerLane * o.concurrency));
}

export interface DeliveryServicesOptions {
  deliveries: DeliveryStore;
  config: Pick<Config, 'smtpUrl' | 'mailDir' | 'mailFrom' | 'mailRatePerSecond'>;
  logger: Pick<Logger, 'info' | 'warn' | 'error'>;
  /** The e-mail renderers per kind (sign-in, digest, newsletter, alert); a kind without one is retried, not sent. */
  renderers?: MailRenderers;
  /** The push channel's sender (web-push); without it push deliveries wait. */
  pushSender?: DeliverySender;
  clock?: Clock;
  /** Where e-mail goes instead of SMTP_URL / DATA_DIR/mail (tests). */
  transport?: ClosableMailTransport;
  drainEveryMs?: number;
}

export interface DeliveryServices {
  /** This process's name in claims: host:pid:random, so a restarted process never reuses a dead one's claims. */
  workerId: string;
  /** Drains a channel now (tests, a command); rounds already running are waited for, not doubled. */
  drainNow(channel: DeliveryChannel): Promise<void>;
  /** Stops the timers, claims nothing more, waits for the sends in flight, closes the SMTP pool. */
  stop(): Promise<void>;
}

export function workerIdOf(host = hostname(), pid = process.pid): string {
  return `${host}:${pid}:${randomBytes(4).toString('hex')}`;
}

export function startDeliveryServices(options: DeliveryServicesOptions): DeliveryServices {
  const { deliveries, config, logger } = options;
  const clock = options.clock ?? systemClock;
  const workerId = workerIdOf();
  const transport = options.transport ?? openMailTransport({ smtpUrl: config.smtpUrl, mailDir: config.mailDir, maxConnections: SMTP_CONNECTIONS, logger });
  const email = createSmtpSender({ transport, from: config.mailFrom, renderers: options.renderers ?? {}, ratePerSecond: config.mailRatePerSecond, logger });
  // A claim holds about two seconds of e-mail at the rate limit: a stop waits for little, and other processes share the rest.
  const emailBatch = batchSizeFor({ cap: Math.min(200, Math.max(10, config.mailRatePerSecond * 2)), leaseMs: DELIVERY_LEASE_MS, ...SEND_TIMING.email, concurrency: SMTP_CONNECTIONS });
  const pushBatch = batchSizeFor({ cap: 200, leaseMs: DELIVERY_LEASE_MS, ...SEND_TIMING.push, concurrency: PUSH_CONCURRENCY });
  const workerOf = (channel: DeliveryChannel, send: DeliverySender, batchSize: number, concurrency: number) => createDeliveryWorker({
    store: deliveries, senders: { [channel]: send }, clock, worker: workerId, batchSize, concurrency, leaseMs: DELIVERY_LEASE_MS, maxSendMs: SEND_TIMING[channel].maxSendMs,
  });
  const workers: Partial<Record<DeliveryChannel, { batch: number; worker: ReturnType<typeof createDeliveryWorker> }>> = {
    email: { batch: emailBatch, worker: workerOf('email', email, emailBatch, SMTP_CONNECTIONS) },
  };
  if (options.pushSender) workers.push = { batch: pushBatch, worker: workerOf('push', options.pushSender, pushBatch, PUSH_CONCURRENCY) };

  let stopping = false;
  const inFlight = new Set<Promise<void>>();
  const track = (work: Promise<void>) => {
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
    return work;
  };

  /** Rounds of one channel until a claim comes back short or the process is stopping. */
  async function drain(channel: DeliveryChannel): Promise<void> {
    const entry = workers[channel];
    if (!entry) return;
    const total = emptyRoundReport();
    while (!stopping) {
      const r = await entry.worker.runRound(channel);
      for (const k of Object.keys(total) as (keyof RoundReport)[]) total[k] += r[k];
      if (handledIn(r) < entry.batch) break;
    }
    if (handledIn(total) > 0) {
      logger.info({ event: 'deliveries.round', channel, worker: workerId, ...total }, 'deliveries sent');
    }
  }

  const rounds = new Map<DeliveryChannel, () => Promise<void>>();
  const stops: (() => void)[] = [];
  for (const channel of Object.keys(workers) as DeliveryChannel[]) {
    const round = oneRoundAtATime(() => track(drain(channel)),
      (err) => logger.error({ err, event: 'deliveries.round_failed', channel }, 'the outbox could not be read; next round in a second'));
    rounds.set(channel, round);
    stops.push(repeatEvery(round, options.drainEveryMs ?? DRAIN_EVERY_MS));
  }
  stops.push(repeatEvery(oneRoundAtATime(async () => {
    const pruned = await deliveries.prune(['sign-in', 'digest'], new Date(clock.now().getTime() - PRUNE_AFTER_MS));
    if (pruned > 0) logger.info({ event: 'deliveries.pruned', rows: pruned }, 'old deliveries forgotten');
  }, (err) => logger.warn({ err, event: 'deliveries.prune_failed' }, 'old deliveries could not be pruned')), PRUNE_EVERY_MS));

  return {
    workerId,
    async drainNow(channel) {
      await Promise.all([...inFlight]);
      await track(drain(channel));
    },
    async stop() {
      stopping = true;
      for (const stop of stops) stop();
      while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
      transport.close();
    },
  };
}
