/**
 * @module The mailings' timer: every `everyMs`, queue the digests whose local hour has come and the newsletters whose
 * time has come. Rounds never overlap in a process; across processes the outbox's idempotency keys (digests) and the
 * newsletters' conditional claim make each delivery queued once.
 */
import type { Clock } from '../core/shared/clock.js';
import type { DigestService } from '../core/mailings/digest-service.js';
import type { NewsletterService } from '../core/mailings/newsletter-service.js';
import { oneRoundAtATime } from '../core/shared/one-round-at-a-time.js';
import { repeatEvery } from './repeat-timer.js';

export interface MailingJobsDeps {
  digests: Pick<DigestService, 'queueDueDigests'>;
  newsletters: Pick<NewsletterService, 'queueDueNewsletters'>;
  clock: Clock;
  logger: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
  /** Default one minute: a digest goes out within the minute its hour begins. */
  everyMs?: number;
}

/** One round now, then every `everyMs`; returns the function that stops the timer. */
export function startMailingJobs(deps: MailingJobsDeps): () => void {
  const round = oneRoundAtATime(async () => {
    const now = deps.clock.now();
    const digests = await deps.digests.queueDueDigests(now);
    if (digests.due > 0) deps.logger.info({ event: 'digests.queued', ...digests }, 'digests queued');
    const { sent } = await deps.newsletters.queueDueNewsletters(now);
    for (const newsletterId of sent) deps.logger.info({ event: 'newsletter.queued', newsletterId }, 'scheduled newsletter queued');
  }, (err) => deps.logger.error({ err, event: 'mailings.round_failed' }, 'mailing round failed'));
  return repeatEvery(round, deps.everyMs ?? 60_000);
}
