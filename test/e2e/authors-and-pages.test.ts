/**
 * In a real browser, at phone and desktop sizes, in both editions and both colour schemes: infinite scroll keeps the
 * sticky sidebar and the title with the story in view, and Related comes right after its own story in tab order; an
 * author page shows the profile (photo, role, bio, links); a static page renders with its footer link; axe finds
 * nothing serious or critical. Screenshots go to test-results/ (and SHOTS_DIR when set).
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { seedDemoPages } from '../../src/main/demo-pages.js';
import { auditAccessibility, launchBrowser, problemsOf, screenshot, signInToNewsroom, startLiveSite, watchPage, type LiveSite } from './browser-support.js';

const SCREENS = [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 900 }]] as const;
const SCHEMES = ['light', 'dark'] as const;

let live: LiveSite;
let browser: Browser;
let englishAuthor: string;
const url = (path: string) => `${live.origin}${path}`;

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveSite({ newsroom: true, arabic: true }), launchBrowser()]);
  const storage = live.site.storage;
  await seedDemoPages(storage, new Date());
  const jpeg = await sharp({ create: { width: 900, height: 900, channels: 3, background: { r: 70, g: 110, b: 150 } } }).jpeg().toBuffer();
  const photo = await live.site.newsroom!.media.upload(jpeg, { caption: 'Portrait', credit: 'Staff', alt: 'A portrait' }, null);
  // A staff member's byline (the demo capture's stories carry none).
  const reporter = await live.site.newsroom!.auth.addUser({ email: 'reporter-profiles@dateline.test', name: 'Rania Haddad', role: 'reporter', password: 'reporter-password-12' });
  englishAuthor = reporter.author!.slug;
  await storage.authors.updateProfile(englishAuthor, {
    jobTitle: 'Chief correspondent — كبير المراسلين', photoId: photo.id,
    bio: 'Covers Europe and the Middle East. <b>Not bold</b> 記者 Кириллица 🛰️',
    links: [{ label: 'X', url: 'https://x.com/example' }, { label: 'Website', url: 'https://reporter.example/' }],
  });
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
});


const settle = (page: Page) => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));

const serious = (violations: Awaited<ReturnType<typeof auditAccessibility>>) =>
  violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);

async function firstStoryPath(): Promise<string> {
  const page = await browser.newPage();
  try {
    await page.goto(url('/latest'));
    return (await page.locator('main .card-headline a').first().getAttribute('href'))!;
  } finally {
    await page.close();
  }
}

describe('infinite scroll', () => {
  it('keeps the sticky sidebar and the title with the story in view on a wide screen', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const page = await context.newPage();
    try {
      const problems = watchPage(page, live.origin);
      await page.goto(url(await firstStoryPath()));
      const firstTitle = await page.title();
      // Scroll until the second story has come in and crosses the line a third of the way down.
      for (let i = 0; i < 40 && (await page.locator('.story-unit').count()) < 2; i++) {
        await page.mouse.wheel(0, 800);
        await settle(page);
      }
      expect(await page.locator('.story-unit').count()).toBeGreaterThanOrEqual(2);
      const second = page.locator('.story-unit').nth(1);
      await second.locator('article.story').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 100));
      await page.mouse.wheel(0, 400);
      await settle(page);
      const headline = (await second.locator('article.story').getAttribute('data-title'))!;
      await expect.poll(() => page.title()).toContain(headline);
      expect(await page.title()).not.toBe(firstTitle);
      // The sidebar on screen (right column, near the top) belongs to the story in view.
      const inView = await page.evaluate(() => {
        const hit = document.elementFromPoint(1100, 150)?.closest('.story-unit');
        return hit ? Array.from(document.querySelectorAll('.story-unit')).indexOf(hit) : -1;
      });
      expect(inView).toBe(1);
      expect(await second.locator('aside.related').isVisible()).toBe(true);
      await screenshot(page, 'stream-second-story-desktop');
      expect(problemsOf(problems).consoleErrors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('puts Related right after its own story in tab order, before the next story', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(url(await firstStoryPath()));
      const unit = page.locator('.story-unit').first();
      expect(await unit.locator('aside.related a').count()).toBeGreaterThan(0);
      // Focus the story's last control, then Tab: the next stop is the first link of that story's sidebar.
      await unit.locator('article.story a, article.story button, article.story summary').last().focus();
      await page.keyboard.press('Tab');
      const where = await page.evaluate(() => {
        const active = document.activeElement;
        return { inAside: Boolean(active?.closest('aside.related')), unit: Array.from(document.querySelectorAll('.story-unit')).indexOf(active?.closest('.story-unit') as Element) };
      });
      expect(where).toEqual({ inAside: true, unit: 0 });
      await screenshot(page, 'stream-related-focus-phone');
    } finally {
      await context.close();
    }
  });
});

describe('author and static pages', () => {
  for (const [screen, viewport] of SCREENS) {
    for (const colorScheme of SCHEMES) {
      it(`shows the author profile and the static pages in both editions on a ${screen} (${colorScheme})`, async () => {
        const context = await browser.newContext({ viewport, colorScheme });
        const page = await context.newPage();
        try {
          const problems = watchPage(page, live.origin);
          for (const prefix of ['', '/ar']) {
            await page.goto(url(`${prefix}/author/${englishAuthor}`));
            await expect.poll(() => page.locator('.author-photo img').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
            expect(await page.locator('.author-role').textContent()).toBe('Chief correspondent — كبير المراسلين');
            expect(await page.locator('.author-bio').textContent()).toContain('<b>Not bold</b>');
            expect(await page.locator('.author-links a').count()).toBe(2);
            const person = await page.locator('script[type="application/ld+json"]').evaluate((s) => (JSON.parse(s.textContent ?? '{}') as { mainEntity?: Record<string, unknown> }).mainEntity);
            expect(person).toMatchObject({ '@type': 'Person', jobTitle: 'Chief correspondent — كبير المراسلين', sameAs: ['https://x.com/example', 'https://reporter.example/'] });
            const box = await page.locator('.author-photo img').boundingBox();
            expect(box!.width).toBeLessThanOrEqual(screen === 'phone' ? 96 : 160);
            expect(serious(await auditAccessibility(page)), `${prefix}/author`).toEqual([]);
            await screenshot(page, `author-${prefix ? 'ar' : 'en'}-${screen}-${colorScheme}`);

            await page.goto(url(`${prefix}/corrections-policy`));
            expect(await page.locator('h1').textContent()).toBe(prefix ? 'سياسة التصحيح' : 'Corrections policy');
            expect(await page.locator('.site-page h2').count()).toBeGreaterThan(0);
            const footer = page.locator('.footer-pages a');
            expect(await footer.count()).toBe(4);
            expect(await footer.nth(0).getAttribute('href')).toBe(`${prefix}/about`);
            expect(serious(await auditAccessibility(page)), `${prefix}/corrections-policy`).toEqual([]);
            await screenshot(page, `page-${prefix ? 'ar' : 'en'}-${screen}-${colorScheme}`);
          }
          expect(problemsOf(problems).consoleErrors).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  it.each(SCREENS)('lets a reporter edit their own profile in the newsroom, photo from the library, on a %s', async (screen, viewport) => {
    const context = await browser.newContext({ viewport });
    const page = await context.newPage();
    try {
      await signInToNewsroom(page, live.origin, { email: 'reporter-profiles@dateline.test', password: 'reporter-password-12' });
      await page.getByRole('link', { name: 'Profile' }).click();
      await page.locator('main').getByRole('link', { name: 'Rania Haddad' }).click();
      await page.getByLabel('Role').fill(`Chief correspondent — كبير المراسلين`);
      await page.getByLabel('Links').fill('https://x.com/example\nhttps://reporter.example/');
      expect(await page.locator('input[name="photo"]:checked').getAttribute('value')).not.toBe('');
      expect(serious(await auditAccessibility(page))).toEqual([]);
      await page.getByRole('button', { name: 'Save profile' }).click();
      await expect.poll(() => page.locator('.flash').textContent()).toContain('Profile saved.');
      await screenshot(page, `newsroom-profile-${screen}`);
    } finally {
      await context.close();
    }
  });

  it('follows a section from its page and lists it on the Following page', async () => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    try {
      await page.goto(url('/section/world'));
      const follow = page.locator('button[data-follow-section="world"]');
      await follow.click();
      await expect.poll(() => follow.getAttribute('aria-pressed')).toBe('true');
      await page.goto(url('/following'));
      await expect.poll(() => page.locator('.following-results [data-follow-section="world"]').count()).toBe(1);
      expect(await page.locator('.following-results article').count()).toBeGreaterThan(0);
      expect(serious(await auditAccessibility(page))).toEqual([]);
      await screenshot(page, 'following-section-phone');
    } finally {
      await context.close();
    }
  });
});
