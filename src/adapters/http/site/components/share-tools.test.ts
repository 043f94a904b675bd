import { describe, expect, it } from 'vitest';
import { ARABIC, readerArticle, readerSite, refOf } from '../../../../../test/support/reader-site-context.js';
import { shareBox, shareUrlOf } from './share-tools.js';

const HOSTILE = 'مرحبا 東京 Привет 👩‍👩‍👧 "quotes" & <b>tags</b> ?a=1#x';

describe('shareBox', () => {
  it('links to every network and to e-mail with the short URL encoded, names in the page’s language', () => {
    const markup = shareBox(readerSite(), readerArticle({ headline: HOSTILE })).toString();
    const shortUrl = encodeURIComponent('https://news.test/s/Ab3dE5f');
    for (const [network, start] of [['whatsapp', 'https://wa.me/?text='], ['x', 'https://x.com/intent/post?url='], ['facebook', 'https://www.facebook.com/sharer/sharer.php?u='],
      ['linkedin', 'https://www.linkedin.com/sharing/share-offsite/?url='], ['telegram', 'https://t.me/share/url?url='], ['email', 'mailto:?subject=']] as const) {
      const href = new RegExp(`data-network="${network}" href="([^"]*)"`).exec(markup)?.[1]?.replace(/&amp;/g, '&') ?? '';
      expect(href.startsWith(start), network).toBe(true);
      expect(href, network).toContain(shortUrl);
    }
    expect(markup).toContain('aria-label="Share on WhatsApp">WhatsApp</a>');
    expect(markup).toContain('aria-label="Share by e-mail">E-mail</a>');
    // The headline is text in the attribute and in the encoded links, never markup.
    expect(markup).not.toContain('<b>tags</b>');
    expect(markup).toContain(`data-share-title="${HOSTILE.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}"`);
  });

  it('renders the Share and Copy buttons from the start, held invisible until the script enhances them', () => {
    const markup = shareBox(readerSite(), readerArticle()).toString();
    expect(markup).toMatch(/<button type="button" class="share-button" data-share-url="https:\/\/news\.test\/s\/Ab3dE5f" [^>]*data-enhance>Share…<\/button>/);
    expect(markup).toMatch(/<button type="button" class="copy-button" data-copy="short-Ab3dE5f" data-enhance>Copy<\/button>/);
    expect(markup).not.toContain(' hidden');
  });

  it('speaks Arabic on an Arabic page and keeps the URL left to right', () => {
    const markup = shareBox(readerSite(ARABIC), readerArticle({ edition: refOf(ARABIC) })).toString();
    expect(markup).toContain('aria-label="شارك على X">X</a>');
    expect(markup).toContain('aria-label="شارك عبر البريد الإلكتروني">البريد الإلكتروني</a>');
    expect(markup).toContain('dir="ltr"');
  });

  it('shares the canonical URL of a story without a short code', () => {
    expect(shareUrlOf(readerSite(ARABIC), readerArticle({ shortCode: null, slug: 'قصة', edition: refOf(ARABIC) }))).toBe(`https://news.test/ar/article/${encodeURIComponent('قصة')}`);
    expect(shareBox(readerSite(), readerArticle({ shortCode: null })).toString()).not.toContain('short-url');
  });
});
