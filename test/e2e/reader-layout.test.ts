/**
 * The reader site's layout in a real browser, on a 390×844 phone and a 1366×900 desktop, in the English and the Arabic
 * (right-to-left) edition: story first (the lede on a phone's first screen), the byline under the headline, no layout
 * shift when the script arrives, share links with the short URL. Screenshots for a visual review go to test-results/.
 * No fixed sleeps: every wait is for a condition in the page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import sharp from 'sharp';
import type { NewArticle } from '../../src/core/articles/article-store.js';
import { pickFallback } from '../../src/core/media/photo.js';
import { slugify } from '../../src/core/shared/slug.js';
import { makeArticle } from '../support/make-article.js';
import { auditAccessibility, launchBrowser, problemsOf, resultPath, startLiveSite, watchPage, type LiveSite, type PageProblems } from './browser-support.js';

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const DESKTOP: BrowserContextOptions = { viewport: { width: 1366, height: 900 } };
const SCREENS = [['phone', PHONE], ['desktop', DESKTOP]] as const;

/** A demo story with highlights, eight topics and no photo. */
const FEATHERS_PATH = '/article/south-korea-plane-crash-investigators-find-feathers-in-engines';

/** An Arabic story with highlights, topics, an author and no photo, of a few seconds ago. */
const ARABIC_AUTHOR = { slug: slugify('سارة الحربي'), name: 'سارة الحربي' };
const ARABIC_STORY = makeArticle({
  slug: slugify('السعودية تفتتح أكبر محطة لتحلية المياه في المنطقة'),
  headline: 'السعودية تفتتح أكبر محطة لتحلية المياه في المنطقة وسط توقعات بخفض تكلفة الإنتاج',
  highlights: ['المحطة تكفي مليون نسمة على ساحل البحر الأحمر', 'تعمل جزئيًا بالطاقة الشمسية وتخفض التكلفة بنحو الثلث', 'افتتاح المرحلة الثانية العام المقبل'],
  dateline: 'الرياض',
  body: [
    'افتتحت المملكة العربية السعودية اليوم محطة جديدة لتحلية مياه البحر على ساحل البحر الأحمر، بطاقة تكفي مليون نسمة.',
    'وقال مسؤولون إن المحطة تعمل جزئيًا بالطاقة الشمسية، وإنها ستخفض تكلفة إنتاج المياه بنحو الثلث.',
    'وأضافوا أن المرحلة الثانية من المشروع ستفتتح العام المقبل، لتضاعف الطاقة الإنتاجية للمحطة.',
  ].map((text) => ({ type: 'paragraph' as const, text })),
  section: { slug: slugify('العالم'), name: 'العالم' },
  topics: ['المياه', 'الطاقة الشمسية', 'البحر الأحمر', 'السعودية'].map((name) => ({ slug: slugify(name), name, kind: 'subject' as const })),
  authors: [ARABIC_AUTHOR],
  firstPublishedAt: new Date(Date.now() - 5_000), updatedAt: new Date(Date.now() - 5_000), createdAt: new Date(Date.now() - 5_000), edition: 'ar',
});
const ARABIC_PATH = `/ar/article/${encodeURIComponent(ARABIC_STORY.slug)}`;
const EDITIONS = [['English', FEATHERS_PATH], ['Arabic', ARABIC_PATH]] as const;

let live: LiveSite;
let browser: Browser;
const contexts: BrowserContext[] = [];

/** Stories with a library photo each (a plain colour, 1200×800), a few seconds old: the top of every list. */
const PHOTO_TOPIC = { slug: 'desalination', name: 'Desalination', kind: 'subject' as const };
const PHOTO_AUTHOR = { slug: 'noura-al-harbi', name: 'Noura Al-Harbi' };
const COLOURS = ['#0b5d3b', '#1a56db', '#b3261e', '#b45309', '#6d28d9', '#0e7490', '#be185d'];

