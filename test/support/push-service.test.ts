/** @module The local push service accepts what the web-push library sends, decrypts it exactly, and refuses what a real service refuses. */
import { afterEach, describe, expect, it } from 'vitest';
import webpush, { type RequestOptions } from 'web-push';
import { startPushService, type BrowserPushSubscription, type PushService } from './push-service.js';

const payload = JSON.stringify({ title: 'عاجل: انتخابات 🗳️', body: '速报 · Срочно · 🚨 <b>&amp;</b>' });
const vapidKeys = webpush.generateVAPIDKeys();
const vapidDetails = { subject: 'mailto:desk@dateline.example', ...vapidKeys };

let service: PushService | null = null;
afterEach(async () => {
  await service?.close();
  service = null;
});

async function start(options: Parameters<typeof startPushService>[0] = {}): Promise<PushService> {
  service = await startPushService(options);
  return service;
}

/** web-push's own send, trusting the service's certificate; resolves to "status reason" from the answer or the WebPushError. */
async function send(push: PushService, subscription: BrowserPushSubscription, options: RequestOptions = {}): Promise<string> {
  try {
    const result = await webpush.sendNotification(subscription, payload, { vapidDetails, TTL: 60, agent: push.agent, ...options });
    return `${result.statusCode} ${result.body}`.trim();
  } catch (error) {
    const { statusCode, body } = error as { statusCode: number; body: string };
    return `${statusCode} ${body}`;
  }
}

/** The same request sent over plain http with fetch, as a sender that does not use web-push's transport would. */
async function sendByFetch(subscription: BrowserPushSubscription, change: (headers: Record<string, string>) => void = () => undefined): Promise<Response> {
  const details = webpush.generateRequestDetails(subscription, payload, { vapidDetails, TTL: 60 });
  const headers = { ...(details.headers as Record<string, string>) };
  change(headers);
  return fetch(details.endpoint, { method: 'POST', headers, body: new Uint8Array(details.body as Buffer) });
}

describe('push service', () => {
  it('decrypts a web-push notification in Arabic, Chinese, Russian and emoji exactly, with its headers', async () => {
    const push = await start();
    const subscription = push.createPushSubscription();
    const result = await webpush.sendNotification(subscription, payload, { vapidDetails, TTL: 60, urgency: 'high', topic: 'election-night', agent: push.agent });
    expect(result.statusCode).toBe(201);
    expect(result.headers.location).toMatch(new RegExp(`^${push.origin}/message/`));
    expect(push.received).toHaveLength(1);
    expect(push.received[0]).toMatchObject({ endpoint: subscription.endpoint, payload });
    expect(push.received[0]?.headers).toMatchObject({ ttl: '60', urgency: 'high', topic: 'election-night', 'content-encoding': 'aes128gcm' });
  });

  it('takes the same request over plain http from fetch', async () => {
    const push = await start();
    const response = await sendByFetch(push.createPushSubscription());
    expect(response.status).toBe(201);
    expect((await push.waitFor(1))[0]?.payload).toBe(payload);
  });

  it('accepts one VAPID header reused across pushes, as a sender caching it per origin would send', async () => {
    const push = await start();
    const { Authorization } = webpush.getVapidHeaders(push.origin, vapidDetails.subject, vapidKeys.publicKey, vapidKeys.privateKey, 'aes128gcm');
    const options = { vapidDetails: undefined, headers: { Authorization } };
    expect(await send(push, push.createPushSubscription(), options)).toBe('201');
    expect(await send(push, push.createPushSubscription(), options)).toBe('201');
    const forged = { headers: { Authorization: Authorization.replace(/t=[^.]+\.[^.]+\./, (m) => m.replace('.', '.e')) } };
    expect(await send(push, push.createPushSubscription(), { vapidDetails: undefined, ...forged })).toMatch(/^403 /);
    expect(push.count).toBe(2);
  });

  it('refuses a VAPID token not signed by the key it names (403)', async () => {
    const push = await start();
    const otherKeys = webpush.generateVAPIDKeys();
    expect(await send(push, push.createPushSubscription(), { vapidDetails: { ...vapidDetails, publicKey: otherKeys.publicKey } })).toBe('403 bad vapid signature');
    expect(push.count).toBe(0);
  });

  it('refuses a token for another audience, a missing one and a key other than the subscription’s own', async () => {
    const push = await start();
    const subscription = push.createPushSubscription();
    const foreign = webpush.getVapidHeaders('https://push.example', vapidDetails.subject, vapidKeys.publicKey, vapidKeys.privateKey, 'aes128gcm');
    const misaimed = await sendByFetch(subscription, (h) => { h.Authorization = foreign.Authorization; });
    expect(`${misaimed.status} ${await misaimed.text()}`).toBe(`403 vapid aud https://push.example is not ${push.origin}`);
    expect((await sendByFetch(subscription, (h) => { delete h.Authorization; })).status).toBe(401);
    const restricted = push.createPushSubscription({ applicationServerKey: webpush.generateVAPIDKeys().publicKey });
    expect(await send(push, restricted)).toBe('403 not the applicationServerKey of this subscription');
    expect(push.count).toBe(0);
  });

  it('answers 410 for a gone subscription (web-push reports it) and 404 for an unknown one', async () => {
    const push = await start();
    const subscription = push.createPushSubscription();
    push.markGone(subscription.endpoint);
    expect(await send(push, subscription)).toBe('410 subscription expired');
    expect(await send(push, { ...subscription, endpoint: `${push.origin}/push/no-such-id` })).toBe('404 no such subscription');
  });

  it('refuses a missing TTL, the old aesgcm encoding and a body encrypted for other keys', async () => {
    const push = await start();
    const subscription = push.createPushSubscription();
    expect((await sendByFetch(subscription, (h) => { delete h.TTL; })).status).toBe(400);
    expect(await send(push, subscription, { contentEncoding: 'aesgcm' })).toBe('415 Content-Encoding must be aes128gcm');
    const other = push.createPushSubscription();
    expect(await send(push, { endpoint: subscription.endpoint, keys: other.keys })).toMatch(/^400 cannot decrypt/);
    expect(push.count).toBe(0);
  });

  it('answers 429 to the first pushes when asked, and counts without keeping in count mode', async () => {
    const push = await start({ keep: 'count', failFirst: 1 });
    const subscription = push.createPushSubscription();
    expect(await send(push, subscription)).toBe('429 too many requests');
    expect(await send(push, subscription)).toBe('201');
    expect(await send(push, subscription)).toBe('201');
    expect(push.count).toBe(2);
    expect(push.received).toEqual([]);
    expect(push.last?.payload).toBe(payload);
    await expect(push.waitFor(3, 50)).rejects.toThrow(/wanted 3 pushes, got 2/);
  });
});
