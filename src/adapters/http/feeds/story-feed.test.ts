import { describe, expect, it } from 'vitest';
import { ARABIC, readerSummary, refOf } from '../../../../test/support/reader-site-context.js';
import { translatorFor } from '../i18n/translate.js';
import { feedText, renderStoryFeed, type StoryFeedInput } from './story-feed.js';

const input: StoryFeedInput = {
  title: 'العالم | Dateline', description: 'أخبار العالم من Dateline', siteUrl: 'https://news.test', language: 'ar',
  pageUrl: 'https://news.test/ar/section/world',
  feedUrls: { rss: 'https://news.test/ar/section/world/feed.xml', atom: 'https://news.test/ar/section/world/feed.atom', json: 'https://news.test/ar/section/world/feed.json' },
  author: { name: 'Dateline', url: 'https://news.test/ar/' }, itemAuthor: null,
  stories: [readerSummary({ slug: 'khabar', headline: 'خبر عاجل', edition: refOf(ARABIC) })],
};

describe('a feed in its edition’s language', () => {
  it('says so in every format: RSS <language>, Atom xml:lang, JSON Feed language', () => {
    expect(renderStoryFeed('rss', input)).toContain('<language>ar</language>');
    expect(renderStoryFeed('atom', input)).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="ar">');
    expect(JSON.parse(renderStoryFeed('json', input))).toMatchObject({ language: 'ar', title: 'العالم | Dateline' });
  });

  it('links items to their edition and keeps dates machine-readable', () => {
    const atom = renderStoryFeed('atom', input);
    expect(atom).toContain('<id>https://news.test/ar/article/khabar</id>');
    expect(atom).toContain('<updated>2025-01-17T14:59:58.000Z</updated>');
  });

  it('is titled in the edition’s words; the home stream is the site itself', () => {
    const t = translatorFor(ARABIC);
    const site = { siteName: 'Dateline', siteDescription: 'News' };
    expect(feedText(t, site, null)).toEqual({ title: 'Dateline', description: 'News' });
    expect(feedText(t, site, { title: 'العالم', description: 'أخبار العالم من Dateline' })).toEqual({ title: 'العالم | Dateline', description: 'أخبار العالم من Dateline' });
  });
});
