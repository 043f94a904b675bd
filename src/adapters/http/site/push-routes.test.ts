/** POST/DELETE /push/subscriptions and GET /push/key through inject(): validation of endpoints and keys, topics by slug, no caching, a rate per IP. */
import { createECDH, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { pushSubscriptionIdOf } from '../../db/stores/sql-push-store.js';
import { PUSH_WRITES_PER_WINDOW } from './push-routes.js';
import { createAlertSite, storyWithTopics, type AlertSite } from '../../../../test/support/alert-site.js';
import { createTestSite } from '../../../../test/support/test-site.js';

const browserKeys = () => ({ p256dh: createECDH('prime256v1').generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url') });
let n = 0;
const subscription = (endpoint = `https://fcm.example.com/push/${++n}`, keys = browserKeys()) => ({ endpoint, keys });

describe('push subscription routes', () => {
  let t: AlertSite;
  let ip = 0;
  const post = (body: unknown, headers: Record<string, string> = {}) => t.app.inject({
    method: 'POST', url: '/push/subscriptions', payload: JSON.stringify(body),
    headers: { 'content-type': 'application/json', accept: 'application/json', ...headers }, remoteAddress: `10.0.0.${++ip % 250}`,
  });
  const problem = (res: LightMyRequestResponse) => [res.statusCode, res.json().error.code, res.json().error.details?.field];

  beforeAll(async () => {
    t = await createAlertSite({ arabic: true });
  });
  afterAll(() => t.close());

  it('hands out the VAPID public key, never cached', async () => {
    const res = await t.app.inject({ url: '/push/key' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ publicKey: t.vapid.publicKey });
  });

  it('saves a subscription with the topics it follows, Arabic slugs included, and reports the unknown ones', async () => {
    const story = await storyWithTopics(t.site);
    await t.site.storage.db.insertInto('topics').values({ id: 'topic-ar-1', slug: 'الشرق-الأوسط', name: 'الشرق الأوسط', kind: 'place' }).execute();
    const sub = subscription();
    const res = await post({ subscription: sub, topics: [story.topics[0]!.slug, 'الشرق-الأوسط', 'no-such-topic', '東京'], breaking: false, edition: 'ar' });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.json()).toEqual({ topics: [story.topics[0]!.slug, 'الشرق-الأوسط'], unknownTopics: ['no-such-topic', '東京'], breaking: false });
    const id = pushSubscriptionIdOf(sub.endpoint);
    const row = await t.site.storage.readerDb.selectFrom('push_subscriptions').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ endpoint: sub.endpoint, p256dh: sub.keys.p256dh, auth: sub.keys.auth, edition_id: 'ar', breaking: 0, reader_id: null });
    const topics = await t.site.storage.readerDb.selectFrom('push_subscription_topics').select('topic_id').where('subscription_id', '=', id).execute();
    expect(topics.map((r) => r.topic_id).sort()).toEqual([story.topics[0]!.id, 'topic-ar-1'].sort());
  });

  it('refuses keys of the wrong length or alphabet, naming the field', async () => {
    const { p256dh, auth } = browserKeys();
    const cases: [Record<string, string>, string][] = [
      [{ p256dh: p256dh.slice(0, -4), auth }, 'subscription.keys.p256dh'],
      [{ p256dh: Buffer.alloc(65, 7).toString('base64url'), auth }, 'subscription.keys.p256dh'], // 65 bytes but not an uncompressed point
      [{ p256dh: `${p256dh.slice(0, -1)}+`, auth }, 'subscription.keys.p256dh'],
      [{ p256dh, auth: randomBytes(12).toString('base64url') }, 'subscription.keys.auth'],
      [{ p256dh, auth: 'مفتاح-سري' }, 'subscription.keys.auth'],
    ];
    for (const [keys, field] of cases) expect(problem(await post({ subscription: subscription(undefined, keys as never) }))).toEqual([400, 'VALIDATION_FAILED', field]);
  });

  it('refuses an endpoint that is not https, carries credentials, or points inward', async () => {
    for (const endpoint of ['http://fcm.example.com/push/1', 'ftp://fcm.example.com/x', 'https://user:pw@fcm.example.com/x', 'not a url', 'javascript:alert(1)']) {
      expect(problem(await post({ subscription: subscription(endpoint) })), endpoint).toEqual([400, 'VALIDATION_FAILED', 'subscription.endpoint']);
    }
    // As in production: loopback, private and link-local networks are refused even over https (the server would post there).
    const strict = await createAlertSite({ withFixture: false, strictEndpoints: true });
    try {
      for (const endpoint of ['http://127.0.0.1:9/push/x', 'https://127.0.0.1/push/x', 'https://[::1]/push/x', 'https://169.254.169.254/latest', 'https://10.1.2.3/x', 'https://localhost/x']) {
        const res = await strict.app.inject({
          method: 'POST', url: '/push/subscriptions', payload: JSON.stringify({ subscription: subscription(endpoint) }),
          headers: { 'content-type': 'application/json', accept: 'application/json' },
        });
        expect(problem(res), endpoint).toEqual([400, 'VALIDATION_FAILED', 'subscription.endpoint']);
      }
    } finally {
      await strict.close();
    }
  });

  it('accepts loopback http only where the tests’ push service is allowed', async () => {
    expect((await post({ subscription: subscription('http://127.0.0.1:8080/push/abc') })).statusCode).toBe(201);
  });

  it('forgets a subscription on DELETE with the same answer whether or not it was known', async () => {
    const sub = subscription();
    expect((await post({ subscription: sub })).statusCode).toBe(201);
    const del = (endpoint: string) => t.app.inject({ method: 'DELETE', url: '/push/subscriptions', payload: JSON.stringify({ endpoint }), headers: { 'content-type': 'application/json', accept: 'application/json' } });
    expect((await del(sub.endpoint)).statusCode).toBe(204);
    expect((await del(sub.endpoint)).statusCode).toBe(204);
    expect(await t.services.subscriptionStore.findById(pushSubscriptionIdOf(sub.endpoint))).toBeNull();
  });

  it('refuses a request from another site, and more than its share of writes from one address', async () => {
    const foreign = await post({ subscription: subscription() }, { origin: 'https://evil.example' });
    expect(problem(foreign)).toEqual([403, 'PERMISSION_DENIED', undefined]);
    const from = (i: number) => t.app.inject({
      method: 'POST', url: '/push/subscriptions', payload: JSON.stringify({ subscription: subscription(`https://fcm.example.com/rate/${i}`) }),
      headers: { 'content-type': 'application/json', accept: 'application/json' }, remoteAddress: '192.0.2.77',
    });
    for (let i = 0; i < PUSH_WRITES_PER_WINDOW; i++) expect((await from(i)).statusCode).toBe(201);
    const refused = await from(PUSH_WRITES_PER_WINDOW);
    expect(problem(refused)).toEqual([429, 'AUTH_THROTTLED', undefined]);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(await t.services.subscriptionStore.findById(pushSubscriptionIdOf(`https://fcm.example.com/rate/${PUSH_WRITES_PER_WINDOW}`))).toBeNull();
  });
});

describe('a site without alerts', () => {
  it('answers GET /push/key with 204, so the page keeps the control hidden, and has no subscription routes', async () => {
    const site = await createTestSite({ withFixture: false, readerServices: false });
    try {
      const key = await site.app.inject({ url: '/push/key' });
      expect([key.statusCode, key.body, key.headers['cache-control']]).toEqual([204, '', 'no-store']);
      const post = await site.app.inject({ method: 'POST', url: '/push/subscriptions', payload: '{}', headers: { 'content-type': 'application/json', accept: 'application/json' } });
      expect(post.statusCode).toBe(404);
    } finally {
      await site.close();
    }
  });
});
