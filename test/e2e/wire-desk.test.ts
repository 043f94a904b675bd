/**
 * The wire desk in a real browser: an item an agency pushes appears in the open queue without a reload,
 * "Use" turns it into a draft that carries its provenance, and "Add to story" adds a later item's new paragraphs to it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditAccessibility, launchBrowser, problemsOf, resultPath, signInToNewsroom, startLiveSite, watchPage, type LiveSite } from './browser-support.js';

const EDITOR = { email: 'wire.editor@news.test', name: 'Wendy Wire', role: 'editor' as const, password: 'wire desk password' };
const HEADLINE = 'Earthquake of magnitude 6.1 strikes off the coast';

let live: LiveSite;
let browser: Browser;
let token = '';
/** Screenshots of the grouped desk at a laptop's and a phone's size, kept outside the repository for a person to look at. */
const SHOTS = join(tmpdir(), 'shots', 'wire-desk');

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveSite({ newsroom: true }), launchBrowser()]);
  await live.site.newsroom!.auth.addUser(EDITOR);
  const added = await live.site.wire!.sources.add({ name: 'Quake Agency', kind: 'push' });
  if (!added.ok) throw new Error('could not add the push source');
  token = added.value.pushToken!;
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
});

function signIn(page: Page): Promise<void> {
  return signInToNewsroom(page, live.origin, EDITOR);
}

