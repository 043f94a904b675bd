/** The push payload: the JSON the service worker reads, kept under what push services accept whatever the words. */
import { describe, expect, it } from 'vitest';
import { MAX_PUSH_PAYLOAD_BYTES, pushPayloadOf, pushTopicOf } from './web-push-sender.js';
import type { AlertPush } from '../../core/alerts/alert-service.js';

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
