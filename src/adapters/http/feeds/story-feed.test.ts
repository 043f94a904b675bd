/** @module Unit tests of the three feed formats over story entries: language, bylines, plain-text titles, full text, lead photo, hostile text. */
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { ARABIC, readerArticle, refOf } from '../../../../test/support/reader-site-context.js';
import type { Photo } from '../../../core/media/photo.js';
import { translatorFor } from '../i18n/translate.js';
import { feedEntry, type FeedEntryContext } from './feed-entry.js';
import type { StoryFeedInput } from './feed-input.js';
import { feedText, renderStoryFeed } from './story-feed.js';

const SITE = 'https://news.test';
const context: FeedEntryContext = { siteUrl: SITE, publisher: { name: 'Dateline', url: `${SITE}/` }, fullText: true };
const HOSTILE = 'Leak <script>alert(1)</script> ]]> & "AT&amp;T" it\'s';
const photo: Photo = {
  id: 'ab12cd34-0000-4000-8000-000000000001', originalFormat: 'jpeg', width: 2000, height: 1000, bytes: 900_000,
  variants: [
    { width: 1024, height: 512, format: 'jpeg', key: 'ab/ab12cd34-0000-4000-8000-000000000001-1024.jpg', bytes: 123_456 },
    { width: 1024, height: 512, format: 'webp', key: 'ab/ab12cd34-0000-4000-8000-000000000001-1024.webp', bytes: 80_000 },
  ],
  caption: 'Caption', credit: 'AFP', alt: 'Alt', uploadedBy: null, createdAt: new Date('2025-01-01T00:00:00Z'),
};

const arabic = readerArticle({
  id: 'ar1', slug: 'خبر-عاجل', headline: 'خبر عاجل 🚀 东京 Москва', highlights: ['أول', 'ثانٍ'], edition: refOf(ARABIC),
  authors: [{ slug: 'salma', name: 'سلمى الحربي' }, { slug: 'ivan', name: 'Иван Петров 🙂' }],
  body: [{ type: 'paragraph', text: 'نص', runs: [{ text: 'رابط', href: '/ar/article/x' }] }],
  lead: { url: '/media/ab/ab12cd34-0000-4000-8000-000000000001-1024.jpg', caption: 'صورة', credit: 'أ ف ب', alt: 'بديل', width: 1024, height: 512 },
  leadMediaId: photo.id,
});
const photos = new Map([[photo.id, photo]]);

function input(entries = [feedEntry(arabic, photos, context)]): StoryFeedInput {
  return {
    title: 'العالم | Dateline', description: 'أخبار العالم من Dateline', language: 'ar', pageUrl: `${SITE}/ar/section/world`,
    feedUrls: { rss: `${SITE}/ar/section/world/feed.xml`, atom: `${SITE}/ar/section/world/feed.atom`, json: `${SITE}/ar/section/world/feed.json` },
    author: { name: 'Dateline', url: `${SITE}/ar/` }, entries,
  };
}

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@_', isArray: (name) => ['item', 'entry', 'dc:creator', 'author', 'link'].includes(name) });
type Tree = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('a feed in its edition’s language', () => {
  it('says so in every format: RSS <language>, Atom xml:lang, JSON Feed language', () => {
    expect((xml.parse(renderStoryFeed('rss', input())) as Tree).rss.channel.language).toBe('ar');
    expect((xml.parse(renderStoryFeed('atom', input())) as Tree).feed['@_xml:lang']).toBe('ar');
    expect(JSON.parse(renderStoryFeed('json', input()))).toMatchObject({ language: 'ar', title: 'العالم | Dateline' });
  });

  it('is titled in the edition’s words; the home stream is the site itself', () => {
    const t = translatorFor(ARABIC);
    const site = { siteName: 'Dateline', siteDescription: 'News' };
    expect(feedText(t, site, null)).toEqual({ title: 'Dateline', description: 'News' });
    expect(feedText(t, site, { title: 'العالم', description: 'أخبار العالم من Dateline' })).toEqual({ title: 'العالم | Dateline', description: 'أخبار العالم من Dateline' });
  });
});

