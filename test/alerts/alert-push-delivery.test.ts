/**
 * End to end with a real RFC 8030 push service on loopback: browsers subscribe through POST /push/subscriptions with the
 * service's keys, an editor sends an alert, the outbox worker pushes it with web-push (VAPID, aes128gcm), the service
 * decrypts it; a gone subscription is deleted and a throttled push is retried.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryWorker } from '../../src/core/deliveries/delivery-worker.js';
import { trimGraphemes, ALERT_TITLE_MAX } from '../../src/core/alerts/alert.js';
import { pushSubscriptionIdOf } from '../../src/adapters/db/stores/sql-push-store.js';
import { createAlertSite, publishedStory, type AlertSite } from '../support/alert-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';
import { startPushService, type BrowserPushSubscription, type PushService } from '../support/push-service.js';

describe('alerts through a real push service', () => {
  let push: PushService;
  let t: AlertSite;
  let editor: StaffSession;

  const subscribe = async (sub: BrowserPushSubscription, body: Record<string, unknown>) => {
    const res = await t.app.inject({
      method: 'POST', url: '/push/subscriptions', payload: JSON.stringify({ subscription: sub, ...body }),
      headers: { 'content-type': 'application/json', accept: 'application/json' },
    });
    expect(res.statusCode, res.body).toBe(201);
  };
  const sendAlert = async (articleId: string, audience: string, again = false) => {
    const res = await editor.post(`/newsroom/stories/${articleId}/alert`, { audience, confirm: 'yes', ...(again ? { send_again: '1' } : {}) }, { accept: 'application/json' });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { alertId: string; queued: number };
  };
  const worker = () => createDeliveryWorker({ store: t.site.storage.deliveries, senders: { push: t.services.pushSender }, clock: t.site.clock, worker: 'alert-e2e' });

  beforeAll(async () => {
    push = await startPushService();
    t = await createAlertSite({ arabic: true, agent: push.agent });
    editor = await staffSession({ ...t.site, app: t.app }, 'editor');
  });
  afterAll(async () => {
    await t?.close();
    await push?.close();
  });

  it('delivers an Arabic alert to every subscribed browser, intact and right to left, and deletes a gone subscription', async () => {
    const story = await publishedStory(t.site, 'ar');
    const browsers = [1, 2, 3].map(() => push.createPushSubscription({ applicationServerKey: t.vapid.publicKey }));
    for (const sub of browsers) await subscribe(sub, { breaking: true, edition: 'ar', topics: [] });
    const { queued } = await sendAlert(story.id, 'everyone');
    expect(queued).toBe(3);
    const gone = browsers[2]!;
    push.markGone(gone.endpoint);

    const report = await worker().drain('push');
    expect(report).toEqual({ sent: 2, failed: 1, retrying: 0, skipped: 0, lost: 0, released: 0 });
    const received = await push.waitFor(2);
    expect(received.map((r) => r.endpoint).sort()).toEqual([browsers[0]!.endpoint, browsers[1]!.endpoint].sort());
    for (const r of received) {
      const payload = JSON.parse(r.payload) as Record<string, string>;
      expect(payload).toEqual({
        title: trimGraphemes(story.headline, ALERT_TITLE_MAX), body: expect.any(String), url: expect.stringMatching(/^\/ar\/article\//),
        tag: `alert-${story.id}`, lang: 'ar', dir: 'rtl',
      });
      expect(payload.title).toMatch(/\p{Script=Arabic}/u);
      expect(r.headers).toMatchObject({ urgency: 'high', ttl: '14400', 'content-encoding': 'aes128gcm', topic: expect.stringMatching(/^[\w-]{32}$/) });
    }
    // One VAPID token per push service, signed once and reused (web-push alone would sign one per push).
    expect(received[0]!.headers.authorization).toBe(received[1]!.headers.authorization);
    // 410 Gone: the subscription is forgotten and its delivery failed for good (never retried).
    expect(await t.services.subscriptionStore.findById(pushSubscriptionIdOf(gone.endpoint))).toBeNull();
    const failed = await t.site.storage.readerDb.selectFrom('deliveries').select(['status', 'last_error', 'next_attempt_at']).where('recipient', '=', pushSubscriptionIdOf(gone.endpoint)).executeTakeFirstOrThrow();
    expect(failed).toMatchObject({ status: 'failed', last_error: expect.stringContaining('410') });
    // Nothing is left to send.
    expect(await worker().drain('push')).toEqual({ sent: 0, failed: 0, retrying: 0, skipped: 0, lost: 0, released: 0 });
  });

  it('fails for good without forgetting the browser when the push service refuses our key (403)', async () => {
    const story = await publishedStory(t.site, 'en');
    const other = push.createPushSubscription({ applicationServerKey: 'B'.padEnd(87, 'x') }); // made for another site's key
    await subscribe(other, { breaking: true, edition: 'en', topics: [] });
    await sendAlert(story.id, 'everyone');
    expect(await worker().drain('push')).toMatchObject({ sent: 0, failed: 1, retrying: 0 });
    expect(await t.services.subscriptionStore.findById(pushSubscriptionIdOf(other.endpoint))).not.toBeNull();
    const row = await t.site.storage.readerDb.selectFrom('deliveries').select(['status', 'last_error']).where('recipient', '=', pushSubscriptionIdOf(other.endpoint)).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'failed', last_error: 'push service 403' });
  });

  it('retries a push the service throttled (429), and skips one whose story was unpublished meanwhile', async () => {
    const throttled = await startPushService({ failFirst: 1 });
    const t2 = await createAlertSite({ agent: throttled.agent, withFixture: true });
    try {
      const desk = await staffSession({ ...t2.site, app: t2.app }, 'admin');
      const story = await publishedStory(t2.site, 'en');
      const sub = throttled.createPushSubscription({ applicationServerKey: t2.vapid.publicKey });
      const res = await t2.app.inject({ method: 'POST', url: '/push/subscriptions', payload: JSON.stringify({ subscription: sub, breaking: true }), headers: { 'content-type': 'application/json' } });
      expect(res.statusCode).toBe(201);
      const sent = await desk.post(`/newsroom/stories/${story.id}/alert`, { audience: 'everyone', confirm: 'yes' }, { accept: 'application/json' });
      expect(sent.statusCode).toBe(201);
      const w = createDeliveryWorker({ store: t2.site.storage.deliveries, senders: { push: t2.services.pushSender }, clock: t2.site.clock, worker: 'retry' });
      expect(await w.drain('push')).toMatchObject({ sent: 0, retrying: 1 });
      expect(await w.drain('push')).toMatchObject({ sent: 0, retrying: 0 }); // not due yet
      t2.site.clock.set(new Date(t2.site.clock.now().getTime() + 61_000));
      expect(await w.drain('push')).toMatchObject({ sent: 1 });
      expect(JSON.parse((await throttled.waitFor(1))[0]!.payload)).toMatchObject({ tag: `alert-${story.id}`, lang: 'en', dir: 'ltr' });

      // A second round, queued, then the story is withdrawn before the worker runs: skipped, not sent.
      const again = await desk.post(`/newsroom/stories/${story.id}/alert`, { audience: 'everyone', confirm: 'yes', send_again: '1' }, { accept: 'application/json' });
      expect(again.json()).toMatchObject({ round: 2, queued: 1 });
      await t2.site.storage.db.updateTable('articles').set({ status: 'unpublished' }).where('id', '=', story.id).execute();
      expect(await w.drain('push')).toMatchObject({ sent: 0, skipped: 1 });
      expect(throttled.count).toBe(1);
    } finally {
      await t2.close();
      await throttled.close();
    }
  });
});
