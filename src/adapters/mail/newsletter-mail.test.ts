import { describe, expect, it } from 'vitest';
import type { ArticleSummary } from '../../core/articles/article.js';
import type { Delivery } from '../../core/deliveries/delivery.js';
import { createEditionDirectory } from '../../core/editions/edition-directory.js';
import type { Edition } from '../../core/editions/edition.js';
import type { Newsletter } from '../../core/mailings/newsletter.js';
import { verifyReaderLink } from '../auth/signed-links.js';
import { createNewsletterMailRenderer } from './newsletter-mail.js';

const KEY = Buffer.alloc(32, 4);
const EN: Edition = { id: 'en', language: 'en', direction: 'ltr', name: 'English', locale: 'en-GB', numberingSystem: 'latn', timeZone: 'UTC', pathPrefix: '', position: 0 };
const AR: Edition = { id: 'ar', language: 'ar', direction: 'rtl', name: 'العربية', locale: 'ar-SA', numberingSystem: 'latn', timeZone: 'Asia/Riyadh', pathPrefix: '/ar', position: 1 };
const story = (id: string, headline: string, edition: Edition): ArticleSummary => ({
  id, slug: id, headline, highlights: [], dateline: null, lead: null, section: { slug: 'w', name: 'W' },
  firstPublishedAt: new Date(0), updatedAt: new Date(0), edition,
});
const newsletter = (id: string, editionId: string, subject: string, intro: string, storyIds: string[]): Newsletter => ({
  id, editionId, subject, intro, storyIds, audience: 'opted-in', topicId: null, status: 'sending', scheduledAt: null, sentAt: null,
  recipients: null, createdBy: null, createdAt: new Date(0), updatedAt: new Date(0),
});
const NEWSLETTERS = new Map([
  ['n1', newsletter('n1', 'en', 'Weekend <b>reads</b> 📰', 'First paragraph with <script>bad()</script>.\n\nSecond: Привет, 你好, مرحبا.', ['a', 'b'])],
  ['n2', newsletter('n2', 'ar', 'نشرة الأسبوع', 'مقدمة المحررين.', ['c'])],
]);
const STORIES = new Map([['a', story('a', '<script>x</script>', EN)], ['b', story('b', 'Киев и 北京 🌏', EN)], ['c', story('c', 'خبر عاجل', AR)]]);

const render = createNewsletterMailRenderer({
  settings: { siteName: 'Dateline', siteUrl: 'https://news.example' }, editions: createEditionDirectory([EN, AR]), readerLinkKey: async () => KEY,
  readers: { findReader: async (id) => (id === 'off' ? { id, email: 'o@x', editionId: 'en', digest: 'off', newsletters: false, alertEmail: false }
    : { id, email: `${id}@x`, editionId: 'en', digest: 'off', newsletters: true, alertEmail: false }) },
  newsletters: { find: async (id) => NEWSLETTERS.get(id) ?? null },
  articles: { findSummariesByIds: async (ids) => ids.flatMap((id) => STORIES.get(id) ?? []) },
});
const delivery = (readerId: string, newsletterId: string): Delivery => ({
  id: 'd', channel: 'email', kind: 'newsletter', mailing: `newsletter:${newsletterId}`, recipient: 'r@x', readerId, payload: { newsletterId }, status: 'sending', attempts: 0,
});

describe('newsletter e-mail', () => {
  it('renders the intro as escaped paragraphs and the stories as links, in both parts', async () => {
    const mail = (await render(delivery('r1', 'n1')))!;
    expect(mail.subject).toBe('Weekend <b>reads</b> 📰');
    expect(mail.html).toContain('Weekend &lt;b&gt;reads&lt;/b&gt; 📰');
    expect(mail.html).not.toMatch(/<script>|<b>/);
    expect(mail.html).toContain('<p dir="auto" style="margin:0 0 14px;white-space:pre-line">Second: Привет, 你好, مرحبا.</p>');
    expect(mail.html).toContain('href="https://news.example/article/b"');
    expect(mail.text).toContain('First paragraph with <script>bad()</script>.\n\nSecond: Привет, 你好, مرحبا.');
    expect(mail.text).toContain('* Киев и 北京 🌏\n  https://news.example/article/b');
    const token = new URL(mail.unsubscribeUrl!).pathname.split('/').pop()!;
    expect(verifyReaderLink(KEY, token)).toEqual({ readerId: 'r1', list: 'newsletters', mailing: 'newsletter:n1' });
  });

  it('writes an Arabic newsletter right to left', async () => {
    const mail = (await render(delivery('r1', 'n2')))!;
    expect(mail.html).toContain('<html lang="ar" dir="rtl">');
    expect(mail.html).toContain('في هذه النشرة');
    expect(mail.html).toContain('href="https://news.example/ar/article/c"');
  });

  it('is skipped for a reader who turned newsletters off, or a newsletter that is gone', async () => {
    expect(await render(delivery('off', 'n1'))).toBeNull();
    expect(await render(delivery('r1', 'missing'))).toBeNull();
  });
});
