/**
 * The reader site in a real browser (Debian Chromium driven by playwright-core): home, article, infinite scroll,
 * ticking times, follow topics, short links, keyboard basics and screenshots for a visual review.
 * No fixed sleeps: every wait is for a condition in the page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { launchBrowser, problemsOf, resultPath, shownSeconds, startLiveSite, watchPage, type LiveSite, type PageProblems } from './browser-support.js';

const RUSSIA = 'Russia and North Korea sign partnership deal that appears to be the strongest since Cold War';
const RUSSIA_PATH = '/article/russia-and-north-korea-sign-partnership-deal-that-appears-to-be-the-strongest';
const FEATHERS = 'South Korea plane crash investigators find feathers in engines';
const FEATHERS_PATH = '/article/south-korea-plane-crash-investigators-find-feathers-in-engines';
const FOLLOWS_KEY = 'dateline.follows';

let live: LiveSite;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveSite(), launchBrowser()]);
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
});

/** A fresh browser profile (own localStorage, permissions) with a watched page; closed after each test. */
async function openPage(options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, ...options });
  contexts.push(context);
  const page = await context.newPage();
  return { context, page, problems: watchPage(page, live.origin) };
}

const url = (path: string) => `${live.origin}${path}`;

function expectHealthy(problems: PageProblems): void {
  expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
}

async function follows(page: Page): Promise<{ slug: string; name: string }[]> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? '[]') as { slug: string; name: string }[], FOLLOWS_KEY);
}

