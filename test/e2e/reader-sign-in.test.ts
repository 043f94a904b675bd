/**
 * In a real browser: a reader follows a topic signed out, asks for a sign-in link, opens it from the outbox, confirms,
 * and finds the follow merged into the account; the Following page then reads the account. Screenshots at phone
 * (390×844) and desktop sizes in both editions; axe finds nothing serious or critical.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { auditAccessibility, launchBrowser, problemsOf, screenshot, startLiveSite, watchPage, type LiveSite } from './browser-support.js';

const SCREENS = [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 900 }]] as const;

let live: LiveSite;
let browser: Browser;
const url = (path: string) => `${live.origin}${path}`;

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveSite({ arabic: true }), launchBrowser()]);
});
afterAll(async () => {
  await browser?.close();
  await live?.close();
});

const serious = (violations: Awaited<ReturnType<typeof auditAccessibility>>) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

async function latestLinkTo(email: string): Promise<string> {
  const rows = await live.site.storage.readerDb.selectFrom('deliveries').select(['recipient', 'payload', 'created_at'])
    .where('kind', '=', 'sign-in').where('recipient', '=', email).orderBy('created_at', 'desc').execute();
  return (JSON.parse(rows[0]!.payload) as { token: string }).token;
}

async function auditAndShoot(context: BrowserContext, page: Page, path: string, name: string): Promise<void> {
  for (const [size, viewport] of SCREENS) {
    await page.setViewportSize(viewport);
    await page.goto(url(path));
    await page.locator('main h1').waitFor();
    await screenshot(page, `reader-${name}-${size}`);
    expect(serious(await auditAccessibility(page)), `${name} at ${size}`).toEqual([]);
  }
  void context;
}

describe('reader sign-in by e-mail link', () => {
  it('merges what was followed signed out into the account, and the Following page reads the account', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const problems = watchPage(page, live.origin);
    try {
      const [topic] = await live.site.storage.topics.listPopular(1);
      expect(topic).toBeDefined();
      await page.goto(url(`/topic/${encodeURIComponent(topic!.slug)}`));
      const follow = page.locator(`button[data-follow-topic="${topic!.slug}"][data-ready]`).first();
      await follow.click();
      await page.waitForFunction((el) => el?.getAttribute('aria-pressed') === 'true', await follow.elementHandle());

      await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Account' }).click();
      await page.waitForURL(url('/account/sign-in'));
      await auditAndShoot(context, page, '/account/sign-in', 'sign-in');
      await page.getByLabel('E-mail address').fill('reader-e2e@example.com');
      await page.getByRole('button', { name: 'Send me a sign-in link' }).click();
      await page.getByRole('heading', { name: 'Check your inbox' }).waitFor();
      await screenshot(page, 'reader-check-inbox-phone');

      const token = await latestLinkTo('reader-e2e@example.com');
      await page.goto(url(`/account/verify?token=${token}`));
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL(url('/account?welcome=1'));
      // The script merges this browser's follows into the account and shows the account's list again.
      const followed = page.locator('[data-account-follows] .account-follows a', { hasText: topic!.name });
      await followed.waitFor();
      const reader = await live.site.storage.readers.findByEmail('reader-e2e@example.com');
      expect((await live.site.storage.readers.listFollows(reader!.id)).map((f) => f.kind)).toEqual(['topic']);
      await auditAndShoot(context, page, '/account', 'account');
      await auditAndShoot(context, page, '/ar/account', 'account-ar');
      expect(await page.locator('html').getAttribute('dir')).toBe('rtl');

      // A browser with nothing in localStorage, signed in: the Following page asks for the account's topics.
      await page.evaluate(() => localStorage.clear());
      await page.goto(url('/following'));
      await page.locator('[data-following] .following-results').waitFor();
      await page.locator('[data-following]').getByRole('link', { name: topic!.name, exact: true }).first().waitFor();
      expect(await page.evaluate(() => JSON.parse(localStorage.getItem('dateline.follows') ?? '[]') as { slug: string }[])).toEqual([{ slug: topic!.slug, name: topic!.name }]);

      // Unfollowing on the page writes to the account as well.
      const unfollow = page.locator(`[data-following] button[data-follow-topic="${topic!.slug}"][data-ready]`).first();
      await unfollow.click();
      await expect.poll(async () => (await live.site.storage.readers.listFollows(reader!.id)).length).toBe(0);
      expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    } finally {
      await context.close();
    }
  });

  it('shows a clear page with a new-link form for a link used twice', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(url('/ar/account/sign-in'));
      await page.locator('#reader-email').fill('twice@example.com');
      await page.locator('main button[type="submit"]').click();
      await page.locator('main p[role="status"]').waitFor();
      const token = await latestLinkTo('twice@example.com');
      await page.goto(url(`/ar/account/verify?token=${token}`));
      await page.locator('main button[type="submit"]').click();
      await page.waitForURL(url('/ar/account?welcome=1'));
      await page.goto(url(`/ar/account/verify?token=${token}`));
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.locator('main button[type="submit"]').click()]);
      expect(response.status()).toBe(410);
      await page.getByRole('heading', { name: 'رابط الدخول هذا لم يعد صالحًا' }).waitFor();
      await screenshot(page, 'reader-link-used-ar-phone');
      expect(serious(await auditAccessibility(page))).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
