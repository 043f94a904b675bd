/**
 * Live updates in a real browser: the home page shows a "new story" bar when the newsroom publishes, without a
 * reload and without moving the page; an open article says when it was updated or unpublished.
 * No fixed sleeps: every wait is for a condition in the page.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { StaffUser } from '../../src/core/staff/staff-user.js';
import type { ArticleFields } from '../../src/core/articles/article-fields.js';
import { addStaff } from '../support/newsroom-session.js';
import { launchBrowser, problemsOf, resultPath, startLiveSite, watchPage, type LiveSite, type PageProblems } from './browser-support.js';

let live: LiveSite;
let browser: Browser;
let editor: StaffUser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveSite({ newsroom: true }), launchBrowser()]);
  editor = (await addStaff(live.site, 'editor')).user;
});

afterEach(async () => {
  await Promise.all(contexts.splice(0).map((c) => c.close()));
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
});

/** Opens a page and waits until its live stream is connected (the server registers it before sending headers). */
async function openWithStream(path: string, viewport = { width: 1280, height: 800 }): Promise<{ page: Page; problems: PageProblems }> {
  const context = await browser.newContext({ viewport });
  contexts.push(context);
  const page = await context.newPage();
  const problems = watchPage(page, live.origin);
  const stream = page.waitForResponse((r) => r.url() === `${live.origin}/live`);
  await page.goto(`${live.origin}${path}`);
  expect((await stream).status()).toBe(200);
  // A marker that a reload would wipe out.
  await page.evaluate(() => { (window as unknown as { notReloaded: boolean }).notReloaded = true; });
  return { page, problems };
}

const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

async function act(id: string, action: 'publish' | 'update' | 'unpublish', change: Partial<ArticleFields> = {}): Promise<void> {
  const state = (await live.site.storage.articles.findState(id))!;
  await live.site.newsroom!.newsroom.act(editor, id, { action, fields: { ...state.fields, ...change }, note: action === 'update' ? 'Times added.' : action === 'unpublish' ? 'Withdrawn pending a legal check.' : null, scheduledAt: null, autosave: false, expectedVersion: state.version });
}

async function publishStory(headline: string, topics: ArticleFields['topics'] = []): Promise<{ id: string; slug: string }> {
  const { id } = await live.site.newsroom!.newsroom.createArticle(editor, {
    section: { slug: 'world', name: 'World' }, headline, highlights: ['Sailings every hour'], dateline: 'BERGEN',
    body: [{ type: 'paragraph', text: 'The ferry is back.' }], topics,
  });
  await act(id, 'publish');
  return { id, slug: (await live.site.storage.articles.findState(id))!.slug };
}

function expectHealthy(problems: PageProblems): void {
  expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
}

describe('live updates in a browser', () => {
  it('home: a published story brings a polite bar that does not move the page; Show brings in the story without a reload', async () => {
    const { page, problems } = await openWithStream('/');
    const bar = page.locator('.live-bar');
    expect(await bar.getAttribute('aria-live')).toBe('polite');
    expect(await bar.getAttribute('role')).toBe('status');
    expect(await bar.isVisible()).toBe(false);
    const lead = page.locator('section.home-lead');
    const before = await lead.boundingBox();

    const headline = 'Ferry service resumes across the fjord';
    await publishStory(headline);
    await bar.getByText('1 new story').waitFor();
    expect(await bar.getByRole('button', { name: 'Show' }).isVisible()).toBe(true);
    // Fixed over the page: nothing under the reader's eyes moved, and the page was not reloaded.
    expect(await lead.boundingBox()).toEqual(before);
    expect(await page.getByRole('link', { name: headline }).count()).toBe(0);
    expect(await notReloaded(page)).toBe(true);
    await page.screenshot({ path: resultPath('live-update-bar.png') });

    await bar.getByRole('button', { name: 'Show' }).click();
    await page.locator('section.home-lead').getByRole('link', { name: headline }).waitFor();
    expect(await bar.isVisible()).toBe(false);
    expect(await notReloaded(page)).toBe(true);
    // Focus moves to the fresh list, so keyboard and screen reader users start there.
    expect(await page.locator('main').evaluate((m) => m === document.activeElement)).toBe(true);
    expectHealthy(problems);
  });

  it('home on a phone: two stories count up on one line; one unpublished before the reader looks counts down again', async () => {
    const { page, problems } = await openWithStream('/', { width: 360, height: 640 });
    const bar = page.locator('.live-bar');
    const first = await publishStory('Bridge reopens to traffic');
    await bar.getByText('1 new story').waitFor();
    await publishStory('Tunnel closes for repairs');
    await bar.getByText('2 new stories').waitFor();
    const box = (await bar.boundingBox())!;
    expect(box.height).toBeLessThan(50); // one line, not "2 new / stories"
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(360);
    await act(first.id, 'unpublish');
    await bar.getByText('1 new story').waitFor();
    expectHealthy(problems);
  });

  it('topic page: only stories about the topic count as new there', async () => {
    const { page, problems } = await openWithStream('/topic/kim-jong-un');
    const bar = page.locator('.live-bar');
    await publishStory('Harbour fees rise next month');
    await publishStory('Kim Jong Un visits a fishing port', [{ slug: 'kim-jong-un', name: 'Kim Jong Un', kind: 'person' }]);
    // Events arrive in order: by the time the second shows, the first was already passed over.
    await bar.getByText('1 new story').waitFor();
    await bar.getByRole('button', { name: 'Show' }).click();
    // The topic's own list, not the Latest rail beside it (which lists every new story of the edition).
    const list = page.locator('.list-main');
    await list.getByRole('link', { name: 'Kim Jong Un visits a fishing port' }).waitFor();
    expect(await list.getByRole('link', { name: 'Harbour fees rise next month' }).count()).toBe(0);
    expectHealthy(problems);
  });

  it('article: an update of the open story brings "updated — Reload", an unpublish "no longer available"', async () => {
    const { id, slug } = await publishStory('Storm warning for the west coast');
    const { page, problems } = await openWithStream(`/article/${slug}`);
    const bar = page.locator('.live-bar');
    // Another story's publication is not news on an article page.
    await publishStory('Unrelated story elsewhere');

    await act(id, 'update', { headline: 'Storm warning for the west coast upgraded to red' });
    await bar.getByText('This story has been updated').waitFor();
    expect(await bar.getByRole('button', { name: 'Reload' }).isVisible()).toBe(true);
    expect(await notReloaded(page)).toBe(true);
    await page.screenshot({ path: resultPath('live-update-notice.png') });

    await act(id, 'unpublish');
    await bar.getByText('This story is no longer available').waitFor();
    expect(await bar.getByRole('button', { name: 'Reload' }).count()).toBe(0);
    await bar.getByRole('button', { name: 'Dismiss' }).click();
    expect(await bar.isVisible()).toBe(false);
    expectHealthy(problems);
  });

  it('article: Reload shows the updated story', async () => {
    const { id, slug } = await publishStory('Power restored in the north');
    const { page } = await openWithStream(`/article/${slug}`);
    await act(id, 'update', { headline: 'Power restored in the north after two days' });
    await page.locator('.live-bar').getByRole('button', { name: 'Reload' }).click();
    await page.getByRole('heading', { level: 1, name: /after two days/ }).waitFor();
    expect(await notReloaded(page)).toBe(false);
  });
});
