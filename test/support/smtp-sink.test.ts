/** @module The SMTP sink receives what a real client (nodemailer) sends, decodes it, and refuses recipients on demand. */
import { afterEach, describe, expect, it } from 'vitest';
import nodemailer, { type Transporter } from 'nodemailer';
import { startSmtpSink, type SmtpSink } from './smtp-sink.js';

const subject = 'موجز المساء · 晚间简报 · Вечерний выпуск 🗞️';
const text = 'السلام عليكم — 今天的新闻 — Новости дня 🌍\nاقرأ المزيد.';
const html = '<p dir="rtl">السلام عليكم</p><p lang="zh">今天的新闻 🌍</p>';
const unsubscribe = '<https://news.example/unsubscribe/abc123>';

let sink: SmtpSink | null = null;
let transport: Transporter | null = null;

afterEach(async () => {
  transport?.close();
  await sink?.close();
  sink = null;
  transport = null;
});

async function start(options: Parameters<typeof startSmtpSink>[0] = {}): Promise<{ sink: SmtpSink; transport: Transporter }> {
  sink = await startSmtpSink(options);
  transport = nodemailer.createTransport(sink.url);
  return { sink, transport };
}

describe('smtp sink', () => {
  it('parses a multipart message in Arabic, Chinese, Russian and emoji with its List-Unsubscribe header', async () => {
    const { sink, transport } = await start();
    const info = await transport.sendMail({
      from: 'Dateline <news@dateline.example>',
      to: 'قارئ <reader@example.org>',
      subject, text, html,
      headers: { 'List-Unsubscribe': unsubscribe, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
    expect(sink.count).toBe(1);
    const [message] = sink.messages;
    expect(message).toMatchObject({ from: 'news@dateline.example', to: ['reader@example.org'], subject, html, messageId: info.messageId });
    expect(message?.text.trim()).toBe(text);
    expect(message?.headers['list-unsubscribe']).toBe(unsubscribe);
    expect(message?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(message?.headers['content-type']).toMatch(/^multipart\/alternative/);
    expect(message?.raw.toString('latin1')).not.toMatch(/[^\t\r\n -~]/); // headers and bodies travel as printable ASCII
  });

  it('answers 451 to the first recipient so the sender sees a temporary failure, then accepts the retry', async () => {
    const { sink, transport } = await start({ failFirst: 1 });
    const error = await transport.sendMail({ from: 'news@dateline.example', to: 'reader@example.org', subject, text }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'EENVELOPE', responseCode: 451 });
    expect(sink.count).toBe(0);
    await transport.sendMail({ from: 'news@dateline.example', to: 'reader@example.org', subject, text });
    expect(sink.count).toBe(1);
    expect(sink.refusedCount).toBe(1);
  });

  it('refuses one recipient permanently with 550 and delivers to the others', async () => {
    const { sink, transport } = await start({ rejectRecipient: (rcpt) => rcpt.startsWith('gone@') });
    const info = await transport.sendMail({ from: 'news@dateline.example', to: ['gone@example.org', 'reader@example.org'], subject, text });
    expect(info.rejected).toEqual(['gone@example.org']);
    expect(info.accepted).toEqual(['reader@example.org']);
    expect((info as { rejectedErrors?: Array<{ responseCode?: number }> }).rejectedErrors?.[0]?.responseCode).toBe(550);
    expect(sink.messages[0]?.to).toEqual(['reader@example.org']);
  });

  it('keeps only counts and the last message in count mode, and waitFor resolves on arrival', async () => {
    const { sink, transport } = await start({ keep: 'count' });
    const arrived = sink.waitFor(3);
    for (const n of [1, 2, 3]) {
      await transport.sendMail({ from: 'news@dateline.example', to: [`r${n}@example.org`, `s${n}@example.org`], subject: `${subject} ${n}`, text });
    }
    await arrived;
    expect(sink.messages).toEqual([]);
    expect(sink.recipientCount).toBe(6);
    expect(await sink.last()).toMatchObject({ subject: `${subject} 3`, to: ['r3@example.org', 's3@example.org'] });
    sink.clear();
    expect(sink.count).toBe(0);
    await expect(sink.waitFor(1, 50)).rejects.toThrow(/wanted 1 messages, got 0/);
  });
});
