/** @module A real SMTP server on loopback that records every message it accepts, for tests and the benchmark of reader e-mail. */
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerDataStream, type SMTPServerSession } from 'smtp-server';
import { createCountWaiters } from './count-waiters.js';

/** One accepted message: envelope addresses, decoded subject and parts, and the raw header lines. */
export interface SinkMessage {
  /** Envelope sender (MAIL FROM). */
  from: string;
  /** Envelope recipients that were accepted (RCPT TO), in order. */
  to: string[];
  subject: string;
  text: string;
  html: string;
  /** Header name (lower case) → unfolded raw value as sent, first occurrence (headers are ASCII on the wire). */
  headers: Record<string, string>;
  messageId: string;
  raw: Buffer;
}

export interface SmtpSinkOptions {
  /**
   * Temporary failure (451) at RCPT TO: a number fails the first N recipient commands the sink ever sees,
   * a predicate fails each recipient for which it returns true (it may keep its own count).
   */
  failFirst?: number | ((rcpt: string) => boolean);
  /** Permanent failure (550) for each recipient this returns true for. */
  rejectRecipient?: (rcpt: string) => boolean;
  /** 'all' (default) parses and keeps every message; 'count' keeps only counts and the last raw message. */
  keep?: 'all' | 'count';
}

export interface SmtpSink {
  url: string;
  port: number;
  /** Every message kept, in order of acceptance (empty in count mode). */
  messages: SinkMessage[];
  /** Messages accepted since start or the last clear(), in either mode. */
  readonly count: number;
  /** Accepted recipients summed over those messages. */
  readonly recipientCount: number;
  /** RCPT commands answered 451 or 550 so far. */
  readonly refusedCount: number;
  /** Resolves once `count` messages were accepted; rejects after timeoutMs naming what arrived. */
  waitFor(count: number, timeoutMs?: number): Promise<SinkMessage[]>;
  /** The last accepted message, parsed on demand (useful in count mode). */
  last(): Promise<SinkMessage | null>;
  clear(): void;
  close(): Promise<void>;
}

/** Lower-cased header name → value with folding removed, from the raw header block of a message. */
function readHeaders(lines: ReadonlyArray<{ key: string; line: string }>): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const { key, line } of lines) {
    if (key in headers) continue;
    headers[key] = line.slice(line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim();
  }
  return headers;
}

async function parseMessage(raw: Buffer, from: string, to: string[]): Promise<SinkMessage> {
  const parsed = await simpleParser(raw, { skipImageLinks: true });
  return {
    from, to, raw,
    subject: parsed.subject ?? '',
    text: parsed.text ?? '',
    html: typeof parsed.html === 'string' ? parsed.html : '',
    headers: readHeaders(parsed.headerLines),
    messageId: parsed.messageId ?? '',
  };
}

async function readStream(stream: SMTPServerDataStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const keepAll = (options.keep ?? 'all') === 'all';
  const messages: SinkMessage[] = [];
  const waiters = createCountWaiters('SMTP sink', 'messages', () => count, () => messages.slice());
  let count = 0;
  let recipientCount = 0;
  let refusedCount = 0;
  let rcptSeen = 0;
  let lastRaw: { raw: Buffer; from: string; to: string[] } | null = null;

  /** 451 / 550 per recipient, so a sender's retry and per-recipient failure paths meet a real refusal. */
  function refusal(rcpt: string): Error | null {
    rcptSeen += 1;
    const { failFirst, rejectRecipient } = options;
    const temporary = typeof failFirst === 'number' ? rcptSeen <= failFirst : failFirst?.(rcpt) === true;
    const status = temporary ? 451 : rejectRecipient?.(rcpt) ? 550 : 0;
    if (status === 0) return null;
    refusedCount += 1;
    const error = Object.assign(new Error(status === 451 ? 'Try again later' : 'No such mailbox'), { responseCode: status });
    return error;
  }

  async function accept(stream: SMTPServerDataStream, session: SMTPServerSession): Promise<void> {
    const raw = await readStream(stream);
    const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : '';
    const to = session.envelope.rcptTo.map((r) => r.address);
    // Recorded before the 250 reply, so a sender that awaited its send finds the message already here.
    if (keepAll) messages.push(await parseMessage(raw, from, to));
    else lastRaw = { raw, from, to };
    count += 1;
    recipientCount += to.length;
    waiters.wake();
  }

  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    disableReverseLookup: true, // no DNS query per connection: loopback only, and it would cost the benchmark
    // Pooled senders keep connections open; close() should not wait the default 30 s for them.
    closeTimeout: 100,
    onRcptTo(address, _session, callback) {
      callback(refusal(address.address) ?? undefined);
    },
    onData(stream, session, callback) {
      accept(stream, session).then(() => callback(), (error: unknown) => callback(error as Error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  server.on('error', () => undefined); // a client hanging up mid-session is not the test's failure
  const { port } = server.server.address() as AddressInfo;

  return {
    url: `smtp://127.0.0.1:${port}`,
    port,
    messages,
    get count() { return count; },
    get recipientCount() { return recipientCount; },
    get refusedCount() { return refusedCount; },
    waitFor: (wanted, timeoutMs) => waiters.waitFor(wanted, timeoutMs),
    async last() {
      if (keepAll) return messages.at(-1) ?? null;
      return lastRaw ? parseMessage(lastRaw.raw, lastRaw.from, lastRaw.to) : null;
    },
    clear() {
      messages.length = 0;
      count = 0;
      recipientCount = 0;
      lastRaw = null;
    },
    close() {
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}