function push(item: { uri: string; headline: string; paragraphs: string[] }, source = { slug: 'quake-agency', token: '' }): Promise<Response> {
  return fetch(`${live.origin}/wire/push/${source.slug}`, {
    method: 'POST', headers: { authorization: `Bearer ${source.token || token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ uri: item.uri, version: '1', type: 'text', headline: item.headline, located: 'Tokyo', by: 'Quake Desk', body_html: item.paragraphs.map((p) => `<p>${p}</p>`).join('') }),
  });
}

describe('wire desk in a browser', () => {
  it('shows a pushed item in the open queue without a reload, and uses it as a draft with provenance', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page, live.origin);
    await signIn(page);
    await page.getByRole('link', { name: 'Wire', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Wire' }).waitFor();
    expect(await page.getByText(HEADLINE).count()).toBe(0);

    // The agency pushes while the page is open.
    const pushed = await push({
      uri: 'urn:quake:2025-1', headline: HEADLINE,
      paragraphs: ['An earthquake of magnitude 6.1 struck off the coast on Friday, the meteorological agency said.', 'No tsunami warning was issued.'],
    });
    expect(pushed.status).toBe(202);
    const row = page.locator('table.wire-queue tr', { hasText: HEADLINE });
    await row.waitFor(); // arrives through the queue's live update: no reload
    await page.getByRole('status').filter({ hasText: 'new wire item' }).waitFor();
    await page.screenshot({ path: resultPath('wire-queue.png'), fullPage: true });

    await row.getByRole('link', { name: HEADLINE }).click();
    await page.getByRole('heading', { level: 1, name: HEADLINE }).waitFor();
    await page.getByRole('button', { name: 'Use: new draft' }).click();
    await page.waitForURL(/\/newsroom\/stories\/[\w-]+\/edit/);
    expect(await page.getByLabel('Headline').inputValue()).toBe(HEADLINE);
    expect(await page.getByLabel('Source').inputValue()).toBe('agency');
    expect(await page.getByLabel('Wire id').inputValue()).toBe('urn:quake:2025-1');
    expect(await page.getByLabel('Dateline').inputValue()).toBe('TOKYO');
    await page.locator('#body-editor .ProseMirror', { hasText: 'No tsunami warning was issued.' }).waitFor();
    await page.screenshot({ path: resultPath('wire-draft.png'), fullPage: true });

    // Back on the item: it says which story it became.
    await page.goto(`${live.origin}/newsroom/wire?status=used`);
    await page.locator('table.wire-queue tr', { hasText: HEADLINE }).getByRole('link', { name: HEADLINE }).click();
    await page.getByText('became').waitFor();
    expect(await page.locator('p.field-hint').first().textContent()).toContain('Quake Agency');
    expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    await context.close();
  });

  it('adds a later item\'s new paragraphs to the draft through the item page\'s "Add to story"', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page, live.origin);
    await signIn(page);
    const draft = (await live.site.storage.articles.list({ limit: 10, statuses: ['draft'] })).items.find((s) => s.headline === HEADLINE);
    expect(draft, 'the draft the first test made').toBeDefined();
    const later = 'Aftershocks of magnitude 4 were felt in the evening.';
    const pushed = await push({ uri: 'urn:quake:2025-2', headline: 'Quake: aftershocks felt', paragraphs: ['No tsunami warning was issued.', later] });
    expect(pushed.status).toBe(202);
    const [itemId] = ((await pushed.json()) as { itemIds: string[] }).itemIds;

    await page.goto(`${live.origin}/newsroom/wire/${itemId}`, { waitUntil: 'networkidle' });
    await page.getByLabel('Add as an update to story (address or id)').fill(draft!.id);
    await page.getByRole('button', { name: 'Add to story' }).click();
    await page.waitForURL(new RegExp(`/newsroom/stories/${draft!.id}/edit\\?done=save`));
    await page.locator('#body-editor .ProseMirror', { hasText: later }).waitFor();
    expect((await live.site.storage.articles.findState(draft!.id))!.fields.body.filter((b) => 'text' in b && b.text === 'No tsunami warning was issued.')).toHaveLength(1);
    expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    await context.close();
  });

  it('groups the desk by story: one row per cluster, each agency\'s copy behind a details, live, and a word diff between copies', async () => {
    mkdirSync(SHOTS, { recursive: true });
    const sources = [];
    for (const name of ['وكالة الأنباء', '共同通信']) {
      const added = await live.site.wire!.sources.add({ name, kind: 'push' });
      if (!added.ok) throw new Error(`could not add ${name}`);
      sources.push({ slug: added.value.source.slug, token: added.value.pushToken! });
    }
    const shared = [
      'Flood waters rose along the river overnight, forcing more than two thousand residents from their homes, the regional civil protection agency said on Sunday.',
      'Rescue teams used boats to reach villages cut off by the water, and the army sent helicopters to drop food and drinking water to stranded families.',
    ];
    const headline = 'فيضانات تجبر الآلاف على النزوح 🌊';
    expect((await push({ uri: 'urn:flood:ar', headline, paragraphs: shared }, sources[0])).status).toBe(202);
    expect((await push({ uri: 'urn:flood:jp', headline: '洪水で数千人が避難 🚁', paragraphs: [...shared, 'Forecasters expect more rain on Tuesday.'] }, sources[1])).status).toBe(202);

    for (const [width, height] of [[1366, 900], [390, 844]] as const) {
      const context = await browser.newContext({ viewport: { width, height } });
      const page = await context.newPage();
      const problems = watchPage(page, live.origin);
      await signIn(page);
      await page.goto(`${live.origin}/newsroom/wire`, { waitUntil: 'networkidle' });
      const row = page.locator('table.wire-queue tr', { hasText: '洪水で数千人が避難' });
      // The phone pass comes after a third agency joined the story in the laptop pass.
      await row.getByText(width === 1366 ? '2 agencies · 2 versions' : '3 agencies · 3 versions').click();
      await row.getByRole('link', { name: /وكالة الأنباء/ }).waitFor();
      if (width === 1366) {
        // A third agency's copy joins while the desk is open: the row moves up with its new count, its copies still open.
        expect((await push({ uri: 'urn:flood:quake', headline: 'Floods force thousands from homes', paragraphs: [...shared, 'The regional governor declared a state of emergency.'] })).status).toBe(202);
        await row.getByText('3 agencies · 3 versions').waitFor();
        expect(await row.locator('details').getAttribute('open')).toBe('');
        expect(await page.locator('table.wire-queue tr', { hasText: '洪水で数千人が避難' }).count()).toBe(1);
        expect(await auditAccessibility(page)).toEqual([]);
      }
      await page.screenshot({ path: join(SHOTS, `wire-desk-${width}x${height}.png`), fullPage: true });

      await row.getByRole('link', { name: 'what it adds' }).first().click();
      await page.getByRole('heading', { level: 1, name: /What .* adds/ }).waitFor();
      expect(await page.locator('.wire-compare ins, .wire-compare del').count()).toBeGreaterThan(0);
      await page.screenshot({ path: join(SHOTS, `wire-compare-${width}x${height}.png`), fullPage: true });
      expect(problemsOf(problems)).toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
      await context.close();
    }
  });
});
