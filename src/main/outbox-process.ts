/**
 * @module The outbox's work in one process: reader services' renderers and push sender, the delivery worker's timers
 * and the timers that queue digests and scheduled newsletters. `serve` runs it when OUTBOX=on; `dateline deliver` always.
 */
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { HttpDeps } from '../adapters/http/http-deps.js';
import type { LoginThrottle } from '../core/staff/staff-stores.js';
import { systemClock } from './app-services.js';
import { startDeliveryServices } from './delivery-services.js';
import { loadReaderSecrets } from './reader-secrets.js';
import { attachReaderServices, startReaderJobs } from './reader-services.js';
import type { Storage } from './storage.js';

export interface OutboxProcess {
  /** Stops the timers, claims nothing more and waits for the sends in flight. */
  stop(): Promise<void>;
}

/** Mounts the reader services on `deps` (routes need them in every serving process); sends and queues only when `send`. */
export async function startOutbox(storage: Storage, deps: HttpDeps, config: Config, logger: Logger, options: { send: boolean; throttle?: LoginThrottle }): Promise<OutboxProcess> {
  const readers = attachReaderServices(storage, deps, {
    clock: systemClock, secrets: await loadReaderSecrets(storage, config, systemClock),
    ...(options.throttle ? { throttle: options.throttle } : {}), ...(config.pushAllowPrivateEndpoints ? { allowPrivateEndpoints: true } : {}),
  });
  if (!options.send) return { stop: async () => undefined };
  const stopReaderJobs = startReaderJobs(deps, readers, systemClock, logger);
  // Without SMTP_URL, mail goes to DATA_DIR/mail as .eml files.
  const outbox = startDeliveryServices({ deliveries: storage.deliveries, config, logger, renderers: readers.renderers, pushSender: readers.pushSender });
  return {
    async stop() {
      stopReaderJobs();
      await outbox.stop();
    },
  };
}
