import { describe, expect, it } from 'vitest';
import { ARABIC, ENGLISH, readerArticle, readerSite, readerSummary, refOf } from '../../../../test/support/reader-site-context.js';
import { renderArticleFragment, renderArticlePage } from './article-page.js';

const english = readerSite(ENGLISH);
const arabic = readerSite(ARABIC);

const arabicStory = readerArticle({
  slug: 'jisr', headline: 'إعادة فتح الجسر', section: { slug: 'world', name: 'العالم' }, dateline: 'الرياض', edition: refOf(ARABIC),
  source: { kind: 'agency', agency: 'Reuters', wireId: null }, authors: [],
  corrections: [{ note: 'صُحّح التاريخ.', createdAt: new Date('2025-01-16T22:30:00Z') }],
});

describe('the article page in the edition’s words', () => {
  it('says Update, Updated, Short Url and By in English, and the same in Arabic with Arabic-Indic digits', () => {
    const en = renderArticlePage(english, { article: readerArticle(), next: null, related: [] });
    expect(en).toContain('<span class="update-badge">Update</span>');
    expect(en).toContain('Updated <time datetime="2025-01-17T14:21:24.000Z" data-ticking>38 min 36 sec ago</time>');
    expect(en).toContain('By <a href="/author/ann-lee" dir="auto">Ann Lee</a>');
    const ar = renderArticlePage(arabic, { article: arabicStory, next: null, related: [] });
    expect(ar).toContain('<span class="update-badge">تحديث</span>');
    expect(ar).toContain('آخر تحديث: <time datetime="2025-01-17T14:21:24.000Z" data-ticking>قبل ٣٨ دقيقة و٣٦ ثانية</time>');
    expect(ar).toContain('<label for="short-Ab3dE5f">الرابط المختصر</label>');
    expect(ar).toContain('المصدر: <bdi>Reuters</bdi>');
    expect(ar).toContain('<strong>تصحيح</strong> <time datetime="2025-01-16T22:30:00.000Z">١٧ يناير ٢٠٢٥</time>: صُحّح التاريخ.');
    expect(ar).toContain('<p class="stream-end">اطّلعت على كل الجديد.</p>');
  });

  it('links a translation by the other edition’s name, and announces it with hreflang', () => {
    const en = renderArticlePage(english, { article: readerArticle(), next: null, related: [], alternates: [{ edition: ARABIC, path: '/ar/article/jisr' }] });
    expect(en).toContain('<a href="/ar/article/jisr" hreflang="ar">Read in <bdi lang="ar" dir="rtl">العربية</bdi></a>');
    expect(en).toContain('<link rel="alternate" hreflang="ar" href="https://news.test/ar/article/jisr">');
    const ar = renderArticlePage(arabic, { article: arabicStory, next: null, related: [], alternates: [{ edition: ENGLISH, path: '/article/harbour-bridge-reopens' }] });
    expect(ar).toContain('<a href="/article/harbour-bridge-reopens" hreflang="en">اقرأ هذه القصة في طبعة <bdi lang="en" dir="ltr">English</bdi></a>');
  });

  it('keeps machine formats machine-readable: JSON-LD inLanguage and ISO dates', () => {
    const ar = renderArticlePage(arabic, { article: arabicStory, next: null, related: [] });
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">(.*?)<\/script>/s.exec(ar)?.[1] ?? '{}') as Record<string, unknown>;
    expect(jsonLd).toMatchObject({ inLanguage: 'ar', dateModified: '2025-01-17T14:21:24.000Z' });
  });

  it('links inside the edition: section, topics, authors, the next story and its fragment', () => {
    const next = readerSummary({ slug: 'next-one', headline: 'الخبر التالي', edition: refOf(ARABIC) });
    const related = [readerSummary({ slug: 'related-one', headline: 'خبر ذو صلة', edition: refOf(ARABIC) })];
    const ar = renderArticleFragment(arabic, { article: { ...arabicStory, authors: [{ slug: 'sara', name: 'سارة' }] }, next, related });
    for (const href of ['/ar/section/world', '/ar/topic/sydney', '/ar/author/sara', '/ar/article/next-one', '/ar/article/related-one']) expect(ar).toContain(`href="${href}"`);
    // The streamed story brings its own sidebar, after the story (reading order), its heading's id unique on the page.
    expect(ar.indexOf('<aside class="related"')).toBeGreaterThan(ar.indexOf('</article>'));
    expect(ar.indexOf('<aside class="related"')).toBeLessThan(ar.indexOf('class="next-story"'));
    expect(ar).toContain(`<h2 id="related-h-${arabicStory.id}">`);
    expect(ar).toContain('data-next-fragment="/ar/fragment/article/next-one"');
    expect(ar).toContain('القصة التالية: <bdi dir="rtl">الخبر التالي</bdi>');
  });
});

