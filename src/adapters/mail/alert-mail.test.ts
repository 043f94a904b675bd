/** The 'alert' e-mail through the real SMTP sink: both parts, escaped, right to left for Arabic, a signed one-click unsubscribe; skipped once opted out. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMailTransport } from './mail-transport.js';
import { createSmtpSender } from './smtp-sender.js';
import { verifyReaderLink } from '../auth/signed-links.js';
import { createDeliveryWorker } from '../../core/deliveries/delivery-worker.js';
import { addReader, createAlertSite, publishedStory, type AlertSite } from '../../../test/support/alert-site.js';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink.js';

describe('alert e-mail', () => {
  let t: AlertSite;
  let sink: SmtpSink;
  let send: () => Promise<unknown>;
  let desk: { id: string; role: 'editor' };

  beforeAll(async () => {
    t = await createAlertSite({ arabic: true });
    sink = await startSmtpSink();
    const transport = openMailTransport({ smtpUrl: sink.url, mailDir: '/nonexistent', maxConnections: 1, logger: { info() {}, warn() {}, error() {} } as never });
    const email = createSmtpSender({ transport, from: { name: 'Dateline', address: 'news@news.test' }, renderers: { alert: t.services.alertMail }, ratePerSecond: 100, logger: { warn() {} } });
    const worker = createDeliveryWorker({ store: t.site.storage.deliveries, senders: { email }, clock: t.site.clock, worker: 'mail-test' });
    send = () => worker.drain('email');
    const user = await t.site.newsroom!.auth.addUser({ email: 'desk@news.test', name: 'Desk', role: 'editor', password: 'correct horse battery staple' });
    desk = { id: user.id, role: 'editor' };
  });
  afterAll(async () => {
    await t?.close();
    await sink?.close();
  });

  it('mails an Arabic alert right to left, escaped, with a signed unsubscribe link for the alerts list', async () => {
    const story = await publishedStory(t.site, 'ar');
    await t.site.storage.db.updateTable('articles').set({ headline: 'عاجل: <script>alert(1)</script> زلزال 🌊 & "هزات"' }).where('id', '=', story.id).execute();
    const readerId = await addReader(t.site, { email: 'qari@example.com', edition: 'ar', alertEmail: true });
    await addReader(t.site, { email: 'silent@example.com', edition: 'ar', alertEmail: false });
    const round = await t.services.alerts.send(desk, { articleId: story.id, audience: 'everyone', confirmAgain: false });
    expect(round.queued).toBe(1);
    await send();
    const [mail] = await sink.waitFor(1);
    expect(mail!.to).toEqual(['qari@example.com']);
    expect(mail!.subject).toBe('عاجل: <script>alert(1)</script> زلزال 🌊 & "هزات"');
    expect(mail!.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail!.html).toContain('عاجل: &lt;script&gt;alert(1)&lt;/script&gt; زلزال 🌊 &amp; &quot;هزات&quot;');
    expect(mail!.html).not.toContain('<script>');
    expect(mail!.text).toContain('اقرأ القصة: http://news.test/ar/article/');
    const unsubscribe = /<https?:\/\/news\.test\/unsubscribe\/([\w.-]+)>/.exec(mail!.headers['list-unsubscribe'] ?? '')?.[1];
    expect(unsubscribe).toBeTruthy();
    expect(verifyReaderLink(t.readerLinkKey, unsubscribe!)).toEqual({ readerId, list: 'alerts', mailing: `alert:${round.round.id}` });
    expect(mail!.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
  });

  it('sends nothing to a reader who turned e-mail alerts off after the alert was queued', async () => {
    const story = await publishedStory(t.site, 'en');
    const readerId = await addReader(t.site, { email: 'changed-mind@example.com', alertEmail: true });
    await t.services.alerts.send(desk, { articleId: story.id, audience: 'everyone', confirmAgain: false });
    await t.site.storage.readerDb.updateTable('readers').set({ alert_email: 0 }).where('id', '=', readerId).execute();
    sink.clear();
    expect(await send()).toMatchObject({ sent: 0, skipped: 1 });
    expect(sink.count).toBe(0);
  });
});
