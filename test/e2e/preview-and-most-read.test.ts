/**
 * In a real browser, at phone and desktop sizes: a draft's preview stays at its own address with its banner; Unpublish
 * asks in a dialog for a reason that the revision history keeps; readers' visits fill "Most read" on home and
 * article pages (bots are not counted); the editor's toolbar passes axe, its link dialog checks the address, and
 * scheduling names the edition's zone. Screenshots go to test-results/ (and SHOTS_DIR when set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditAccessibility, launchBrowser, problemsOf, screenshot, signInToNewsroom, startLiveSite, watchPage, type LiveSite } from './browser-support.js';

const EDITOR = { email: 'editor-r2@dateline.test', name: 'Eddie Editor', role: 'editor' as const, password: 'editor-password-12' };
const SCREENS = [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 900 }]] as const;
/** A reader's browser: headless Chromium says "HeadlessChrome", which most read rightly takes for a bot. */
const READER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

let live: LiveSite;
let browser: Browser;
const url = (path: string) => `${live.origin}${path}`;

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveSite({ newsroom: true, arabic: true }), launchBrowser()]);
  await live.site.newsroom!.auth.addUser(EDITOR);
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
});


async function signedIn(viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signInToNewsroom(page, live.origin, EDITOR);
  return { context, page };
}

async function newDraft(page: Page, headline: string): Promise<string> {
  await page.goto(url('/newsroom/stories/new'));
  await page.getByLabel('Headline').fill(headline);
  await page.getByRole('button', { name: 'Create draft' }).click();
  await page.waitForURL(/\/newsroom\/stories\/[\w-]+\/edit/);
  return /\/stories\/([\w-]+)\/edit/.exec(page.url())![1]!;
}

/** Two frames after the last scroll: time for every IntersectionObserver callback the scroll caused. */
const settle = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

/** Leaving a page while its icon or a stream loads aborts that request: not a problem of the page. */
function pageProblems(problems: ReturnType<typeof watchPage>) {
  return problemsOf({ ...problems, failedRequests: problems.failedRequests.filter((r) => !r.endsWith('net::ERR_ABORTED')) });
}

const serious = (violations: Awaited<ReturnType<typeof auditAccessibility>>) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

