/**
 * The wire desk in a real browser: an item an agency pushes appears in the open queue without a reload,
 * and "Use" turns it into a draft that carries its provenance.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchBrowser, problemsOf, resultPath, startLiveSite, watchPage, type LiveSite } from './browser-support.js';

const EDITOR = { email: 'wire.editor@news.test', name: 'Wendy Wire', role: 'editor' as const, password: 'wire desk password' };
const HEADLINE = 'Earthquake of magnitude 6.1 strikes off the coast';

let live: LiveSite;
let browser: Browser;
let token = '';

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

describe('wire desk in a browser', () => {
  it('shows a pushed item in the open queue without a reload, and uses it as a draft with provenance', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = watchPage(page, live.origin);
    await page.goto(`${live.origin}/newsroom/login`);
    await page.getByLabel('Email').fill(EDITOR.email);
    await page.getByLabel('Password').fill(EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${live.origin}/newsroom`);
    await page.getByRole('link', { name: 'Wire', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Wire' }).waitFor();
    expect(await page.getByText(HEADLINE).count()).toBe(0);

    // The agency pushes while the page is open.
    const pushed = await fetch(`${live.origin}/wire/push/quake-agency`, {
      method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        uri: 'urn:quake:2025-1', version: '1', type: 'text', headline: HEADLINE, located: 'Tokyo', by: 'Quake Desk',
        body_html: '<p>An earthquake of magnitude 6.1 struck off the coast on Friday, the meteorological agency said.</p><p>No tsunami warning was issued.</p>',
      }),
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
});
