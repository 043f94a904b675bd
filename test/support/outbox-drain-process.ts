/**
 * @module A process of the two-process outbox test (test/scale/outbox-two-processes.test.ts): opens the database at
 * DATABASE_URL, builds the SMTP sender and the outbox worker as `serve` does, says `ready`, waits for `go` on stdin,
 * then drains the e-mail channel into SMTP_URL until nothing of MAILING is waiting, and prints `{"sent":N}`.
 */
import { createInterface } from 'node:readline';
import nodemailer from 'nodemailer';
import { createSmtpSender, type MailTransport } from '../../src/adapters/mail/smtp-sender.js';
import { createDeliveryWorker } from '../../src/core/deliveries/delivery-worker.js';
import { systemClock } from '../../src/main/app-services.js';
import { DELIVERY_LEASE_MS, SEND_TIMING, workerIdOf } from '../../src/main/delivery-services.js';
import { openStorage } from '../../src/main/storage.js';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
};

const storage = await openStorage(env('DATABASE_URL'), { poolMax: 4 });
const transport = nodemailer.createTransport({ pool: true, url: env('SMTP_URL'), maxConnections: 4 });
const sender = createSmtpSender({
  transport: transport as unknown as MailTransport, from: { name: 'نشرة 日報', address: 'no-reply@news.example.com' }, ratePerSecond: 100_000,
  logger: { warn: () => undefined },
  renderers: { newsletter: async (d) => ({ subject: `نشرة · 日報 · ${d.recipient} 📰`, text: d.recipient, html: `<p>${d.recipient}</p>` }) },
});
const worker = createDeliveryWorker({ store: storage.deliveries, senders: { email: sender }, clock: systemClock, worker: workerIdOf(), batchSize: 25, concurrency: 4,
  leaseMs: DELIVERY_LEASE_MS, maxSendMs: SEND_TIMING.email.maxSendMs,
});

const lines = createInterface({ input: process.stdin })[Symbol.asyncIterator]();
process.stdout.write('ready\n');
await lines.next();

const mailing = env('MAILING');
let sent = 0;
let lost = 0;
for (;;) {
  const round = await worker.drain('email');
  sent += round.sent;
  lost += round.lost;
  if ((await storage.deliveries.countsOf(mailing)).waiting === 0) break;
  // The other process holds the rest; look again shortly.
  await new Promise((resolve) => setTimeout(resolve, 20));
}
transport.close();
await storage.close();
process.stdout.write(`${JSON.stringify({ sent, lost })}\n`);
process.exit(0);
