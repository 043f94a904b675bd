import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../core/articles/article.js';
import type { Delivery } from '../../core/deliveries/delivery.js';
import { createEditionDirectory } from '../../core/editions/edition-directory.js';
import type { Edition } from '../../core/editions/edition.js';
import type { MailingReader } from '../../core/mailings/mailing-store.js';
import { verifyReaderLink } from '../auth/signed-links.js';
import { createDigestMailRenderer } from './digest-mail.js';

const KEY = Buffer.alloc(32, 3);
const EN: Edition = { id: 'en', language: 'en', direction: 'ltr', name: 'English', locale: 'en-GB', numberingSystem: 'latn', timeZone: 'Europe/London', pathPrefix: '', position: 0 };
const AR: Edition = { id: 'ar', language: 'ar', direction: 'rtl', name: 'العربية', locale: 'ar-SA', numberingSystem: 'latn', timeZone: 'Asia/Riyadh', pathPrefix: '/ar', position: 1 };

const HOSTILE = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
const summary = (id: string, headline: string, edition: Edition, highlight = ''): ArticleSummary => ({
  id, slug: `${id}-قصة`, headline, highlights: highlight ? [highlight] : [], dateline: null, lead: null,
  section: { slug: 'world', name: 'World' }, firstPublishedAt: new Date('2026-12-06T03:00:00Z'), updatedAt: new Date('2026-12-06T03:00:00Z'), edition,
});
const STORIES = new Map([
  ['s1', summary('s1', HOSTILE, EN, 'Quotes " and \' and <b>tags</b>')],
  ['s2', summary('s2', 'Пожар в Москве 🔥 and 東京の地震', EN)],
  ['s3', summary('s3', 'غزة: وقف إطلاق النار يدخل يومه الثالث', AR, 'مفاوضات في القاهرة')],
]);

function renderer(readers: Record<string, MailingReader>) {
  return createDigestMailRenderer({
    settings: { siteName: 'Dateline & Co <News>', siteUrl: 'https://news.example' },
    editions: createEditionDirectory([EN, AR]),
    readerLinkKey: async () => KEY,
    readers: { findReader: async (id) => readers[id] ?? null },
    articles: { findSummariesByIds: async (ids) => ids.flatMap((id) => STORIES.get(id) ?? []) },
  });
}
const delivery = (readerId: string, edition: string, storyIds: string[]): Delivery => ({
  id: 'd1', channel: 'email', kind: 'digest', mailing: `digest:${edition}:2026-12-06`, recipient: 'x@mail.test', readerId,
  payload: { edition, date: '2026-12-06', storyIds }, status: 'sending', attempts: 0,
});
const reader = (id: string, editionId: string, digest: MailingReader['digest'] = 'daily'): MailingReader =>
  ({ id, email: `${id}@mail.test`, editionId, digest, newsletters: false, alertEmail: false });

describe('digest e-mail', () => {
  it('escapes hostile headlines in the HTML part and keeps every script in both parts', async () => {
    const mail = (await renderer({ r1: reader('r1', 'en') })(delivery('r1', 'en', ['s1', 's2', 'gone'])))!;
    expect(mail.subject).toBe('Your daily digest from Dateline & Co <News>: 6 December 2026');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).not.toContain('<img src=x');
    expect(mail.html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('Dateline &amp; Co &lt;News&gt;');
    expect(mail.html).toContain('<html lang="en" dir="ltr">');
    expect(mail.html).toContain('Пожар в Москве 🔥 and 東京の地震');
    expect(mail.html).toContain('2 new stories since your last digest.');
    expect(mail.html).toContain(`href="https://news.example/article/s1-${encodeURIComponent('قصة')}"`);
    expect(mail.text).toContain(HOSTILE);
    expect(mail.text).toContain('Пожар в Москве 🔥 and 東京の地震');
    expect(mail.text).toContain(`https://news.example/article/s2-${encodeURIComponent('قصة')}`);
    expect(mail.text).toContain('E-mail preferences: https://news.example/account');
  });

  it('carries a signed one-click unsubscribe URL for the digest list and this mailing', async () => {
    const mail = (await renderer({ r1: reader('r1', 'en') })(delivery('r1', 'en', ['s2'])))!;
    const url = new URL(mail.unsubscribeUrl!);
    expect(url.origin).toBe('https://news.example');
    const token = url.pathname.replace('/unsubscribe/', '');
    expect(verifyReaderLink(KEY, token)).toEqual({ readerId: 'r1', list: 'digest', mailing: 'digest:en:2026-12-06' });
    expect(mail.html).toContain(`href="${mail.unsubscribeUrl}"`);
    expect(mail.text).toContain(`Unsubscribe: ${mail.unsubscribeUrl}`);
  });

  it('writes an Arabic edition right to left, in Arabic, with /ar/ links', async () => {
    const mail = (await renderer({ r2: reader('r2', 'ar', 'weekly') })(delivery('r2', 'ar', ['s3'])))!;
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.subject).toContain('ملخصك الأسبوعي');
    expect(mail.html).toContain('غزة: وقف إطلاق النار يدخل يومه الثالث');
    expect(mail.html).toContain('href="https://news.example/ar/account"');
    expect(mail.text).toContain('https://news.example/ar/article/');
    expect(mail.text).toContain('إلغاء الاشتراك: https://news.example/unsubscribe/');
  });

  it('is skipped when the reader turned digests off, is gone, or no story is left', async () => {
    const render = renderer({ off: reader('off', 'en', 'off'), r1: reader('r1', 'en') });
    expect(await render(delivery('off', 'en', ['s1']))).toBeNull();
    expect(await render(delivery('nobody', 'en', ['s1']))).toBeNull();
    expect(await render(delivery('r1', 'en', ['withdrawn']))).toBeNull();
  });
});
