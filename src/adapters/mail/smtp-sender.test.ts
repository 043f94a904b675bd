/** The outbox worker with the SMTP sender, over real SMTP into the test sink: every message once, headers, retries, refusals, the rate limit. */
import { afterEach, describe, expect, it } from 'vitest';
import nodemailer from 'nodemailer';
import { openStorage, type Storage } from '../../main/storage.js';
import { createDeliveryWorker } from '../../core/deliveries/delivery-worker.js';
import type { NewDelivery } from '../../core/deliveries/delivery.js';
import type { MailRenderers } from '../../core/deliveries/rendered-mail.js';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../../../test/support/smtp-sink.js';
import { createSmtpSender, isPermanentSmtpFailure, messageIdOf, type MailTransport } from './smtp-sender.js';

const SUBJECTS = ['عاجل: افتتاح محطة التحلية في الجبيل', '東京で新しい地下鉄線が開業', 'Новости дня', 'Breaking 🚨 news ✨'];
const FROM = { name: 'الخبر · Daily 日報', address: 'no-reply@news.example.com' };
const quietLogger = { warn: () => undefined };

/** A trivial renderer for the tests: subject from the payload; digests carry an unsubscribe link, sign-in mail none. */
const renderers: MailRenderers = {
  'digest': async (d) => ({
    subject: String(d.payload['subject']), text: `Hello ${d.recipient}`, html: `<p>Hello ${d.recipient}</p>`,
    unsubscribeUrl: `https://news.example.com/unsubscribe/${d.id}`,
  }),
  'sign-in': async (d) => ({ subject: String(d.payload['subject']), text: 'Your link', html: '<p>Your link</p>' }),
  'newsletter': async () => null,
};

function digestTo(i: number): NewDelivery {
  return {
    channel: 'email', kind: 'digest', mailing: 'digest:2026-12-06', recipient: `reader${i}@example.net`, readerId: null,
    payload: { subject: `${SUBJECTS[i % SUBJECTS.length]} #${i}` },
  };
}

const opened: { storage?: Storage; sink?: SmtpSink; pools: { close(): void }[] } = { pools: [] };
afterEach(async () => {
  for (const pool of opened.pools.splice(0)) pool.close();
  await opened.sink?.close();
  await opened.storage?.close();
});

async function setUp(sinkOptions: SmtpSinkOptions = {}, ratePerSecond = 1000) {
  const sink = (opened.sink = await startSmtpSink(sinkOptions));
  const storage = (opened.storage = await openStorage('sqlite::memory:'));
  const transporter = nodemailer.createTransport({ pool: true, url: sink.url, maxConnections: 4 });
  opened.pools.push(transporter);
  let now = new Date('2026-12-06T07:00:00.000Z');
  let throttled = 0;
  const sender = createSmtpSender({
    transport: transporter as unknown as MailTransport, from: FROM, renderers, ratePerSecond, logger: quietLogger, onThrottled: () => throttled++,
  });
  const worker = createDeliveryWorker({ store: storage.deliveries, senders: { email: sender }, clock: { now: () => now }, worker: 'test-worker', batchSize: 20 });
  return {
    sink, storage, worker, throttled: () => throttled,
    advance: (ms: number) => { now = new Date(now.getTime() + ms); },
    now: () => now,
  };
}