async function storiesWithPhotos(): Promise<NewArticle[]> {
  const media = live.site.newsroom?.media;
  if (!media) throw new Error('the newsroom (and its media library) is needed for photos');
  return Promise.all(COLOURS.map(async (background, i) => {
    const bytes = await sharp({ create: { width: 1200, height: 800, channels: 3, background } }).jpeg().toBuffer();
    const photo = await media.upload(bytes, { caption: `Desalination plant ${i + 1}`, credit: 'Dateline/Test', alt: `A desalination plant, view ${i + 1}` }, null);
    const at = new Date(Date.now() - (i + 1) * 1_000);
    const arabic = i >= 5;
    return makeArticle({
      slug: `photo-story-${i + 1}`,
      headline: arabic ? `محطة تحلية جديدة رقم ${i + 1} تفتتح على ساحل البحر الأحمر` : `New desalination plant number ${i + 1} opens on the Red Sea coast`,
      highlights: [arabic ? 'تكفي مليون نسمة' : 'Enough water for a million people'],
      lead: { url: media.urlOf(pickFallback(photo).key), caption: photo.caption, credit: photo.credit, alt: photo.alt, width: photo.width, height: photo.height },
      leadMediaId: photo.id,
      section: arabic ? { slug: slugify('العالم'), name: 'العالم' } : { slug: 'world', name: 'World' },
      topics: [PHOTO_TOPIC], authors: [PHOTO_AUTHOR],
      firstPublishedAt: at, updatedAt: at, createdAt: at, ...(arabic ? { edition: 'ar' } : {}),
    });
  }));
}

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveSite({ arabic: true, newsroom: true }), launchBrowser()]);
  await live.site.storage.articles.insertMany([ARABIC_STORY, ...(await storiesWithPhotos())]);
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
});

/**
 * A fresh browser profile with a watched page. Every page keeps the sum of its layout shifts (those not caused by
 * input, as Cumulative Layout Shift counts them) in `window.__layoutShift`, from the first paint on.
 */
async function openPage(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext(options);
  contexts.push(context);
  await context.addInitScript(() => {
    const w = window as unknown as { __layoutShift: number };
    w.__layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) w.__layoutShift += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  const page = await context.newPage();
  return { context, page, problems: watchPage(page, live.origin) };
}

const url = (path: string) => `${live.origin}${path}`;

function expectHealthy(problems: PageProblems): void {
  expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
}

/** Loaded, fonts in, the script done enhancing (the Copy button is ready), and one more frame painted. */
async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => document.fonts.status === 'loaded' && document.querySelector('button[data-copy][data-ready]') !== null);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

async function layoutShift(page: Page): Promise<number> {
  return page.evaluate(() => (window as unknown as { __layoutShift: number }).__layoutShift);
}