describe('reader site in a browser', () => {
  it('home shows the lead story, Top stories and Latest, with no errors and no third-party requests', async () => {
    const { page, problems } = await openPage();
    const response = await page.goto(url('/'), { waitUntil: 'networkidle' });
    expect(response?.status()).toBe(200);
    await expect(page.title()).resolves.toBe('Dateline Test');

    const lead = page.locator('section.home-lead');
    await lead.getByRole('heading', { level: 2, name: FEATHERS }).waitFor();
    expect(await lead.getByRole('link', { name: FEATHERS }).getAttribute('href')).toBe(FEATHERS_PATH);
    expect(await lead.locator('.card-highlight').textContent()).toContain('worst aviation disaster');

    const top = page.getByRole('region', { name: 'Top stories' });
    await top.getByRole('heading', { name: 'Top stories' }).waitFor();
    expect(await top.locator('.card-headline').count()).toBe(4);

    const latest = page.getByRole('region', { name: 'Latest' });
    await latest.getByRole('heading', { name: 'Latest' }).waitFor();
    await latest.getByRole('link', { name: RUSSIA }).waitFor();
    await latest.getByRole('link', { name: 'All the latest stories' }).waitFor();

    // All six stories are somewhere on the front page, every one a visible link.
    for (const name of [FEATHERS, RUSSIA, 'Kyiv says Ukraine missiles hit army radars in Russia', 'Police detain suspect in stabbing of Bollywood actor Saif Ali Khan']) {
      expect(await page.getByRole('link', { name, exact: true }).first().isVisible()).toBe(true);
    }

    expect(problems.requests.length).toBeGreaterThanOrEqual(3); // the page, its CSS and its script at least
    expect(problems.requests.some((r) => /\/assets\/site\.[\w-]+\.js$/.test(r))).toBe(true);
    expectHealthy(problems);
  });

  it('an article opened from the home page shows headline, badge, caption block, highlights and dateline', async () => {
    const { page, problems } = await openPage();
    await page.goto(url('/'));
    await page.getByRole('link', { name: RUSSIA, exact: true }).first().click();
    await page.waitForURL(url(RUSSIA_PATH));

    const story = page.locator('article.story').first();
    const h1 = page.getByRole('heading', { level: 1 });
    await h1.waitFor();
    expect(await page.locator('h1').count()).toBe(1);
    expect((await h1.textContent())?.replace(/\s+/g, ' ').trim()).toBe(`Update ${RUSSIA}`);
    expect(await h1.locator('.update-badge').textContent()).toBe('Update');
    expect(await h1.locator('.update-badge').isVisible()).toBe(true);
    expect(await page.title()).toBe(`${RUSSIA} | Dateline Test`);

    // No photo file in the capture: the caption shows as a caption block, never a broken image.
    const caption = story.locator('figure.lead.lead-caption-only figcaption');
    expect(await caption.isVisible()).toBe(true);
    expect(await caption.textContent()).toContain('attend a welcoming ceremony at Kim Il Sung Square');
    expect(await caption.locator('.credit').textContent()).toBe('(Sputnik/AFP)');
    expect(await page.locator('main img').count()).toBe(0);

    const highlights = story.getByRole('list', { name: 'Highlights' });
    expect(await highlights.locator('li').allTextContents()).toEqual([
      'Russian leader hails ‘close friendship’ between the two countries based on ‘equality and respect of mutual interests’',
      'North Korean state media described the meeting between the leaders as a historic event',
    ]);
    const firstParagraph = story.locator('.story-body p').first();
    expect(await firstParagraph.locator('.dateline').textContent()).toBe('SEOUL:');
    expect(await firstParagraph.textContent()).toMatch(/^SEOUL: Russian President Vladimir Putin and North Korean leader Kim Jong Un/);
    expect(await story.locator('.story-time time').textContent()).toBe('19 June 2024');
    expect(await story.locator('.story-footer .topics a').count()).toBeGreaterThan(0);
    // With the script running, each topic has a Follow toggle (the name includes the CSS "+ " marker) in the "Follow 8 topics" disclosure.
    await story.locator('details.follow summary').click();
    expect(await story.getByRole('button', { name: 'Follow Kim Jong Un' }).isVisible()).toBe(true);
    expect(await story.getByRole('button', { name: 'Follow Kim Jong Un' }).getAttribute('aria-pressed')).toBe('false');
    expectHealthy(problems);
  });

  it('infinite scroll appends the next story and the address follows the story in view', async () => {
    const { page, problems } = await openPage();
    await page.goto(url(RUSSIA_PATH));
    const nextHref = await page.locator('nav.next-story a[data-next-fragment]').getAttribute('href');
    expect(nextHref).toBe(FEATHERS_PATH); // after the oldest story the stream wraps round to the newest

    // Keep scrolling to the bottom until the next story has been fetched and appended.
    await page.waitForFunction(() => {
      window.scrollTo(0, document.body.scrollHeight);
      return document.querySelectorAll('[data-stream] article.story').length >= 2;
    }, undefined, { polling: 100 });
    const second = page.locator('[data-stream] article.story').nth(1);
    const secondUrl = await second.getAttribute('data-url');
    expect(secondUrl).toBe(FEATHERS_PATH);
    expect((await second.locator('h2.article-headline').textContent())?.trim()).toBe(FEATHERS);
    expect(await page.locator('h1').count()).toBe(1);
    // The appended story is enhanced like the first: ticking time, working copy and follow buttons.
    await second.locator('button[data-copy]').waitFor();
    await second.locator('button[data-follow-topic][data-ready]').first().waitFor({ state: 'attached' });

    // Bring the second story's top just below the top of the viewport: it crosses the "in view" line.
    await second.evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - window.innerHeight * 0.1));
    await page.waitForURL(url(FEATHERS_PATH));
    await page.waitForFunction((title) => document.title.startsWith(title), FEATHERS);

    // Scrolling back up gives the address of the first story again.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForURL(url(RUSSIA_PATH));
    expect(problems.requests).toContain(url(`/fragment${FEATHERS_PATH}`));
    expectHealthy(problems);
  });

  it('without JavaScript the Next story link is a plain link to the next story', async () => {
    const { page, problems } = await openPage({ javaScriptEnabled: false });
    await page.goto(url(RUSSIA_PATH));
    // Without the script the JS-only buttons stay hidden and the topic links show instead.
    expect(await page.locator('button[data-follow-topic]').first().isHidden()).toBe(true);
    expect(await page.locator('button[data-copy]').isHidden()).toBe(true);
    await page.locator('details.follow summary').first().click();
    expect(await page.locator('.follow .topic-link').first().isVisible()).toBe(true);

    const next = page.getByRole('navigation', { name: 'Next story' }).getByRole('link');
    expect(await next.textContent()).toBe(`Next story: ${FEATHERS}`);
    await next.click();
    await page.waitForURL(url(FEATHERS_PATH));
    expect((await page.getByRole('heading', { level: 1 }).textContent())?.trim()).toBe(FEATHERS);
    expect(await page.locator('article.story').count()).toBe(1);
    expectHealthy(problems);
  });

  it('a relative update time ticks in the browser', async () => {
    const { page, problems } = await openPage();
    await page.goto(url('/'));
    const time = page.locator('section.home-lead time[data-ticking]');
    // The script rewrites server-rendered times as soon as it starts; wait until it shows a relative time.
    await page.waitForFunction((el) => /sec ago$/.test(el?.textContent ?? ''), await time.elementHandle());
    const before = shownSeconds((await time.textContent()) ?? '');
    expect(before).not.toBeNull();
    await page.waitForFunction(
      ([el, shown]) => {
        const match = /^(?:(\d+) min )?(\d+) sec ago$/.exec((el?.textContent ?? '').trim());
        return match !== null && Number(match[1] ?? 0) * 60 + Number(match[2]) > shown;
      },
      [await time.elementHandle(), before ?? 0] as const,
    );
    expect(shownSeconds((await time.textContent()) ?? '')).toBeGreaterThan(before ?? 0);
    // The datetime attribute does not move: only the text does.
    expect(await time.getAttribute('datetime')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expectHealthy(problems);
  });

  it('following a topic lists its stories on the Following page, and unfollowing forgets it', async () => {
    const { page, problems } = await openPage();
    await page.goto(url(RUSSIA_PATH));
    await page.locator('article.story').first().locator('details.follow summary').click();
    const button = page.locator('article.story').first().locator('button[data-follow-topic]').first();
    await button.waitFor();
    const slug = (await button.getAttribute('data-follow-topic')) ?? '';
    const name = (await button.getAttribute('data-topic-name')) ?? '';
    expect(slug).not.toBe('');
    expect(await button.getAttribute('aria-pressed')).toBe('false');

    await button.click();
    await page.waitForFunction((el) => el?.getAttribute('aria-pressed') === 'true', await button.elementHandle());
    expect((await button.textContent())?.trim()).toBe(`Following ${name}`);
    expect(await follows(page)).toEqual([{ slug, name }]);

    await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Following' }).click();
    await page.waitForURL(url('/following'));
    const results = page.locator('[data-following] section.following-results');
    await results.waitFor();
    expect((await results.getByRole('heading', { level: 2 }).textContent())?.trim()).toBe('Latest on the topics you follow');
    await results.getByRole('list', { name: 'Topics you follow' }).getByRole('link', { name, exact: true }).waitFor();
    const unfollowHere = results.locator(`button[data-follow-topic="${slug}"]`);
    await page.waitForFunction((el) => el?.getAttribute('aria-pressed') === 'true' && !(el as HTMLButtonElement).hidden, await unfollowHere.elementHandle());
    await results.getByRole('link', { name: RUSSIA, exact: true }).waitFor();
    expect(problems.requests).toContain(url(`/following/stories?topics=${encodeURIComponent(slug)}`));

    // Unfollow from the article: the button remembers the state, and the Following page no longer asks for stories.
    await page.goto(url(RUSSIA_PATH));
    await page.locator('article.story').first().locator('details.follow summary').click();
    await page.waitForFunction((el) => el?.getAttribute('aria-pressed') === 'true', await button.elementHandle());
    await button.click();
    await page.waitForFunction((el) => el?.getAttribute('aria-pressed') === 'false', await button.elementHandle());
    expect(await follows(page)).toEqual([]);

    const fetchesBefore = problems.requests.filter((r) => r.includes('/following/stories')).length;
    await page.goto(url('/following'), { waitUntil: 'networkidle' });
    expect(problems.requests.filter((r) => r.includes('/following/stories')).length).toBe(fetchesBefore);
    expect(await page.locator('.following-results').count()).toBe(0);
    expect(await page.locator('[data-following] p').first().textContent()).toContain('Follow the topics you care about');
    expectHealthy(problems);
  });

  it('the short URL leads to the canonical article, and Copy copies it', async () => {
    const { context, page, problems } = await openPage();
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: live.origin });
    await page.goto(url(RUSSIA_PATH));
    const shortUrl = await page.getByLabel('Short Url').inputValue();
    expect(shortUrl).toMatch(new RegExp(`^${live.origin.replace(/[.:/]/g, '\\$&')}/s/[A-Za-z0-9]{7}$`));

    await page.getByRole('button', { name: 'Copy' }).click();
    await page.getByRole('status').filter({ hasText: 'Link copied' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shortUrl);

    const response = await page.goto(shortUrl);
    expect(response?.request().redirectedFrom()?.url()).toBe(shortUrl);
    expect(page.url()).toBe(url(RUSSIA_PATH));
    expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(url(RUSSIA_PATH));
    expect((await page.getByRole('heading', { level: 1 }).textContent())?.replace(/\s+/g, ' ').trim()).toBe(`Update ${RUSSIA}`);
    expectHealthy(problems);
  });

  it('keyboard and landmarks: skip link first, lang, one h1, main, navigation and search', async () => {
    const { page, problems } = await openPage();
    for (const path of ['/', RUSSIA_PATH, '/search?q=Putin', '/following']) {
      await page.goto(url(path));
      expect(await page.locator('html').getAttribute('lang'), path).toBe('en');
      expect(await page.locator('h1').count(), path).toBe(1);
      expect(await page.getByRole('main').count(), path).toBe(1);
      expect(await page.getByRole('navigation', { name: 'Sections' }).isVisible(), path).toBe(true);
      expect(await page.getByRole('search').first().isVisible(), path).toBe(true);
      expect(await page.getByRole('banner').count(), path).toBe(1);
      expect(await page.getByRole('contentinfo').count(), path).toBe(1);
    }

    await page.goto(url(RUSSIA_PATH));
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({ text: document.activeElement?.textContent, href: document.activeElement?.getAttribute('href') }));
    expect(focused).toEqual({ text: 'Skip to content', href: '#main' });
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.y >= 0 && box.height > 0).toBe(true); // shown on focus, not left off-screen

    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement?.id === 'main');
    expect(new URL(page.url()).hash).toBe('#main');
    // The next Tab goes into the content, not back to the masthead.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    expectHealthy(problems);
  });

  it('screenshots: home, article, article on a phone, search and Following', async () => {
    const { page, problems } = await openPage();
    await page.goto(url('/'), { waitUntil: 'networkidle' });
    await page.screenshot({ path: resultPath('home.png'), fullPage: true });

    await page.goto(url(RUSSIA_PATH), { waitUntil: 'networkidle' });
    await page.screenshot({ path: resultPath('article.png'), fullPage: true });

    await page.goto(url('/'));
    await page.getByRole('search').getByRole('searchbox', { name: 'Search stories' }).fill('Putin');
    await page.keyboard.press('Enter');
    await page.waitForURL(url('/search?q=Putin'));
    await page.locator('ol.search-results mark').first().waitFor();
    expect(await page.getByRole('status').textContent()).toMatch(/stor(y|ies) match(es)? Putin/);
    expect(await page.locator('ol.search-results > li').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: resultPath('search.png'), fullPage: true });

    await page.goto(url(RUSSIA_PATH));
    await page.locator('article.story').first().locator('details.follow summary').click();
    const follow = page.locator('article.story').first().locator('button[data-follow-topic="vladimir-putin"]');
    await follow.click();
    await page.waitForFunction((el) => el?.getAttribute('aria-pressed') === 'true', await follow.elementHandle());
    await page.goto(url('/following'));
    await page.locator('.following-results li').first().waitFor();
    await page.screenshot({ path: resultPath('following.png'), fullPage: true });
    expectHealthy(problems);

    const phone = await openPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.page.goto(url(RUSSIA_PATH), { waitUntil: 'networkidle' });
    // Nothing wider than the phone: no sideways scrolling.
    expect(await phone.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await phone.page.screenshot({ path: resultPath('article-mobile.png'), fullPage: true });
    expectHealthy(phone.problems);
  });
});