describe('an honest preview', () => {
  it.each(SCREENS)('stays at its own address, with its banner and no public tools, on a %s', async (screen, viewport) => {
    const { context, page } = await signedIn(viewport);
    try {
      const id = await newDraft(page, `Preview stays put — معاينة 预览 ${screen}`);
      const problems = watchPage(page, live.origin);
      const response = await page.goto(url(`/newsroom/stories/${id}/preview`));
      expect(response?.headers()['x-robots-tag']).toBe('noindex');
      await page.waitForLoadState('load');
      const banner = page.locator('.preview-banner');
      await expect.poll(() => banner.isVisible()).toBe(true);
      expect(await banner.textContent()).toBe('Preview — not published');
      await screenshot(page, `preview-${screen}`);
      // Scrolling through the story is what moved the address bar to the public URL before.
      await page.mouse.wheel(0, 3000);
      await settle(page);
      await page.mouse.wheel(0, -3000);
      await settle(page);
      expect(page.url()).toBe(url(`/newsroom/stories/${id}/preview`));
      expect(await page.locator('meta[name="robots"]').getAttribute('content')).toBe('noindex');
      expect(await page.locator('.short-url, .share, details.follow, .story-time, nav.next-story').count()).toBe(0);
      expect(serious(await auditAccessibility(page))).toEqual([]);
      expect(pageProblems(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    } finally {
      await context.close();
    }
  });
});

describe('unpublish asks first', () => {
  it.each(SCREENS)('opens a dialog that needs a reason, and the revisions keep it, on a %s', async (screen, viewport) => {
    const { context, page } = await signedIn(viewport);
    try {
      const stories = (await live.site.storage.articles.listPublished({ limit: 10, edition: 'en' })).items;
      const story = stories[screen === 'phone' ? 4 : 5]!;
      await page.goto(url(`/newsroom/stories/${story.id}/edit`));
      await page.getByRole('link', { name: 'Unpublish…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Unpublish this story?' });
      await dialog.waitFor();
      const reason = dialog.getByLabel('Reason for unpublishing');
      expect(await reason.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(serious(await auditAccessibility(page))).toEqual([]);
      await screenshot(page, `unpublish-dialog-${screen}`);
      // Without a reason the browser refuses the form: the story stays published.
      await dialog.getByRole('button', { name: 'Unpublish', exact: true }).click();
      expect(await reason.evaluate((el: HTMLTextAreaElement) => el.validity.valueMissing)).toBe(true);
      expect((await live.site.storage.articles.findState(story.id))!.status).toBe('published');
      // Cancel closes it and gives focus back to the link.
      await dialog.getByRole('link', { name: 'Cancel' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      await page.getByRole('link', { name: 'Unpublish…' }).click();
      await reason.fill(`Legal hold — أمر قضائي ${screen}`);
      await dialog.getByRole('button', { name: 'Unpublish', exact: true }).click();
      await page.waitForURL(/done=unpublish/);
      expect((await live.site.storage.articles.findState(story.id))!.status).toBe('unpublished');
      await page.goto(url(`/newsroom/stories/${story.id}/revisions`));
      expect(await page.locator('main').textContent()).toContain(`Legal hold — أمر قضائي ${screen}`);
    } finally {
      await context.close();
    }
  });
});

describe('most read', () => {
  it.each(SCREENS)('lists what readers read, not what bots fetched, on home and article pages, on a %s', async (screen, viewport) => {
    const stories = (await live.site.storage.articles.listPublished({ limit: 3, edition: 'en' })).items;
    const [top, second] = [stories[2]!, stories[1]!];
    const reader = await browser.newContext({ viewport, userAgent: READER_AGENT });
    const bot = await browser.newContext({ viewport });
    try {
      const page = await reader.newPage();
      const problems = watchPage(page, live.origin);
      await live.site.deps.mostRead!.flush();
      // Three readers read one story, one reads another (a browser keeps a page it saw for a minute: one visit each).
      for (let i = 0; i < 2; i++) {
        const other = await browser.newContext({ viewport, userAgent: READER_AGENT });
        await (await other.newPage()).goto(url(`/article/${top.slug}`));
        await other.close();
      }
      await page.goto(url(`/article/${top.slug}`));
      await page.goto(url(`/article/${second.slug}`));
      // Headless Chromium's own user agent is a bot's: these visits count for nothing.
      const crawler = await bot.newPage();
      for (let i = 0; i < 6; i++) await crawler.goto(url(`/article/${stories[0]!.slug}`));
      const flushed = await live.site.deps.mostRead!.flush();
      live.site.deps.pageCache.clear();
      await page.goto(url('/'));
      expect(flushed).toBe(4);
      const list = page.locator('section.most-read');
      await list.scrollIntoViewIfNeeded();
      expect(await list.getByRole('heading', { name: 'Most read' }).isVisible()).toBe(true);
      const headlines = await list.locator('li a').allTextContents();
      expect(headlines.slice(0, 2)).toEqual([top.headline, second.headline]);
      expect(headlines).not.toContain(stories[0]!.headline);
      await screenshot(page, `most-read-home-${screen}`);
      // Browsers keep a page they saw for a minute, as they should: this last look is a new (headless, uncounted) browser's.
      const look = await (await browser.newContext({ viewport })).newPage();
      await look.goto(url(`/article/${stories[0]!.slug}`));
      const sidebar = look.locator('aside.related section.most-read');
      await sidebar.scrollIntoViewIfNeeded();
      expect(await sidebar.locator('li a').allTextContents()).toEqual([top.headline, second.headline]);
      await screenshot(look, `most-read-article-${screen}`);
      expect(serious(await auditAccessibility(look))).toEqual([]);
      await look.context().close();
      expect(pageProblems(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    } finally {
      await reader.close();
      await bot.close();
    }
  });
});

describe('the story editor', () => {
  it.each(SCREENS)('has a toolbar axe finds nothing serious in, a link dialog that checks the address, and the edition’s zone, on a %s', async (screen, viewport) => {
    const { context, page } = await signedIn(viewport);
    try {
      await newDraft(page, `Editor check ${screen}`);
      const surface = page.locator('#body-editor [contenteditable="true"]');
      await surface.click();
      await page.keyboard.type('Read our earlier story about the bridge.');
      await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'H2 heading' }).waitFor();
      const violations = await auditAccessibility(page);
      expect(violations.filter((v) => v.id === 'label-content-name-mismatch')).toEqual([]);
      expect(serious(violations)).toEqual([]);
      // Select "earlier story" and link it.
      await surface.evaluate((root) => {
        const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const at = node.textContent?.indexOf('earlier story') ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + 'earlier story'.length);
          window.getSelection()!.removeAllRanges();
          window.getSelection()!.addRange(range);
        }
      });
      await page.waitForFunction(() => window.getSelection()?.toString() === 'earlier story');
      await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button', { name: 'Link' }).click();
      const dialog = page.getByRole('dialog', { name: 'Link' });
      await dialog.waitFor();
      expect(await dialog.getByLabel('Text').inputValue()).toBe('earlier story');
      // Not a link yet: nothing to remove.
      expect(await dialog.getByRole('button', { name: 'Remove link' }).isVisible()).toBe(false);
      await dialog.getByLabel('Address').fill('javascript:alert(1)');
      await dialog.getByRole('button', { name: 'Apply' }).click();
      expect(await dialog.getByRole('alert').textContent()).toContain('cannot be a link');
      await screenshot(page, `editor-link-dialog-${screen}`);
      await dialog.getByLabel('Address').fill('/article/harbour-bridge-reopens');
      await dialog.getByLabel('Text').fill('earlier report — تقرير سابق');
      await dialog.getByRole('button', { name: 'Apply' }).click();
      await expect.poll(() => dialog.isVisible()).toBe(false);
      const link = surface.locator('a[href="/article/harbour-bridge-reopens"]');
      expect(await link.textContent()).toBe('earlier report — تقرير سابق');
      const body = JSON.parse(await page.locator('textarea#body-json').inputValue()) as unknown[];
      expect(JSON.stringify(body)).toContain('/article/harbour-bridge-reopens');
      expect(await page.locator('label[for="scheduled_at"]').textContent()).toBe('Publish at (UTC)');
      await screenshot(page, `editor-${screen}`);
    } finally {
      await context.close();
    }
  });
});