async function seriousProblems(page: Page): Promise<string[]> {
  return (await auditAccessibility(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

describe.each(EDITIONS)('an article in the %s edition', (edition, path) => {
  it.each(SCREENS)('on a %s: headline, byline, time, highlights and lede before the share and follow tools', async (screen, options) => {
    const { page, problems } = await openPage(options);
    await page.goto(url(path));
    await settle(page);
    const story = page.locator('article.story').first();
    const top = async (selector: string) => (await story.locator(selector).first().boundingBox())?.y ?? Number.NaN;
    const order = {
      headline: await top('h1'),
      byline: await top('.story-header .byline'),
      time: await top('.story-time'),
      highlights: await top('.highlights'),
      lede: await top('.story-body p'),
      tools: await top('.story-tools'),
    };
    expect(Object.values(order).every((y) => Number.isFinite(y))).toBe(true);
    expect(Object.values(order)).toEqual(Object.values(order).slice().sort((a, b) => a - b));
    if (screen === 'phone') expect(order.lede).toBeLessThan(844);

    await page.screenshot({ path: resultPath(`reader-article-${edition}-${screen}.png`), fullPage: false });

    // One closed "Follow N topics" disclosure, not a row of chips.
    const follow = story.locator('details.follow');
    expect(await follow.getAttribute('open')).toBeNull();
    expect(await follow.locator('summary').textContent()).toMatch(edition === 'English' ? /^Follow 10 topics$/ : /^تابِع [4٤] موضوعات$/);
    expect(await story.locator('button[data-follow-topic]').first().isVisible()).toBe(false);
    await follow.locator('summary').click();
    expect(await story.locator('button[data-follow-topic]').first().isVisible()).toBe(true);

    // Nothing wider than the screen, and the page did not move when the script arrived.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport?.width ?? 0);
    await story.locator('.story-tools').screenshot({ path: resultPath(`reader-article-tools-${edition}-${screen}.png`) });
    expectHealthy(problems);
  });

  it.each(SCREENS)('on a %s: no layout shift as the page loads and the script enhances it (CLS ≤ 0.01)', async (_screen, options) => {
    const { page, problems } = await openPage(options);
    await page.goto(url(path));
    await settle(page);
    expect(await layoutShift(page)).toBeLessThanOrEqual(0.01);
    expectHealthy(problems);
  });
});

describe.each(EDITIONS)('sharing a story in the %s edition', (edition, path) => {
  const names = edition === 'English'
    ? ['Share on WhatsApp', 'Share on X', 'Share on Facebook', 'Share on LinkedIn', 'Share on Telegram', 'Share by e-mail']
    : ['شارك على WhatsApp', 'شارك على X', 'شارك على Facebook', 'شارك على LinkedIn', 'شارك على Telegram', 'شارك عبر البريد الإلكتروني'];

  it('links to every network with the short URL, without any request to them and without the script', async () => {
    const { page, problems } = await openPage({ ...PHONE, javaScriptEnabled: false });
    await page.goto(url(path), { waitUntil: 'networkidle' });
    const story = page.locator('article.story').first();
    const shortUrl = await story.locator('input.short-url').inputValue();
    expect(shortUrl).toMatch(new RegExp(`^${live.origin.replace(/[.:/]/g, '\\$&')}/s/[A-Za-z0-9]{7}$`));
    const group = story.getByRole('group', { name: edition === 'English' ? 'Share this story' : 'شارك هذه القصة' });
    for (const name of names) {
      const link = group.getByRole('link', { name, exact: true });
      expect(await link.isVisible(), name).toBe(true);
      expect(await link.getAttribute('href'), name).toContain(encodeURIComponent(shortUrl));
    }
    expect(await group.getByRole('link', { name: names[0] }).getAttribute('href')).toMatch(/^https:\/\/wa\.me\/\?text=/);
    expect(await group.getByRole('link', { name: names[5] }).getAttribute('href')).toMatch(/^mailto:\?subject=/);
    // Without the script, the Share and Copy buttons are not offered (they hold their place, invisibly).
    expect(await story.locator('button[data-share-url]').isVisible()).toBe(false);
    expect(await story.locator('button[data-copy]').isVisible()).toBe(false);
    // The links reach nothing until a reader follows one: no request leaves the site.
    expect(problems.requests.every((r) => r.startsWith(live.origin))).toBe(true);
    expectHealthy(problems);
  });

  it('opens the browser\'s share sheet with the short URL where the browser has one', async () => {
    const { context, page, problems } = await openPage(PHONE);
    await context.addInitScript(() => {
      const w = window as unknown as { __shared: unknown[] };
      w.__shared = [];
      Object.defineProperty(navigator, 'share', { value: (data: unknown) => { w.__shared.push(data); return Promise.resolve(); } });
    });
    await page.goto(url(path));
    await settle(page);
    const story = page.locator('article.story').first();
    const shortUrl = await story.locator('input.short-url').inputValue();
    const button = story.getByRole('button', { name: edition === 'English' ? 'Share…' : 'مشاركة…' });
    await button.click();
    const shared = await page.evaluate(() => (window as unknown as { __shared: { url: string; title: string }[] }).__shared);
    expect(shared).toEqual([{ url: shortUrl, title: expect.any(String) as string }]);
    expect(shared[0]?.title.length).toBeGreaterThan(10);
    expectHealthy(problems);
  });

  it('drops the Share button where the browser has no share sheet, and axe finds nothing serious', async () => {
    const { page, problems } = await openPage(DESKTOP);
    await page.goto(url(path));
    await settle(page);
    const hasShare = await page.evaluate(() => typeof navigator.share === 'function');
    expect(await page.locator('article.story').first().locator('button[data-share-url]').isVisible()).toBe(hasShare);
    expect(await seriousProblems(page)).toEqual([]);
    expectHealthy(problems);
  });
});

describe('thumbnails in lists', () => {
  const LISTS = [
    ['home', '/'], ['latest', '/latest'], ['section', '/section/world'], ['topic', `/topic/${PHOTO_TOPIC.slug}`],
    ['author', `/author/${PHOTO_AUTHOR.slug}`], ['search', '/search?q=desalination'], ['Arabic latest', '/ar/latest'], ['Arabic home', '/ar/'],
  ] as const;

  it.each(LISTS)('%s: responsive thumbnails with width and height, only the first loaded at once', async (name, path) => {
    const { page, problems } = await openPage(DESKTOP);
    await page.goto(url(path), { waitUntil: 'networkidle' });
    const images = await page.locator('main picture img, main .card-thumb img').evaluateAll((imgs) => imgs.map((img) => ({
      srcset: img.closest('picture')?.querySelector('source[type="image/webp"]')?.getAttribute('srcset') ?? '',
      fallbackSrcset: img.getAttribute('srcset') ?? '',
      width: img.getAttribute('width'), height: img.getAttribute('height'), loading: img.getAttribute('loading'), sizes: img.getAttribute('sizes'),
      complete: (img as HTMLImageElement).naturalWidth > 0 || img.getAttribute('loading') === 'lazy',
    })));
    expect(images.length, name).toBeGreaterThanOrEqual(name.startsWith('Arabic') ? 2 : 4);
    for (const image of images) {
      expect(image.srcset).toMatch(/\/media\/\S+-320\.webp 320w, \S+-640\.webp 640w/);
      expect(image.fallbackSrcset).toMatch(/-320\.jpg 320w/);
      expect([image.width, image.height]).toEqual(['1200', '800']);
      expect(image.complete).toBe(true);
    }
    // The first picture on the page loads at once; every later one waits until it nears the screen.
    expect(images[0]?.loading).toBeNull();
    expect(images.slice(1).every((i) => i.loading === 'lazy')).toBe(true);
    expect(await seriousProblems(page)).toEqual([]);
    expectHealthy(problems);
  });

  it.each(SCREENS)('on a %s, a list page uses the width: the list with thumbnails and a rail of the latest stories', async (screen, options) => {
    for (const path of ['/section/world', `/ar/topic/${PHOTO_TOPIC.slug}`]) {
      const { page, problems } = await openPage(options);
      await page.goto(url(path), { waitUntil: 'networkidle' });
      const main = await page.locator('main').boundingBox();
      const list = await page.locator('.list-main').boundingBox();
      const rail = page.getByRole('complementary', { name: path.startsWith('/ar/') ? 'الأحدث' : 'Latest' });
      const railBox = await rail.boundingBox();
      expect(main && list && railBox).toBeTruthy();
      if (!main || !list || !railBox) return;
      if (screen === 'desktop') {
        // Side by side, list first in the reading direction, together filling the page's column.
        expect(railBox.y).toBeLessThan(list.y + 50);
        if (path.startsWith('/ar/')) expect(railBox.x + railBox.width).toBeLessThan(list.x);
        else expect(railBox.x).toBeGreaterThan(list.x + list.width);
        expect(list.width + railBox.width).toBeGreaterThan(main.width * 0.85);
      } else {
        expect(railBox.y).toBeGreaterThan(list.y + list.height - 1);
      }
      expect(await rail.locator('.card-headline').count()).toBeGreaterThan(3);
      await page.screenshot({ path: resultPath(`reader-list-${path.startsWith('/ar/') ? 'Arabic' : 'English'}-${screen}.png`), fullPage: screen === 'phone' ? false : true });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport?.width ?? 0);
      expectHealthy(problems);
    }
  });

  it.each(SCREENS)('screenshots of the home page on a %s', async (screen, options) => {
    for (const path of ['/', '/ar/']) {
      const { page, problems } = await openPage(options);
      await page.goto(url(path), { waitUntil: 'networkidle' });
      await page.screenshot({ path: resultPath(`reader-home-${path === '/' ? 'English' : 'Arabic'}-${screen}.png`), fullPage: false });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(options.viewport?.width ?? 0);
      expectHealthy(problems);
    }
  });
});

describe('both colour schemes', () => {
  const PAGES = [
    '/', FEATHERS_PATH, '/latest', '/section/world', `/topic/${PHOTO_TOPIC.slug}`, `/author/${PHOTO_AUTHOR.slug}`, '/search?q=plant', '/following',
    '/ar/', ARABIC_PATH, '/ar/latest', `/ar/topic/${PHOTO_TOPIC.slug}`, `/ar/author/${encodeURIComponent(ARABIC_AUTHOR.slug)}`, '/ar/search?q=%D8%AA%D8%AD%D9%84%D9%8A%D8%A9',
  ];

  it.each(['light', 'dark'] as const)('in the %s scheme axe finds nothing serious or critical on any reader page', async (colorScheme) => {
    const { page, problems } = await openPage({ ...DESKTOP, colorScheme });
    const found: Record<string, string[]> = {};
    for (const path of PAGES) {
      await page.goto(url(path), { waitUntil: 'networkidle' });
      expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), path).toBe(colorScheme === 'dark');
      // Open what a reader can open, so its contents are checked too.
      for (const summary of await page.locator('details.follow > summary').all()) await summary.click();
      const serious = await seriousProblems(page);
      if (serious.length) found[path] = serious;
    }
    expect(found).toEqual({});
    expectHealthy(problems);
  });

  it.each(SCREENS)('dark mode on a %s: light text on a dark page, screenshots of both editions', async (screen, options) => {
    const { page, problems } = await openPage({ ...options, colorScheme: 'dark' });
    for (const [name, path] of [['home-English', '/'], ['home-Arabic', '/ar/'], ['article-English', FEATHERS_PATH], ['article-Arabic', ARABIC_PATH]] as const) {
      await page.goto(url(path), { waitUntil: 'networkidle' });
      const colours = await page.evaluate(() => ({ page: getComputedStyle(document.body).backgroundColor, text: getComputedStyle(document.body).color }));
      expect(colours).toEqual({ page: 'rgb(18, 20, 23)', text: 'rgb(230, 232, 235)' });
      await page.screenshot({ path: resultPath(`reader-dark-${name}-${screen}.png`), fullPage: false });
    }
    expectHealthy(problems);
  });
});

