/**
 * Suggested topics below the reader line: the story editor shows them apart from the accepted ones, and the
 * reader's article page (Follow box, topic links) and the topic page never show them. Screenshots at phone
 * and desktop widths.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { articlePath } from '../../src/core/articles/article.js';
import { makeArticle } from '../support/make-article.js';
import { auditAccessibility, launchBrowser, problemsOf, resultPath, signInToNewsroom, startLiveSite, watchPage, type LiveSite } from './browser-support.js';

const EDITOR = { email: 'topics-editor@dateline.test', name: 'Taro Editor', role: 'editor' as const, password: 'topics-editor-pass-1' };
const story = makeArticle({
  headline: 'Radar strike near the border 边境雷达 🛰️',
  topics: [
    { slug: 'kyiv', name: 'Kyiv', kind: 'place' },
    { slug: 'zorvik', name: 'Zorvik', kind: 'place', accepted: false },
    { slug: 'منطقة-بيلغورود', name: 'منطقة بيلغورود', kind: 'place', accepted: false },
  ],
});

let live: LiveSite;
let browser: Browser;

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveSite({ newsroom: true }), launchBrowser()]);
  await live.site.newsroom!.auth.addUser(EDITOR);
  await live.site.storage.articles.insertMany([story]);
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
});

describe('suggested topics', () => {
  it('are apart in the story editor and absent from the reader\'s article and topic pages, at phone and desktop widths', async () => {
    for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 900 }]] as const) {
      const context = await browser.newContext({ viewport });
      // One page per address, each checked before it is left: leaving a page aborts what it still loads.
      const visit = async (path: string) => {
        const page = await context.newPage();
        const problems = watchPage(page, live.origin);
        const response = await page.goto(`${live.origin}${path}`);
        return { page, problems, response };
      };
      const clean = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] };

      const reader = await visit(articlePath({ slug: story.slug }));
      const readerTopics = await reader.page.locator('a[href*="/topic/"]').evaluateAll((links) => links.map((a) => a.textContent?.trim()));
      expect(readerTopics).toContain('Kyiv');
      expect(readerTopics.filter((name) => name === 'Zorvik' || name === 'منطقة بيلغورود')).toEqual([]);
      await reader.page.screenshot({ path: resultPath(`suggested-topics-reader-${device}.png`), fullPage: true });
      expect(problemsOf(reader.problems)).toEqual(clean);

      const topic = await visit('/topic/zorvik');
      expect(topic.response?.status()).toBe(200);
      // The topic's own list (the Latest rail beside it lists every story).
      expect(await topic.page.locator('.list-main').textContent()).not.toContain(story.headline);
      expect(problemsOf(topic.problems)).toEqual(clean);

      const newsroom = await visit('/newsroom/login');
      await newsroom.page.getByLabel('Email').fill(EDITOR.email);
      await newsroom.page.getByLabel('Password').fill(EDITOR.password);
      await newsroom.page.getByRole('button', { name: 'Sign in' }).click();
      await newsroom.page.waitForURL(`${live.origin}/newsroom`);
      const edit = await visit(`/newsroom/stories/${story.id}/edit`);
      expect(await edit.page.getByLabel('Topics', { exact: true }).inputValue()).toBe('Kyiv');
      expect(await edit.page.getByLabel('Suggested topics').inputValue()).toBe('Zorvik, منطقة بيلغورود');
      await edit.page.getByLabel('Suggested topics').scrollIntoViewIfNeeded();
      await edit.page.screenshot({ path: resultPath(`suggested-topics-editor-${device}.png`) });
      expect(problemsOf(edit.problems)).toEqual(clean);
      await context.close();
    }
  });
});

describe('the topic suggestion job on the desk', () => {
  it('shows an editor how far an imported archive\'s topics are, accessibly, at phone and desktop widths', async () => {
    const archive = Array.from({ length: 4 }, (_, i) => makeArticle({ headline: `أرشيف ${i} — Архив ${i} 档案 📰`, topics: [] }));
    await live.site.storage.articles.insertMany(archive);
    await live.site.storage.topicSuggestions.enqueue(archive.map((a) => a.id), new Date(Date.now() - 60_000));
    // Two stories stored a minute apart: a pace and a time left to show.
    const lease = new Date(Date.now() + 60_000);
    const [first, second] = await live.site.storage.topicSuggestions.claim(2, new Date(), lease);
    await live.site.storage.topicSuggestions.complete([{ articleId: first!.articleId, topics: [] }], lease, new Date(Date.now() - 60_000));
    await live.site.storage.topicSuggestions.complete([{ articleId: second!.articleId, topics: [] }], lease, new Date());
    for (const [device, viewport] of [['phone', { width: 390, height: 844 }], ['desktop', { width: 1366, height: 900 }]] as const) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      const problems = watchPage(page, live.origin);
      await signInToNewsroom(page, live.origin, EDITOR);
      const panel = page.getByRole('region', { name: 'Topic suggestions for imported stories' });
      await expect(panel.textContent()).resolves.toMatch(/2 of 4 stories \(50 %\), 2 stories a minute; about a minute left\./);
      expect(await panel.getByRole('progressbar').getAttribute('value')).toBe('50');
      await panel.scrollIntoViewIfNeeded();
      await page.screenshot({ path: resultPath(`topic-job-desk-${device}.png`) });
      expect(await auditAccessibility(page)).toEqual([]);
      expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
      await context.close();
    }
  });
});
