import { describe, expect, it } from 'vitest';
import { ARABIC, ENGLISH, readerArticle, readerSite, readerSummary, refOf } from '../../../../test/support/reader-site-context.js';
import { EN_MESSAGES } from '../i18n/messages-en.js';
import { AR_MESSAGES } from '../i18n/messages-ar.js';
import { renderChangesPage } from './changes-page.js';
import { renderHomePage } from './home-page.js';
import { describeOwner } from './list-owner-text.js';
import { renderListPage } from './list-page.js';
import { renderSearchPage, type SearchContext } from './search-page.js';
import { renderErrorPage, renderFollowingFragment, renderFollowingPage, renderGonePage, renderNotFoundPage } from './simple-pages.js';
import type { SiteContext } from './site-context.js';

const english = readerSite(ENGLISH);
const arabic = readerSite(ARABIC);
const arabicSummary = readerSummary({ slug: 'khabar', headline: 'خبر عاجل', section: { slug: 'world', name: 'العالم' }, edition: refOf(ARABIC) });
const search = (over: Partial<SearchContext>): SearchContext => ({
  query: '', problem: null, results: [], total: 0, totalCapped: false, order: 'relevance', page: 1, pageCount: 0, ...over,
});
const revision = (kind: string, headline: string, at: string) => ({ kind, createdAt: new Date(at), note: null, fields: { ...readerArticle(), headline, highlights: [], leadMediaId: null } });

/** Every kind of reader page, rendered in one edition. */
function everyPage(site: SiteContext): string[] {
  const story = readerArticle({ edition: refOf(site.edition) });
  const list = (owner: Parameters<typeof describeOwner>[0]) => {
    const { tag: _tag, ...described } = describeOwner(owner, site.siteName, site);
    return renderListPage(site, { ...described, stories: [arabicSummary], nextCursor: 'abc', isFirstPage: false });
  };
  return [
    renderHomePage(site, { latest: [arabicSummary, arabicSummary, readerSummary()], sectionBlocks: [] }),
    renderHomePage(site, { latest: [], sectionBlocks: [] }),
    list({ kind: 'latest' }),
    list({ kind: 'topic', topic: { slug: 'putin', name: 'Vladimir Putin', kind: 'person' } }),
    list({ kind: 'author', author: { slug: 'ann', name: 'Ann Lee', bio: null, jobTitle: null, photoId: null, links: [] } }),
    renderSearchPage(site, search({})),
    renderSearchPage(site, search({ query: '""', problem: 'NO_WORDS' })),
    renderSearchPage(site, search({ query: 'zzz' })),
    renderSearchPage(site, search({ query: 'bridge', results: [{ summary: arabicSummary, headline: 'خبر', snippet: 'نص' }], total: 120, totalCapped: true, order: 'newest', page: 2, pageCount: 3 })),
    renderFollowingPage(site),
    renderFollowingFragment(site, [{ slug: 't', name: 'Topic' }], [arabicSummary], []),
    renderFollowingFragment(site, [], [], ['gone']),
    renderNotFoundPage(site, '/nowhere'),
    renderGonePage(site, '/article/x'),
    renderErrorPage(site, '/x'),
    renderErrorPage(site, '/x', 'This page link is not valid.'),
    renderChangesPage(site, story, [revision('published', 'Old', '2025-01-17T14:00:00Z'), revision('updated', 'New', '2025-01-17T14:30:00Z')] as never),
  ];
}

describe('every reader page in Arabic', () => {
  // English words that have an Arabic translation of their own (format names like RSS are the same in both).
  const englishOnly = Object.entries(EN_MESSAGES)
    .filter(([key, text]) => !/[{<]/.test(text) && AR_MESSAGES[key as keyof typeof EN_MESSAGES] !== text)
    .map(([, text]) => text);

  const shown = (body: string, text: string) => {
    const visible = body.replace(/<script[\s\S]*?<\/script>/g, '').replace(/data-messages="[^"]*"/, '');
    return visible.includes(`>${text}<`) || visible.includes(`"${text}"`);
  };

  it('shows no English interface text', () => {
    // The check finds the words where they are: most of them on the English pages.
    expect(englishOnly.filter((text) => everyPage(english).some((body) => shown(body, text))).length).toBeGreaterThan(30);
    for (const body of everyPage(arabic)) for (const text of englishOnly) expect(shown(body, text), text).toBe(false);
  });

  it('words search answers with plurals, digits and the query isolated', () => {
    const [, , , , , hint, problem, none, results] = everyPage(arabic);
    expect(hint).toContain(AR_MESSAGES['search.hint'].replace(/"/g, '&quot;'));
    expect(problem).toContain('لا تحتوي عبارة البحث على كلمات');
    expect(none).toContain('لا توجد قصص تطابق <strong><bdi>zzz</bdi></strong>');
    expect(results).toContain('أكثر من ١٢٠ قصة تطابق <strong><bdi>bridge</bdi></strong>، الأحدث أولًا.');
    expect(results).toContain('<span>الصفحة ٢ من ٣</span>');
    expect(results).toContain('href="/ar/search?q=bridge&amp;page=3"');
  });

  it('describes lists in Arabic, with paths in the edition and the same list in the other editions', () => {
    expect(describeOwner({ kind: 'topic', topic: { slug: 'putin', name: 'Putin', kind: 'person' } }, 'Dateline', arabic)).toMatchObject({
      title: 'Putin', kicker: 'موضوع · شخصية', description: 'قصص عن Putin من Dateline', path: '/ar/topic/putin', feedPath: '/ar/topic/putin/feed.xml',
      alternates: [{ edition: ENGLISH, path: '/topic/putin' }],
    });
    expect(describeOwner({ kind: 'latest' }, 'Dateline')).toMatchObject({ title: 'Latest', path: '/latest', feedPath: '/feed.xml', tag: 'home' });
  });
});

describe('every reader page in English', () => {
  it('keeps the words the site has always used', () => {
    const [home, empty, latest, topic, , hint, problem, none, results, following, , , notFound] = everyPage(english);
    expect(home).toContain('Top stories');
    expect(empty).toContain('No stories have been published yet.');
    expect(latest).toContain('Follow by feed:');
    expect(topic).toContain('<p class="kicker">Topic · Person</p>');
    expect(hint).toContain('Type words to look for');
    expect(problem).toContain('has no words');
    expect(none).toContain('No stories match');
    expect(results).toContain('More than 120 stories match <strong><bdi>bridge</bdi></strong>, newest first.');
    expect(following).toContain('Follow the topics you care about with the <strong>Follow</strong> buttons');
    expect(notFound).toContain('There is no page at <code><bdi dir="ltr">/nowhere</bdi></code>.');
  });

  it('marks stories of the Arabic edition on English lists with their lang and dir', () => {
    const [home] = everyPage(english);
    expect(home).toContain('<article class="card card-lead" lang="ar" dir="rtl">');
    expect(home).toContain('<a href="/ar/article/khabar" dir="rtl">خبر عاجل</a>');
    expect(home).toContain('<a class="card-section" href="/ar/section/world">العالم</a> <span lang="en" dir="ltr"><span class="update-time">Updated');
  });
});