describe('the navigation', () => {
  it('has Latest in both editions, marked as the current page there', async () => {
    const { page, problems } = await openPage(PHONE);
    for (const [path, name] of [['/', 'Latest'], ['/ar/', 'الأحدث']] as const) {
      await page.goto(url(path));
      const nav = page.getByRole('navigation', { name: path === '/' ? 'Sections' : 'الأقسام' });
      await nav.getByRole('link', { name, exact: true }).click();
      await page.waitForURL(url(`${path}latest`));
      expect(await page.getByRole('navigation', { name: path === '/' ? 'Sections' : 'الأقسام' }).getByRole('link', { name, exact: true }).getAttribute('aria-current')).toBe('page');
    }
    expectHealthy(problems);
  });
});

describe('the byline', () => {
  it('sits under the headline and links to the author page', async () => {
    const { page, problems } = await openPage(DESKTOP);
    await page.goto(url(ARABIC_PATH));
    const byline = page.locator('article.story .story-header .byline');
    await byline.getByRole('link', { name: ARABIC_AUTHOR.name }).click();
    await page.waitForURL(url(`/ar/author/${encodeURIComponent(ARABIC_AUTHOR.slug)}`));
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(ARABIC_AUTHOR.name);
    // An imported story credits its agency under the headline; the footer no longer repeats a byline.
    await page.goto(url(FEATHERS_PATH));
    expect(await page.locator('article.story .story-header .byline').textContent()).toBe('Source: AFP');
    expect(await page.locator('article.story .story-footer .byline').count()).toBe(0);
    expectHealthy(problems);
  });
});