describe('an entry', () => {
  const entry = feedEntry(arabic, photos, context);

  it('credits every byline with its author page in the story’s edition', () => {
    expect(entry.authors).toEqual([
      { name: 'سلمى الحربي', url: `${SITE}/ar/author/salma` },
      { name: 'Иван Петров 🙂', url: `${SITE}/ar/author/ivan` },
    ]);
  });

  it('names the agency on an agency story without bylines, and the publication on a house story', () => {
    expect(feedEntry(readerArticle({ authors: [], source: { kind: 'agency', agency: 'AFP', wireId: null } }), new Map(), context).authors).toEqual([{ name: 'AFP', url: null }]);
    expect(feedEntry(readerArticle({ authors: [] }), new Map(), context).authors).toEqual([context.publisher]);
  });

  it('summarises with every highlight, or the lede without any', () => {
    expect(entry.summaryText).toBe('أول\nثانٍ');
    expect(entry.summaryHtml).toBe('<ul><li>أول</li><li>ثانٍ</li></ul>');
    expect(feedEntry(readerArticle({ highlights: [] }), new Map(), context).summaryText).toBe('The bridge reopened on Friday.');
  });

  it('carries the full text with absolute links and photos, in the story’s direction, and the lead photo with its size', () => {
    expect(entry.contentHtml).toContain('<div lang="ar" dir="rtl">');
    expect(entry.contentHtml).toContain(`href="${SITE}/ar/article/x"`);
    expect(entry.contentHtml).toContain(`src="${SITE}/media/ab/ab12cd34-0000-4000-8000-000000000001-1024.jpg"`);
    expect(entry.contentHtml).toContain(`${SITE}/media/ab/ab12cd34-0000-4000-8000-000000000001-1024.webp 1024w`);
    expect(entry.contentHtml).not.toMatch(/(src|href|srcset)="\//);
    expect(entry.image).toMatchObject({ url: `${SITE}/media/ab/ab12cd34-0000-4000-8000-000000000001-1024.jpg`, type: 'image/jpeg', width: 1024, height: 512, bytes: 123_456, credit: 'أ ف ب' });
    expect(feedEntry(arabic, photos, { ...context, fullText: false }).contentHtml).toBeNull();
  });

  it('turns a link the page would refuse into "#" and keeps none of its markup', () => {
    const hostile = feedEntry(readerArticle({ body: [{ type: 'paragraph', text: 'x', runs: [{ text: 'x', href: 'javascript:alert(1)' }] }, { type: 'html', html: '<p onclick="x()">y<script>z()</script></p>' }] }), new Map(), context);
    expect(hostile.contentHtml).not.toMatch(/javascript:|onclick|<script/);
  });
});

describe('the three formats', () => {
  const hostile = feedEntry(readerArticle({ headline: HOSTILE, highlights: [HOSTILE] }), new Map(), context);
  const feed = input([feedEntry(arabic, photos, context), hostile]);

  it('RSS: plain-text titles, dc:creator per byline and no name in <author>, content:encoded, media:content and an enclosure with its length', () => {
    const body = renderStoryFeed('rss', feed);
    expect(body).not.toContain('CDATA');
    const rss = (xml.parse(body) as Tree).rss;
    for (const ns of ['xmlns:dc', 'xmlns:content', 'xmlns:media', 'xmlns:atom']) expect(rss[`@_${ns}`]).toMatch(/^http/);
    const [first, second] = rss.channel.item as Tree[];
    expect(first!['dc:creator']).toEqual(['سلمى الحربي', 'Иван Петров 🙂']);
    expect(first!.author).toBeUndefined();
    expect(first!['content:encoded']).toContain('<div lang="ar" dir="rtl">');
    expect(first!['media:content']).toMatchObject({ '@_url': `${SITE}/media/ab/ab12cd34-0000-4000-8000-000000000001-1024.jpg`, '@_medium': 'image', '@_type': 'image/jpeg', '@_width': '1024' });
    expect(first!.enclosure).toMatchObject({ '@_length': '123456', '@_type': 'image/jpeg' });
    expect(second!.title).toBe(HOSTILE);
  });

  it('Atom: type="text" titles holding the exact headline, an author with uri per byline, html content', () => {
    const atom = (xml.parse(renderStoryFeed('atom', feed)) as Tree).feed;
    const [first, second] = atom.entry as Tree[];
    expect(second!.title).toEqual({ '@_type': 'text', '#text': HOSTILE });
    expect(first!.author).toEqual([{ name: 'سلمى الحربي', uri: `${SITE}/ar/author/salma` }, { name: 'Иван Петров 🙂', uri: `${SITE}/ar/author/ivan` }]);
    expect(first!.content['@_type']).toBe('html');
    expect(atom.updated).toBe(arabic.updatedAt!.toISOString());
  });

  it('Atom: the feed is updated when its newest entry was, and a story listed twice appears once', () => {
    const newer = feedEntry(readerArticle({ slug: 'newer', updatedAt: new Date('2025-01-17T14:59:00Z') }), new Map(), context);
    const atom = (xml.parse(renderStoryFeed('atom', input([newer, hostile, hostile]))) as Tree).feed;
    expect(atom.updated).toBe('2025-01-17T14:59:00.000Z');
    expect((atom.entry as Tree[]).map((e) => e.id)).toEqual([newer.url, hostile.url]);
  });

  it('JSON Feed 1.1: authors with urls, summary text, content_html and image', () => {
    const json = JSON.parse(renderStoryFeed('json', feed)) as Tree;
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.items[0]).toMatchObject({
      authors: [{ name: 'سلمى الحربي', url: `${SITE}/ar/author/salma` }, { name: 'Иван Петров 🙂', url: `${SITE}/ar/author/ivan` }],
      summary: 'أول\nثانٍ', image: `${SITE}/media/ab/ab12cd34-0000-4000-8000-000000000001-1024.jpg`,
    });
    expect(json.items[1].title).toBe(HOSTILE);
  });
});
