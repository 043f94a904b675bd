/**
 * @module Where e-mail goes: a pooled SMTP transport when SMTP_URL is set; otherwise each message is written to
 * DATA_DIR/mail/ as an .eml file (and its subject and recipient logged), so a laptop without a mail server still works.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { MailTransport } from './smtp-sender.js';

export interface ClosableMailTransport extends MailTransport {
  /** Closes the pool's connections once the messages being sent are out. */
  close(): void;
}

export interface MailTransportOptions {
  smtpUrl: string | null;
  mailDir: string;
  /** SMTP connections kept open per process. */
  maxConnections?: number;
  logger: Pick<Logger, 'info'>;
}

export function openMailTransport(options: MailTransportOptions): ClosableMailTransport {
  if (options.smtpUrl) {
    const transporter = nodemailer.createTransport({
      pool: true, url: options.smtpUrl, maxConnections: options.maxConnections ?? 5,
      // A server that stops answering fails the attempt (retried later) instead of holding a worker lane for minutes.
      connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000,
    });
    return { sendMail: (message) => transporter.sendMail(message), close: () => transporter.close() };
  }
  return createEmlFileTransport(options.mailDir, options.logger);
}

/** Writes each message as `<time>-<message id>.eml` in `dir`, exactly as it would have gone over SMTP. */
export function createEmlFileTransport(dir: string, logger: Pick<Logger, 'info'>): ClosableMailTransport {
  const composer = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  let made: Promise<unknown> | null = null;
  return {
    async sendMail(message) {
      made ??= mkdir(dir, { recursive: true });
      await made;
      const info = await composer.sendMail(message);
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${message.messageId.replace(/[^A-Za-z0-9-]/g, '')}.eml`;
      const file = join(dir, name);
      await writeFile(file, info.message as Buffer);
      logger.info({ event: 'mail.written', to: message.to, subject: message.subject, file }, 'e-mail written to a file (no SMTP_URL)');
      return info;
    },
    close: () => composer.close(),
  };
}
