/** The outbox timers of a serving process, over real SMTP into the test sink: drained without being asked, stopped without a message lost or sent twice. */
import { afterEach, expect, it } from 'vitest';
import type { NewDelivery } from '../core/deliveries/delivery.js';
import type { MailRenderers } from '../core/deliveries/rendered-mail.js';
import { startSmtpSink, type SmtpSink } from '../../test/support/smtp-sink.js';
import { batchSizeFor, DELIVERY_LEASE_MS, SEND_TIMING, startDeliveryServices, workerIdOf } from './delivery-services.js';
import { openStorage, type Storage } from './storage.js';

const renderers: MailRenderers = {
  digest: async (d) => ({ subject: `ملخص اليوم · 今日 · ${d.recipient}`, text: 'Stories', html: '<p>Stories</p>', unsubscribeUrl: `https://news.example.com/unsubscribe/${d.id}` }),
};
const logger = { info: () => undefined, warn: () => undefined, error: () => undefined };
const digest = (i: number): NewDelivery => ({ channel: 'email', kind: 'digest', mailing: 'digest:2026-12-06', recipient: `r${i}@example.net`, readerId: null, payload: {} });

const open: { sink?: SmtpSink; storage?: Storage } = {};
afterEach(async () => {
  await open.sink?.close();
  await open.storage?.close();
});

function configFor(sink: SmtpSink, rate: number) {
  return { smtpUrl: sink.url, mailDir: '/nonexistent', mailFrom: { name: 'Dateline', address: 'no-reply@news.example.com' }, mailRatePerSecond: rate };
}

it('names each process uniquely in claims (host:pid:random)', () => {
  expect(workerIdOf('web-1', 4242)).toMatch(/^web-1:4242:[0-9a-f]{8}$/);
  expect(workerIdOf('web-1', 4242)).not.toBe(workerIdOf('web-1', 4242));
});

it('sizes claims so a batch at the typical pace takes at most a quarter of the time a send may begin in (lease − longest send)', () => {
  for (const channel of ['email', 'push'] as const) {
    const { maxSendMs, typicalSendMs } = SEND_TIMING[channel];
    expect(maxSendMs).toBeLessThan(DELIVERY_LEASE_MS / 1.5);
    for (const concurrency of [1, 5, 8]) {
      const batch = batchSizeFor({ cap: 10_000, leaseMs: DELIVERY_LEASE_MS, maxSendMs, typicalSendMs, concurrency });
      expect((batch / concurrency) * typicalSendMs).toBeLessThanOrEqual((DELIVERY_LEASE_MS - maxSendMs) / 4);
      expect(batch).toBeGreaterThanOrEqual(concurrency);
    }
  }
  expect(batchSizeFor({ cap: 200, leaseMs: 300_000, maxSendMs: 150_000, typicalSendMs: 2_000, concurrency: 5 })).toBe(90);
  expect(batchSizeFor({ cap: 20, leaseMs: 300_000, maxSendMs: 150_000, typicalSendMs: 2_000, concurrency: 5 })).toBe(20);
  expect(batchSizeFor({ cap: 200, leaseMs: 300_000, maxSendMs: 30_000, typicalSendMs: 1_000, concurrency: 8 })).toBe(200);
  expect(batchSizeFor({ cap: 200, leaseMs: 10_000, maxSendMs: 9_000, typicalSendMs: 5_000, concurrency: 8 })).toBe(1);
});

it('sends what is queued without being asked, and a stop mid-run leaves nothing claimed: the next process sends the rest, nothing twice', async () => {
  const sink = (open.sink = await startSmtpSink());
  const storage = (open.storage = await openStorage('sqlite::memory:'));
  await storage.deliveries.enqueue(Array.from({ length: 40 }, (_, i) => digest(i)), new Date());
  const first = startDeliveryServices({ deliveries: storage.deliveries, config: configFor(sink, 10), logger, renderers });
  await sink.waitFor(3, 30_000);
  await first.stop();
  const afterStop = await storage.deliveries.countsOf('digest:2026-12-06');
  expect(afterStop.sent).toBe(sink.count);
  expect(afterStop.sent).toBeLessThan(40);
  const claimed = await storage.db.selectFrom('deliveries').select('id').where('status', '=', 'sending').execute();
  expect(claimed).toEqual([]);

  const second = startDeliveryServices({ deliveries: storage.deliveries, config: configFor(sink, 1000), logger, renderers });
  expect(second.workerId).not.toBe(first.workerId);
  await sink.waitFor(40, 30_000);
  await second.drainNow('email');
  await second.stop();
  expect(await storage.deliveries.countsOf('digest:2026-12-06')).toEqual({ queued: 40, sent: 40, failed: 0, skipped: 0, waiting: 0 });
  expect(sink.count).toBe(40);
  expect(new Set(sink.messages.map((m) => m.to[0])).size).toBe(40);
  expect(new Set(sink.messages.map((m) => m.messageId)).size).toBe(40);
});
