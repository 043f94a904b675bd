/** The sign-in e-mail in English and in Arabic (right to left), its link, its expiry and what it skips. */
import { describe, expect, it } from 'vitest';
import { createEditionDirectory, defaultEdition } from '../../core/editions/edition-directory.js';
import type { Delivery } from '../../core/deliveries/delivery.js';
import { fixedClock } from '../../core/shared/clock.js';
import { createSignInMailRenderer } from './sign-in-mail.js';

const english = defaultEdition({ locale: 'en-GB', timeZone: 'UTC' });
const arabic = { ...english, id: 'ar', language: 'ar', direction: 'rtl' as const, name: 'العربية', locale: 'ar', pathPrefix: '/ar', position: 1 };
const editions = createEditionDirectory([english, arabic]);
const TOKEN = 'abcdefghijklmnopqrstuvwxyz0123456789-_ABCDE';
const delivery = (payload: Record<string, unknown>): Delivery => ({
  id: 'd1', channel: 'email', kind: 'sign-in', mailing: 'sign-in:x', recipient: 'r@example.com', readerId: null, payload, status: 'sending', attempts: 0,
});
const render = createSignInMailRenderer({
  settings: { siteName: 'Dateline <News>', siteUrl: 'https://news.example' }, editions, clock: fixedClock(new Date('2026-03-01T08:05:00Z')),
});

describe('sign-in mail', () => {
  it('carries the link and its 15 minutes in English, escaped, with no unsubscribe', async () => {
    const mail = await render(delivery({ token: TOKEN, editionId: 'en', expiresAt: '2026-03-01T08:15:00Z' }));
    expect(mail?.subject).toBe('Your sign-in link for Dateline <News>');
    expect(mail?.html).toContain(`href="https://news.example/account/verify?token=${TOKEN}"`);
    expect(mail?.html).toContain('Dateline &lt;News&gt;');
    expect(mail?.html).toMatch(/<html lang="en" dir="ltr">/);
    expect(mail?.text).toContain(`https://news.example/account/verify?token=${TOKEN}`);
    expect(mail?.text).toContain('within 15 minutes');
    expect(mail?.unsubscribeUrl).toBeUndefined();
  });

  it('is Arabic and right to left for a link asked from the Arabic edition', async () => {
    const mail = await render(delivery({ token: TOKEN, editionId: 'ar', expiresAt: '2026-03-01T08:15:00Z' }));
    expect(mail?.html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(mail?.subject).toBe('رابط الدخول إلى Dateline <News>');
    expect(mail?.html).toContain(`https://news.example/ar/account/verify?token=${TOKEN}`);
    expect(mail?.text).toContain('15 دقيقة');
  });

  it('skips a delivery whose token is gone or whose link has expired', async () => {
    expect(await render(delivery({}))).toBeNull();
    expect(await render(delivery({ token: '<script>', editionId: 'en' }))).toBeNull();
    expect(await render(delivery({ token: TOKEN, editionId: 'en', expiresAt: '2026-03-01T08:05:00Z' }))).toBeNull();
  });
});
