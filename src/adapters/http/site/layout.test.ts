import { describe, expect, it } from 'vitest';
import { ARABIC, ENGLISH, readerSite } from '../../../../test/support/reader-site-context.js';
import { html } from '../html/html.js';
import { renderPage } from './layout.js';

const page = (site: ReturnType<typeof readerSite>, meta: Partial<Parameters<typeof renderPage>[1]> = {}) =>
  renderPage(site, { title: 'A page', description: 'About it', path: site.edition.pathPrefix ? '/ar/latest' : '/latest', ...meta }, html`<p>main</p>`);

const hreflangs = (body: string) => [...body.matchAll(/<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">/g)].map((m) => `${m[1]} ${m[2]}`);

describe('the page shell', () => {
  it('speaks the edition: lang, dir, Intl locale with digits, zone, edition and prefix for the script', () => {
    expect(page(readerSite(ENGLISH))).toContain('<html lang="en" dir="ltr" data-locale="en-GB-u-nu-latn" data-time-zone="Europe/London" data-edition="en" data-path-prefix=""');
    expect(page(readerSite(ARABIC))).toContain('<html lang="ar" dir="rtl" data-locale="ar-SA-u-nu-arab" data-time-zone="Asia/Riyadh" data-edition="ar" data-path-prefix="/ar"');
  });

  it('hands the browser its words as escaped JSON in a data attribute (no inline script)', () => {
    const body = page(readerSite(ARABIC));
    const attribute = /data-messages="([^"]*)"/.exec(body)?.[1] ?? '';
    const messages = JSON.parse(attribute.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&'));
    expect(messages).toMatchObject({ show: 'اعرضها', copied: 'نُسخ الرابط' });
    expect(body.match(/<script[^>]*>/g)).toEqual(['<script src="/assets/site.js" defer>']);
  });

  it('announces og:locale, the other editions as og:locale:alternate, and hreflang with x-default', () => {
    const body = page(readerSite(ENGLISH), { alternates: [{ edition: ARABIC, path: '/ar/latest' }] });
    expect(body).toContain('<meta property="og:locale" content="en_GB">');
    expect(body).toContain('<meta property="og:locale:alternate" content="ar_SA">');
    expect(hreflangs(body)).toEqual(['en https://news.test/latest', 'ar https://news.test/ar/latest', 'x-default https://news.test/latest']);
  });

  it('points x-default at the first edition’s version, or at the page itself when it has none', () => {
    const translated = page(readerSite(ARABIC), { path: '/ar/article/x', alternates: [{ edition: ENGLISH, path: '/article/y' }] });
    expect(hreflangs(translated)).toEqual(['ar https://news.test/ar/article/x', 'en https://news.test/article/y', 'x-default https://news.test/article/y']);
    const alone = page(readerSite(ARABIC), { path: '/ar/article/x' });
    expect(hreflangs(alone)).toEqual(['ar https://news.test/ar/article/x', 'x-default https://news.test/ar/article/x']);
    expect(alone).toContain('<meta property="og:locale" content="ar_SA">');
  });

  it('offers each other edition by its own name, in its language: the translation if any, else its home', () => {
    expect(page(readerSite(ENGLISH))).toContain('<li><a href="/ar/" lang="ar" hreflang="ar" dir="rtl">العربية</a></li>');
    const translated = page(readerSite(ARABIC), { alternates: [{ edition: ENGLISH, path: '/latest' }] });
    expect(translated).toContain('<nav class="edition-switcher" aria-label="الطبعات"><ul><li><a href="/latest" lang="en" hreflang="en" dir="ltr">English</a></li></ul></nav>');
  });

  it('tells two editions of one language apart by their locales', () => {
    const american = { ...ENGLISH, id: 'us', locale: 'en-US', name: 'English (US)', pathPrefix: '/us', position: 2 };
    const body = page(readerSite(ENGLISH, [ENGLISH, ARABIC, american]), { alternates: [{ edition: american, path: '/us/latest' }] });
    expect(hreflangs(body)).toEqual(['en-GB https://news.test/latest', 'en-US https://news.test/us/latest', 'x-default https://news.test/latest']);
  });

  it('has no switcher and no hreflang on a site of one edition', () => {
    const body = page(readerSite(ENGLISH, [ENGLISH]));
    expect(body).not.toContain('edition-switcher');
    expect(body).not.toContain('hreflang');
    expect(body).toContain('<meta property="og:locale" content="en_GB">');
  });

  it('links every part of the masthead and footer inside the edition, in its words', () => {
    const body = page(readerSite(ARABIC));
    for (const href of ['/ar/', '/ar/section/world', '/ar/following', '/ar/feed.xml', '/ar/feed.atom', '/ar/feed.json', '/ar/sitemap.xml']) expect(body).toContain(`href="${href}"`);
    expect(body).toContain('action="/ar/search"');
    expect(body).toContain('<a class="skip-link" href="#main">انتقل إلى المحتوى</a>');
    expect(body).toContain('<title>A page | Dateline</title>');
    expect(body).toContain('<p><bdi>Dateline</bdi> · <bdi>News as it happens</bdi></p>');
  });
});
