/**
 * The story editor and stored body images whose address is not http(s) or /media/ (written before the rule):
 * the editor never puts such an address into an <img src>, says why beside the image, and keeps the caption and
 * alt text (Arabic and CJK here) editable; nothing is requested from another site.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { makeArticle } from '../support/make-article.js';
import { launchBrowser, problemsOf, resultPath, signInToNewsroom, startLiveSite, watchPage, type LiveSite } from './browser-support.js';

const EDITOR = { email: 'images-editor@dateline.test', name: 'Iman Editor', role: 'editor' as const, password: 'images-editor-pass-1' };
const ALT = 'ولي العهد في سيول 首尔会谈';
const REFUSED = ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', '//evil.example/x.png', 'JaVaScRiPt:alert(2)'];
const image = (url: string, i: number) => ({ type: 'image' as const, mediaId: null, url, caption: `صورة ${i} 照片`, credit: null, alt: `${ALT} ${i}`, width: 640, height: 480 });

let live: LiveSite;
let browser: Browser;

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveSite({ newsroom: true }), launchBrowser()]);
  await live.site.newsroom!.auth.addUser(EDITOR);
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('editor body images', () => {
  it('shows a refused image address as a warning, never as an <img src>, at phone and desktop widths', async () => {
    const story = makeArticle({ headline: 'Stored before the image rule', body: [{ type: 'paragraph', text: 'First paragraph.' }, ...REFUSED.map(image)] });
    await live.site.storage.articles.insertMany([story]);
    for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 900 }]] as const) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const problems = watchPage(page, live.origin);
      await signInToNewsroom(page, live.origin, EDITOR);
      await page.goto(`${live.origin}/newsroom/stories/${story.id}/edit`);
      const figures = page.locator('#body-editor figure.body-image');
      await expect.poll(() => figures.count()).toBe(REFUSED.length);
      const sources = await page.locator('#body-editor img').evaluateAll((imgs) => imgs.map((img) => img.getAttribute('src')));
      expect(sources.filter((src) => src !== null)).toEqual([]);
      const warnings = page.locator('#body-editor .body-image-refused');
      expect(await warnings.evaluateAll((els) => els.filter((el) => !(el as HTMLElement).hidden).length)).toBe(REFUSED.length);
      expect(await warnings.first().textContent()).toContain('This image cannot be shown or saved: an image address must be an absolute http(s) URL or a /media/ path of this site.');
      expect(await figures.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value))).toContain(`${ALT} 1`);
      await page.screenshot({ path: resultPath(`editor-refused-images-${device}.png`), fullPage: true });
      expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
      await context.close();
    }
  });
});
