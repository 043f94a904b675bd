/**
 * @module The e-mail channel's DeliverySender: renders a delivery by its kind, sends it with nodemailer (HTML and text
 * parts, a Message-ID stable across retries, RFC 8058 one-click unsubscribe), at most `ratePerSecond` per process.
 */
import pThrottle from 'p-throttle';
import type { Logger } from 'pino';
import type { Delivery, DeliveryKind, SendOutcome } from '../../core/deliveries/delivery.js';
import type { DeliverySender } from '../../core/deliveries/delivery-worker.js';
import type { MailRenderers, RenderedMail } from '../../core/deliveries/rendered-mail.js';
import type { MailAddress } from '../../config/config.js';

/** What the sender needs of a nodemailer transporter (an SMTP pool, or the .eml writer of mail-transport.ts). */
export interface MailTransport {
  sendMail(message: {
    from: MailAddress; to: string; subject: string; html: string; text: string; messageId: string; headers: Record<string, string>;
  }): Promise<unknown>;
}

export interface SmtpSenderDeps {
  transport: MailTransport;
  from: MailAddress;
  renderers: MailRenderers;
  /** Messages handed to the transport per second, in this process. */
  ratePerSecond: number;
  logger: Pick<Logger, 'warn'>;
  /** Called for each message that had to wait for the rate limit (counted by tests and logs; never timed). */
  onThrottled?: () => void;
}

/** Mail a reader asked for or needs at once (a sign-in link): marked as sent by a machine (RFC 3834), never bulk. */
const TRANSACTIONAL_KINDS: ReadonlySet<DeliveryKind> = new Set(['sign-in']);

/** Nodemailer's errors: `responseCode` is the SMTP server's reply, `code` the step that failed. */
interface SendError {
  message?: string;
  code?: string;
  responseCode?: number;
}

/**
 * Only the server's 5xx refusal of this message or recipient is final (RFC 5321). A 4xx, a lost connection, and 5xx
 * replies about the session itself (503 bad sequence, 535 refused login: the site's setup, not the reader) are retried.
 */
export function isPermanentSmtpFailure(error: SendError): boolean {
  const reply = error.responseCode ?? 0;
  return reply >= 500 && reply < 600 && reply !== 503 && (error.code === 'EENVELOPE' || error.code === 'EMESSAGE');
}

/** `<delivery-id@sender's domain>`: the same on every attempt, so a receiver drops the second copy of an at-least-once resend. */
export function messageIdOf(delivery: Pick<Delivery, 'id'>, from: MailAddress): string {
  const domain = from.address.slice(from.address.lastIndexOf('@') + 1) || 'localhost';
  return `<${delivery.id}@${domain}>`;
}

function headersOf(delivery: Delivery, mail: RenderedMail): Record<string, string> {
  const headers: Record<string, string> = {};
  if (mail.unsubscribeUrl) {
    headers['List-Unsubscribe'] = `<${mail.unsubscribeUrl}>`;
    headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
  }
  if (TRANSACTIONAL_KINDS.has(delivery.kind)) headers['Auto-Submitted'] = 'auto-generated';
  return headers;
}

export function createSmtpSender(deps: SmtpSenderDeps): DeliverySender {
  const throttle = pThrottle({ limit: deps.ratePerSecond, interval: 1000, onDelay: () => deps.onThrottled?.() });
  const send = throttle((message: Parameters<MailTransport['sendMail']>[0]) => deps.transport.sendMail(message));

  return async (delivery): Promise<SendOutcome> => {
    const render = deps.renderers[delivery.kind];
    if (!render) return { ok: false, permanent: false, error: `no e-mail renderer for ${delivery.kind} in this process` };
    const mail = await render(delivery);
    if (!mail) return { ok: 'skipped', reason: 'nothing to send any more' };
    try {
      await send({
        from: deps.from, to: delivery.recipient, subject: mail.subject, html: mail.html, text: mail.text,
        messageId: messageIdOf(delivery, deps.from), headers: headersOf(delivery, mail),
      });
      return { ok: true };
    } catch (error) {
      const e = error as SendError;
      const permanent = isPermanentSmtpFailure(e);
      const reason = `${e.responseCode ? `${e.responseCode} ` : ''}${e.message ?? String(error)}`;
      deps.logger.warn({ event: permanent ? 'mail.refused' : 'mail.retry', deliveryId: delivery.id, kind: delivery.kind, code: e.code, reply: e.responseCode }, 'an e-mail was not accepted');
      return { ok: false, permanent, error: reason };
    }
  };
}
