/**
 * In Chromium: the service worker at /sw.js registers with scope / and becomes active from the Following page; the
 * "Breaking news alerts" control shows only where the browser has Web Push, in the page's language and direction; a
 * push delivered to the worker (through the DevTools protocol, as no push service is reachable offline) shows the
 * notification with the payload's words, direction and language, and a click opens only same-origin URLs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createAlertSite, type AlertSite } from '../support/alert-site.js';
import { freePort } from '../support/free-port.js';
import { auditAccessibility, launchBrowser, problemsOf, screenshot, watchPage } from './browser-support.js';

let t: AlertSite;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  [t, browser] = await Promise.all([createAlertSite({ realClock: true, capturedAt: new Date(), siteUrl: origin, arabic: true }), launchBrowser()]);
  await t.app.listen({ port, host: '127.0.0.1' });
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

const serious = (violations: Awaited<ReturnType<typeof auditAccessibility>>) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

/** The active registration as the page sees it, once navigator.serviceWorker.ready resolves and the worker is activated. */
function activeWorker(page: Page) {
  return page.evaluate(async () => {
    const registration = await navigator.serviceWorker.ready;
    const worker = registration.active!;
    if (worker.state !== 'activated') await new Promise((resolve) => worker.addEventListener('statechange', () => worker.state === 'activated' && resolve(null)));
    return { scope: registration.scope, scriptURL: worker.scriptURL, state: worker.state };
  });
}

describe('the service worker and the alerts control', () => {
  let context: BrowserContext;
  beforeAll(async () => {
    context = await browser.newContext({ viewport: { width: 390, height: 844 } });
  });
  afterAll(() => context?.close());

  it('serves /sw.js revalidated on every visit, with the icon’s hashed URL filled in', async () => {
    const res = await fetch(`${origin}/sw.js`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const body = await res.text();
    expect(body).not.toContain('DATELINE_ICON_URL');
    expect(body).toMatch(/\/assets\/icon\.[\w-]+\.svg/);
  });

  it('registers the worker with scope / from the Following page and shows the control in English and in Arabic', async () => {
    const page = await context.newPage();
    const problems = watchPage(page, origin);
    await page.goto(`${origin}/following`);
    const control = page.locator('[data-push-alerts]');
    await control.waitFor({ state: 'visible' });
    expect(await activeWorker(page)).toEqual({ scope: `${origin}/`, scriptURL: `${origin}/sw.js`, state: 'activated' });
    await expect(page.getByRole('button', { name: 'Turn on alerts' }).getAttribute('aria-pressed')).resolves.toBe('false');
    expect(await page.locator('[data-push-status]').textContent()).toBe('Alerts are off in this browser.');
    expect(serious(await auditAccessibility(page))).toEqual([]);
    await screenshot(page, 'push-control-en-phone');

    // The same worker serves the Arabic edition (scope /), which shows the control in its own words, right to left.
    await page.goto(`${origin}/ar/following`);
    await control.waitFor({ state: 'visible' });
    expect(await page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(`${origin}/sw.js`);
    expect(await control.locator('h2').textContent()).toBe('تنبيهات الأخبار العاجلة');
    expect(await control.evaluate((el) => getComputedStyle(el).direction)).toBe('rtl');
    expect(await page.getByRole('button', { name: 'فعّل التنبيهات' }).isVisible()).toBe(true);
    expect(serious(await auditAccessibility(page))).toEqual([]);
    await screenshot(page, 'push-control-ar-phone');
    expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    await page.close();
  });

  it('keeps the control hidden, registers nothing and asks nothing where the browser has no PushManager', async () => {
    const bare = await browser.newContext();
    try {
      await bare.addInitScript(() => { delete (window as { PushManager?: unknown }).PushManager; });
      const page = await bare.newPage();
      const problems = watchPage(page, origin);
      await page.goto(`${origin}/following`);
      await page.waitForLoadState('networkidle');
      expect(await page.locator('[data-push-alerts]').isHidden()).toBe(true);
      expect(problems.requests.filter((u) => u.includes('/push/') || u.endsWith('/sw.js'))).toEqual([]);
      expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(0);
      expect(await page.evaluate(() => Notification.permission)).toBe('default');
    } finally {
      await bare.close();
    }
  });

  it('asks for permission only on the click, and says so plainly when no push service can be reached', async () => {
    const offline = await browser.newContext();
    try {
      const page = await offline.newPage();
      const problems = watchPage(page, origin);
      await page.goto(`${origin}/following`);
      await page.locator('[data-push-alerts]').waitFor({ state: 'visible' });
      expect(await page.evaluate(() => Notification.permission)).toBe('default');
      await offline.grantPermissions(['notifications'], { origin });
      await page.getByRole('button', { name: 'Turn on alerts' }).click();
      // Headless Chromium has no push service offline: subscribe() fails, the control says so and stays off.
      await expect.poll(() => page.locator('[data-push-status]').textContent(), { timeout: 30_000 }).toBe('Alerts could not be turned on just now. Please try again.');
      expect(await page.getByRole('button', { name: 'Turn on alerts' }).getAttribute('aria-pressed')).toBe('false');
      expect(problems.requests.filter((u) => u.endsWith('/push/subscriptions'))).toEqual([]);
    } finally {
      await offline.close();
    }
  });

  it('shows a pushed alert with its words, direction and language, replacing the story’s earlier one (DevTools push)', async () => {
    await context.grantPermissions(['notifications'], { origin });
    const page = await context.newPage();
    await page.goto(`${origin}/following`);
    await activeWorker(page);
    const cdp = await context.newCDPSession(page);
    const registrations = new Promise<{ registrationId: string; scopeURL: string }[]>((resolve) => cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => resolve(e.registrations)));
    await cdp.send('ServiceWorker.enable');
    const registration = (await registrations).find((r) => r.scopeURL === `${origin}/`)!;
    const deliver = (payload: unknown) => cdp.send('ServiceWorker.deliverPushMessage', { origin: `${origin}/`, registrationId: registration.registrationId, data: JSON.stringify(payload) });
    const shown = () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({ title: n.title, body: n.body, tag: n.tag, dir: n.dir, lang: n.lang, data: n.data as unknown })));

    await deliver({ title: 'عاجل: زلزال يضرب الساحل 🌊', body: 'هزات ارتدادية', url: '/ar/article/%D8%B2', tag: 'alert-story-1', lang: 'ar', dir: 'rtl' });
    await expect.poll(shown).toEqual([{ title: 'عاجل: زلزال يضرب الساحل 🌊', body: 'هزات ارتدادية', tag: 'alert-story-1', dir: 'rtl', lang: 'ar', data: { url: `${origin}/ar/article/%D8%B2` } }]);
    // Round 2 of the same story replaces the notification (same tag); a foreign URL is never kept.
    await deliver({ title: 'Update', body: 'Более сильные толчки', url: 'https://evil.example/phish', tag: 'alert-story-1', lang: 'en', dir: 'ltr' });
    await expect.poll(shown).toEqual([{ title: 'Update', body: 'Более сильные толчки', tag: 'alert-story-1', dir: 'ltr', lang: 'en', data: { url: `${origin}/` } }]);
    await page.close();
  });
});
