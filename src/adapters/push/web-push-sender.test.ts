/** The push payload (the JSON the service worker reads, kept under what push services accept), and endpoints the SSRF guard refuses at connect time. */
import { createECDH, randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import webpush from 'web-push';
import { createWebPushSender, MAX_PUSH_PAYLOAD_BYTES, pushPayloadOf, pushTopicOf } from './web-push-sender.js';
import type { AlertPush } from '../../core/alerts/alert-service.js';
import type { Delivery } from '../../core/deliveries/delivery.js';
import { createSqlPushStore } from '../db/stores/sql-push-store.js';
import { openStorage, type Storage } from '../../main/storage.js';
import type { ResolvedAddress } from '../wire/ssrf-guard.js';

const push = (title: string, body: string): AlertPush => ({ title, body, url: '/ar/article/x', tag: 'alert-1', lang: 'ar', dir: 'rtl', ttlSeconds: 60, urgency: 'high' });

describe('pushPayloadOf', () => {
  it('sends short words as they are', () => {
    expect(JSON.parse(pushPayloadOf(push('عاجل: زلزال 🌊', 'هزات ارتدادية')))).toEqual({ title: 'عاجل: زلزال 🌊', body: 'هزات ارتدادية', url: '/ar/article/x', tag: 'alert-1', lang: 'ar', dir: 'rtl' });
  });

  it('trims the body, whole graphemes only, until the payload fits, even for 25-byte emoji', () => {
    const family = '👩‍👩‍👧‍👦';
    const payload = pushPayloadOf(push(`عاجل ${family}`, family.repeat(180)));
    expect(Buffer.byteLength(payload)).toBeLessThanOrEqual(MAX_PUSH_PAYLOAD_BYTES);
    const { title, body } = JSON.parse(payload) as { title: string; body: string };
    expect(title).toBe(`عاجل ${family}`);
    expect(body.endsWith('…')).toBe(true);
    expect(body.slice(0, -1).split(family).every((part) => part === '')).toBe(true);
  });

  it('gives the same short topic to every round of a story', () => {
    expect(pushTopicOf('alert-1')).toMatch(/^[\w-]{32}$/);
    expect(pushTopicOf('alert-1')).toBe(pushTopicOf('alert-1'));
    expect(pushTopicOf('alert-2')).not.toBe(pushTopicOf('alert-1'));
  });
});

describe('an endpoint whose host resolves inward', () => {
  let storage: Storage | undefined;
  afterEach(async () => {
    await storage?.close();
    storage = undefined;
  });

  async function refusedAt(addresses: ResolvedAddress[]) {
    storage = await openStorage('sqlite::memory:');
    const subscriptions = createSqlPushStore(storage.readerDb, storage.db);
    const endpoint = 'https://push.example.test/send/c3ViLTE';
    const id = await subscriptions.upsert({
      endpoint, p256dh: createECDH('prime256v1').generateKeys().toString('base64url'), auth: randomBytes(16).toString('base64url'),
      readerId: null, editionId: 'ar', breaking: true, topicIds: [],
    }, new Date('2026-12-06T07:00:00.000Z'));
    const asked: string[] = [];
    const sender = createWebPushSender({
      subscriptions, render: async () => push('عاجل: زلزال 🌊', 'هزات ارتدادية · 余震 · толчки'),
      vapid: { ...webpush.generateVAPIDKeys(), subject: 'mailto:desk@news.example.com' }, timeoutMs: 5_000,
      resolveHost: async (host) => {
        asked.push(host);
        return addresses;
      },
    });
    const delivery: Delivery = { id: 'd1', channel: 'push', kind: 'alert', mailing: 'alert:1', recipient: id, readerId: null, payload: {}, status: 'sending', attempts: 1 };
    const outcome = await sender(delivery);
    return { outcome, asked, left: await subscriptions.findById(id) };
  }

  it('is a permanent failure (never retried) and its subscription is removed, as after a 410', async () => {
    const { outcome, asked, left } = await refusedAt([{ address: '192.168.1.5', family: 4 }]);
    expect(asked).toEqual(['push.example.test']);
    expect(outcome).toEqual({ ok: false, permanent: true, error: expect.stringMatching(/refused.*push\.example\.test.*192\.168\.1\.5.*private/) });
    expect(left).toBeNull();
  });

  it('is refused when any one of its addresses is loopback (a mixed answer)', async () => {
    const { outcome, left } = await refusedAt([{ address: '93.184.216.34', family: 4 }, { address: '::1', family: 6 }]);
    expect(outcome).toMatchObject({ ok: false, permanent: true, error: expect.stringMatching(/loopback/) });
    expect(left).toBeNull();
  });
});
