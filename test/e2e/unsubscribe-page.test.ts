/**
 * The unsubscribe page in Chromium, in both editions: what a reader sees after clicking the link in an e-mail (no
 * sign-in), axe finds nothing wrong before or after pressing the button, and the button turns the list off.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/adapters/http/build-app.js';
import { createHttpDeps } from '../../src/main/app-services.js';
import { openStorage, type Storage } from '../../src/main/storage.js';
import { seedArabicEdition } from '../../src/main/demo-arabic.js';
import { attachMailings, createMailingServices } from '../../src/main/mailing-services.js';
import { signReaderLink } from '../../src/adapters/auth/signed-links.js';
import { auditAccessibility, freePort, launchBrowser, problemsOf, watchPage } from './browser-support.js';

const KEY = Buffer.alloc(32, 11);

describe('unsubscribe page in a browser', () => {
  let storage: Storage;
  let app: FastifyInstance;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    storage = await openStorage('sqlite::memory:');
    await seedArabicEdition(storage, new Date());
    const port = await freePort();
    origin = `http://127.0.0.1:${port}`;
    const clock = { now: () => new Date() };
    const settings = { siteName: 'Dateline', siteDescription: 'Test', siteUrl: origin, timeZone: 'UTC', locale: 'en-GB' };
    const deps = createHttpDeps(storage, { settings, pageCache: { enabled: true, maxEntries: 100 }, clock });
    attachMailings(deps, createMailingServices(storage, { clock, settings, editions: deps.editions, readerLinkKey: async () => KEY }));
    app = buildApp(deps);
    await app.listen({ port, host: '127.0.0.1' });
    browser = await launchBrowser();
    const at = new Date().toISOString();
    await storage.readerDb.insertInto('readers').values([
      { id: randomUUID(), email: 'lina@mail.test', edition_id: 'en', created_at: at, digest: 'daily', newsletters: 1 },
      { id: randomUUID(), email: 'sara@mail.test', edition_id: 'ar', created_at: at, digest: 'daily', newsletters: 1 },
    ]).execute();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await storage?.close();
  });

  for (const [email, list, question, done] of [
    ['lina@mail.test', 'newsletters', 'Stop receiving newsletters?', 'You will receive no more newsletters.'],
    ['sara@mail.test', 'digest', 'أتريد إيقاف الملخص؟', 'لن يصلك الملخص بعد الآن.'],
  ] as const) {
    it(`asks, unsubscribes and stays accessible (${email})`, async () => {
      const reader = await storage.readerDb.selectFrom('readers').select(['id', 'edition_id']).where('email', '=', email).executeTakeFirstOrThrow();
      const token = signReaderLink(KEY, { readerId: reader.id, list, mailing: `${list}:test` });
      const page = await browser.newPage();
      const problems = watchPage(page, origin);
      await page.goto(`${origin}/unsubscribe/${token}`);
      expect(await page.locator('h1').textContent()).toBeTruthy();
      expect(await page.locator('main').textContent()).toContain(question);
      expect(await page.getAttribute('html', 'dir')).toBe(reader.edition_id === 'ar' ? 'rtl' : 'ltr');
      expect(await auditAccessibility(page)).toEqual([]);
      await Promise.all([page.waitForURL(`${origin}/unsubscribe/${token}`), page.locator('main form button').click()]);
      await page.locator('[role="status"]').waitFor();
      expect(await page.locator('[role="status"]').textContent()).toBe(done);
      expect(await auditAccessibility(page)).toEqual([]);
      expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
      const row = await storage.readerDb.selectFrom('readers').select(['digest', 'newsletters']).where('id', '=', reader.id).executeTakeFirstOrThrow();
      expect(list === 'digest' ? row.digest : row.newsletters).toBe(list === 'digest' ? 'off' : 0);
      await page.close();
    }, 30_000);
  }
});