describe('createSmtpSender with the outbox worker', () => {
  it('delivers 50 messages in Arabic, Japanese, Russian and emoji once each, with stable Message-IDs and one-click unsubscribe', async () => {
    const { sink, storage, worker, now } = await setUp();
    expect(await storage.deliveries.enqueue(Array.from({ length: 50 }, (_, i) => digestTo(i)), now())).toBe(50);
    expect(await storage.deliveries.enqueue([digestTo(7)], now())).toBe(0);
    const report = await worker.drain('email');
    expect(report).toMatchObject({ sent: 50, failed: 0, retrying: 0, lost: 0 });
    expect(await worker.drain('email')).toMatchObject({ sent: 0 });
    expect(sink.count).toBe(50);
    const byRecipient = new Map(sink.messages.map((m) => [m.to.join(','), m]));
    expect(byRecipient.size).toBe(50);
    const m = byRecipient.get('reader5@example.net')!;
    expect(m.subject).toBe(`${SUBJECTS[1]} #5`);
    expect(m.text.trim()).toBe('Hello reader5@example.net');
    expect(m.html).toContain('<p>Hello reader5@example.net</p>');
    const rows = await storage.db.selectFrom('deliveries').select(['id', 'recipient', 'status']).execute();
    const row = rows.find((r) => r.recipient === 'reader5@example.net')!;
    expect(row.status).toBe('sent');
    expect(m.messageId).toBe(messageIdOf(row, FROM));
    expect(m.headers['list-unsubscribe']).toBe(`<https://news.example.com/unsubscribe/${row.id}>`);
    expect(m.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(m.headers['auto-submitted']).toBeUndefined();
    // Headers stay ASCII on the wire; the display name and subject arrive decoded.
    const rawHeaders = m.raw.toString('latin1').split(/\r?\n\r?\n/)[0]!;
    expect(rawHeaders).toMatch(/^[\x20-\x7e\r\n\t]*$/);
    expect(m.headers['from']).toContain('no-reply@news.example.com');
    const parsedFrom = (await import('mailparser')).simpleParser(m.raw);
    expect((await parsedFrom).from?.value[0]).toMatchObject({ name: FROM.name, address: FROM.address });
  });

  it('marks sign-in mail Auto-Submitted without List-Unsubscribe, and skips what a renderer no longer sends', async () => {
    const { sink, storage, worker, now } = await setUp();
    await storage.deliveries.enqueue([
      { channel: 'email', kind: 'sign-in', mailing: 'sign-in', recipient: 'قارئ@example.net', readerId: null, payload: { subject: 'رابط الدخول' } },
      { channel: 'email', kind: 'newsletter', mailing: 'newsletter:n1', recipient: 'gone@example.net', readerId: null, payload: {} },
    ], now());
    expect(await worker.drain('email')).toMatchObject({ sent: 1, skipped: 1 });
    const [m] = await sink.waitFor(1);
    expect(m?.headers['auto-submitted']).toBe('auto-generated');
    expect(m?.headers['list-unsubscribe']).toBeUndefined();
    expect(m?.subject).toBe('رابط الدخول');
    expect(await storage.deliveries.countsOf('newsletter:n1')).toMatchObject({ skipped: 1, queued: 1 });
  });

  it('retries a 451 later (the fixed clock moved past the back-off) and delivers it once', async () => {
    const { sink, storage, worker, advance, now } = await setUp({ failFirst: 3 });
    await storage.deliveries.enqueue([digestTo(1), digestTo(2), digestTo(3), digestTo(4)], now());
    expect(await worker.drain('email')).toMatchObject({ sent: 1, retrying: 3 });
    expect(await worker.drain('email')).toMatchObject({ sent: 0, retrying: 0 });
    const waiting = await storage.db.selectFrom('deliveries').select(['attempts', 'last_error', 'status']).where('status', '=', 'pending').execute();
    expect(waiting).toHaveLength(3);
    for (const w of waiting) expect(w).toMatchObject({ attempts: 1, last_error: expect.stringMatching(/^451 /) });
    advance(60_000);
    expect(await worker.drain('email')).toMatchObject({ sent: 3, retrying: 0 });
    expect(sink.count).toBe(4);
    expect(new Set(sink.messages.map((m) => m.to[0])).size).toBe(4);
    expect(await storage.deliveries.countsOf('digest:2026-12-06')).toEqual({ queued: 4, sent: 4, failed: 0, skipped: 0, waiting: 0 });
  });

  it('records a 550 as failed for that recipient with the server error, and sends the others', async () => {
    const { sink, storage, worker, now } = await setUp({ rejectRecipient: (rcpt) => rcpt === 'reader2@example.net' });
    await storage.deliveries.enqueue([digestTo(1), digestTo(2), digestTo(3)], now());
    expect(await worker.drain('email')).toMatchObject({ sent: 2, failed: 1, retrying: 0 });
    const failed = await storage.db.selectFrom('deliveries').select(['recipient', 'last_error', 'attempts']).where('status', '=', 'failed').execute();
    expect(failed).toEqual([{ recipient: 'reader2@example.net', last_error: expect.stringMatching(/^550 .*No such mailbox/), attempts: 1 }]);
    expect(sink.count).toBe(2);
  });

  it('holds to the rate limit: past the first second\'s allowance, every message waited its turn', async () => {
    const { sink, storage, worker, now, throttled } = await setUp({}, 5);
    await storage.deliveries.enqueue(Array.from({ length: 12 }, (_, i) => digestTo(i)), now());
    expect(await worker.drain('email')).toMatchObject({ sent: 12 });
    expect(sink.count).toBe(12);
    expect(throttled()).toBeGreaterThanOrEqual(12 - 5);
  });

  it('treats only a 5xx refusal of the message or recipient as final', () => {
    expect(isPermanentSmtpFailure({ code: 'EENVELOPE', responseCode: 550 })).toBe(true);
    expect(isPermanentSmtpFailure({ code: 'EMESSAGE', responseCode: 554 })).toBe(true);
    expect(isPermanentSmtpFailure({ code: 'EENVELOPE', responseCode: 451 })).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'EENVELOPE', responseCode: 503 })).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'EAUTH', responseCode: 535 })).toBe(false);
    expect(isPermanentSmtpFailure({ code: 'ECONNECTION' })).toBe(false);
  });
});