describe('mixed-direction text', () => {
  const hostile = {
    arabic: 'مرحبا بالعالم', hebrew: 'שלום עולם', cjk: '東京で地震', cyrillic: 'Привет, мир',
    emoji: '👩‍👩‍👧‍👦 family', combining: 'Zoe\u0308 Cafe\u0301', bidi: 'evil\u202Egnp.exe\u2066x\u2069', markup: '<img src=x onerror=alert(1)>',
  };
  const everything = Object.values(hostile).join(' ');
  const escaped = everything.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const story = readerArticle({
    headline: everything, dateline: hostile.bidi, authors: [{ slug: 'x', name: everything }],
    topics: [{ slug: 't', name: everything, kind: 'person' }], source: { kind: 'agency', agency: everything, wireId: null },
    lead: { url: null, caption: everything, credit: everything, alt: everything, width: null, height: null },
  });
  const body = renderArticlePage(arabic, { article: story, next: readerSummary({ headline: everything }), related: [readerSummary({ headline: everything })] });

  it('renders every script, emoji sequence, combining mark and bidi control unchanged, and only markup escaped', () => {
    expect(body).not.toContain('<img src=x');
    expect(body).toContain(escaped);
  });

  it('isolates each piece: the headline in its story’s direction, names, captions, credits and datelines by their own', () => {
    expect(body).toContain(`<h1 class="article-headline" id="t-${story.id}"><span class="update-badge">تحديث</span> <bdi dir="ltr">${escaped}</bdi></h1>`);
    expect(body).toContain(`<a href="/ar/author/x" dir="auto">${escaped}</a>`);
    expect(body).toContain(`<a class="topic-link" href="/ar/topic/t" dir="auto">${escaped}</a>`);
    expect(body).toContain(`المصدر: <bdi>${escaped}</bdi>`);
    expect(body).toContain(`<figcaption><span dir="auto">${escaped}</span> <span class="credit" dir="auto">(${escaped})</span></figcaption>`);
    expect(body).toContain(`<span class="dateline" dir="auto">${hostile.bidi}:</span>`);
    expect(body).toContain(`<span class="visually-hidden"> <bdi>${escaped}</bdi></span>`);
  });

  it('marks a story of the other edition with its lang and dir, and its headline with its direction', () => {
    expect(body).toContain(`<article class="story" lang="en" dir="ltr"`);
    expect(body).toContain(`<article class="card card-stream" lang="en" dir="ltr">`);
    expect(body).toContain(`<a href="/article/story-one" dir="ltr">${escaped}</a>`);
    expect(body).toContain('القصة التالية: <bdi dir="ltr">');
  });

  it('keeps the Latin short URL left to right on an Arabic page', () => {
    expect(body).toContain('value="https://news.test/s/Ab3dE5f" dir="ltr"');
  });
});

describe('story first', () => {
  const order = (page: string, ...markers: string[]) => markers.map((m) => page.indexOf(m));

  it('puts the byline under the headline, then photo or caption, time, highlights and body, then share and follow', () => {
    const page = renderArticlePage(english, { article: readerArticle({ lead: { url: null, caption: 'A caption', credit: 'AFP', alt: '', width: null, height: null } }), next: null, related: [] });
    const positions = order(page, '<h1', '<p class="byline">', 'lead-caption-only', '<p class="story-time">', '<ul class="highlights"', '<div class="story-body">', '<div class="story-tools">', '<details class="follow">');
    expect(positions.every((p) => p > 0)).toBe(true);
    expect(positions).toEqual(positions.slice().sort((a, b) => a - b));
    expect(page).toContain('<summary>Follow 1 topic</summary>');
    expect(page.match(/class="byline"/g)).toHaveLength(1);
  });

  it('credits the agency, or the site’s own staff, where a story has no author; never a bare "Staff"', () => {
    const agency = renderArticlePage(english, { article: readerArticle({ authors: [], source: { kind: 'agency', agency: 'AFP', wireId: null } }), next: null, related: [] });
    expect(agency).toContain('<p class="byline"><span class="source">Source: <bdi>AFP</bdi></span></p>');
    const staff = renderArticlePage(arabic, { article: readerArticle({ authors: [], edition: refOf(ARABIC) }), next: null, related: [] });
    expect(staff).toContain('<p class="byline"><span class="source">فريق تحرير <bdi>Dateline</bdi></span></p>');
    const both = renderArticlePage(english, { article: readerArticle({ source: { kind: 'agency', agency: 'Reuters', wireId: null } }), next: null, related: [] });
    expect(both).toContain('By <a href="/author/ann-lee" dir="auto">Ann Lee</a></span><span aria-hidden="true"> · </span><span class="source">Source: <bdi>Reuters</bdi></span>');
  });
});
