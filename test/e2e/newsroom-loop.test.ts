/**
 * The newsroom's acceptance loop in a real browser: a reporter writes a story with a lead photo and submits it,
 * an editor publishes it from the desk, a reader finds it, the editor publishes an update and the reader sees
 * the badge, the note and "What changed". Separate browser contexts per person; no fixed sleeps.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { launchBrowser, problemsOf, resultPath, signInToNewsroom, startLiveSite, watchPage, type LiveSite, type PageProblems } from './browser-support.js';

const HEADLINE = 'Harbour bridge reopens to traffic after three weeks of storm repairs';
const HIGHLIGHTS = ['Engineers replaced two damaged cable anchors', 'Buses return to the bridge from Monday'];
const FIRST_PARAGRAPH = 'The harbour bridge reopened on Friday after three weeks of repairs.';
const OLD_SENTENCE = 'About 40,000 vehicles cross it every day.';
const NEW_SENTENCE = 'About 52,000 vehicles cross it every day, the port authority said.';
const UPDATE_NOTE = 'This story was updated with new traffic figures from the port authority.';
const REPORTER = { email: 'reporter@dateline.test', name: 'Rita Reporter', role: 'reporter' as const, password: 'reporter-password-1' };
const EDITOR = { email: 'editor@dateline.test', name: 'Eddie Editor', role: 'editor' as const, password: 'editor-password-12' };

let live: LiveSite;
let browser: Browser;
let photoDir: string;
let photoPath: string;
const watched: { name: string; problems: PageProblems }[] = [];

/** A real 1600×1000 JPEG: a colour gradient with noise, so the encoder has something to do. */
async function writeTestPhoto(path: string): Promise<void> {
  const width = 1600;
  const height = 1000;
  const pixels = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = (y * width + x) * 3;
      const noise = ((x * 7919 + y * 104_729) % 37) - 18;
      pixels[i] = Math.max(0, Math.min(255, Math.round((x / width) * 255) + noise));
      pixels[i + 1] = Math.max(0, Math.min(255, Math.round((y / height) * 200) + noise));
      pixels[i + 2] = Math.max(0, Math.min(255, 160 - noise));
    }
  }
  await sharp(pixels, { raw: { width, height, channels: 3 } }).jpeg({ quality: 85 }).toFile(path);
}

beforeAll(async () => {
  photoDir = mkdtempSync(join(tmpdir(), 'dateline-photo-'));
  photoPath = join(photoDir, 'harbour-bridge.jpg');
  [live, browser] = await Promise.all([startLiveSite({ newsroom: true }), launchBrowser(), writeTestPhoto(photoPath)]);
  await live.site.newsroom!.auth.addUser(REPORTER);
  await live.site.newsroom!.auth.addUser(EDITOR);
});

afterAll(async () => {
  await browser?.close();
  await live?.close();
  if (photoDir) rmSync(photoDir, { recursive: true, force: true });
});

const url = (path: string) => `${live.origin}${path}`;

/** One person's browser profile with one watched page. */
async function openPerson(name: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  watched.push({ name, problems: watchPage(page, live.origin) });
  return { context, page };
}

async function signIn(page: Page, user: { email: string; password: string }): Promise<void> {
  await signInToNewsroom(page, live.origin, user);
  await page.getByRole('heading', { level: 1, name: 'Desk' }).waitFor();
}

/** Selects `text` inside `scope` the way a mouse drag would: ProseMirror follows the DOM selection. */
async function selectText(scope: Locator, text: string): Promise<void> {
  await scope.evaluate((root, wanted) => {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in one text node`);
  }, text);
  // ProseMirror reads the DOM selection on selectionchange: wait until it has the range as its own.
  await scope.page().waitForFunction((wanted) => window.getSelection()?.toString() === wanted, text);
}

const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

describe('newsroom loop in a browser', () => {
  it('a reporter writes, an editor publishes and updates, a reader sees the update and what changed', async () => {
    // 1. The reporter writes the story.
    const reporter = await openPerson('reporter');
    await signIn(reporter.page, REPORTER);
    const rp = reporter.page;
    await rp.getByRole('link', { name: 'New story' }).click();
    await rp.getByLabel('Headline').fill(HEADLINE);
    await rp.getByLabel('Section').selectOption({ index: 0 });
    await rp.getByRole('button', { name: 'Create draft' }).click();
    await rp.waitForURL(/\/newsroom\/stories\/[\w-]+\/edit\?done=created$/);
    const editPath = new URL(rp.url()).pathname;
    expect(clean(await rp.locator('.flash').textContent())).toBe('Story created.');
    expect(await rp.getByLabel('Headline').inputValue()).toBe(HEADLINE);

    await rp.getByLabel('Highlights').fill(HIGHLIGHTS.join('\n'));
    await rp.getByLabel('Dateline').fill('OSLO');
    await rp.getByLabel('Topics', { exact: true }).fill('Harbour bridge, Port authority');
    await rp.getByLabel('Byline').fill(REPORTER.name);

    const prose = rp.locator('#body-editor .ProseMirror');
    await prose.waitFor();
    expect(await prose.getAttribute('contenteditable')).toBe('true');
    await prose.click();
    await rp.keyboard.type(FIRST_PARAGRAPH);
    await rp.keyboard.press('Enter');
    await rp.keyboard.type(`Traffic will be `);
    await rp.keyboard.press('Control+B');
    await rp.keyboard.type('limited');
    await rp.keyboard.press('Control+B');
    await rp.keyboard.type(` at night. ${OLD_SENTENCE}`);
    await expect.poll(() => prose.locator('p').allTextContents()).toEqual([FIRST_PARAGRAPH, `Traffic will be limited at night. ${OLD_SENTENCE}`]);
    expect(await prose.locator('strong').allTextContents()).toEqual(['limited']);

    // The lead photo: uploaded through the picker, with caption, credit and alt text.
    await rp.locator('button[data-pick-lead-photo]').click();
    const picker = rp.locator('dialog.media-picker');
    await picker.waitFor();
    await picker.locator('input[type="file"]').setInputFiles(photoPath);
    await picker.getByLabel('Caption').fill('The harbour bridge at dusk on Friday');
    await picker.getByLabel('Credit').fill('Dateline/Ana Photo');
    await picker.getByLabel('Alt text (describe the photo)').fill('Cars cross a suspension bridge over a harbour');
    await picker.getByRole('button', { name: 'Upload and choose' }).click();
    await picker.waitFor({ state: 'hidden' });
    const preview = rp.locator('img.lead-photo-preview');
    await preview.waitFor();
    await rp.waitForFunction(() => {
      const img = document.querySelector<HTMLImageElement>('img.lead-photo-preview');
      return img !== null && img.complete && img.naturalWidth > 0;
    });
    expect(await rp.locator('input[name="lead_media_id"]').inputValue()).not.toBe('');
    expect(await rp.locator('#lead_caption').inputValue()).toBe('The harbour bridge at dusk on Friday');
    expect(await rp.locator('#lead_credit').inputValue()).toBe('Dateline/Ana Photo');
    expect(await rp.locator('#lead_alt').inputValue()).toBe('Cars cross a suspension bridge over a harbour');

    // Keyboard: Ctrl+S saves at once. A last edit first, so there is something unsaved to save.
    const saveStatus = rp.locator('.save-status');
    await rp.getByLabel('Dateline').fill('OSLO, Norway');
    await expect.poll(() => saveStatus.textContent()).toBe('Unsaved changes');
    const saved = rp.waitForResponse((r) => r.url() === url(`${editPath.replace(/\/edit$/, '')}/autosave`) && r.request().method() === 'POST');
    await rp.keyboard.press('Control+S');
    expect((await saved).status()).toBe(200);
    await expect.poll(() => saveStatus.textContent()).toMatch(/^Saved at \d\d:\d\d$/);
    // From the top, so the sticky workflow sidebar sits beside the form's start (filling the fields scrolled the page).
    await rp.evaluate(() => window.scrollTo(0, 0));
    await rp.waitForFunction(() => window.scrollY === 0);
    await rp.screenshot({ path: resultPath('newsroom-editor.png'), fullPage: true });

    // What was saved is what the server now has: a fresh editor page shows it.
    await rp.reload();
    await prose.waitFor();
    expect(await rp.getByLabel('Highlights').inputValue()).toBe(HIGHLIGHTS.join('\n'));
    expect(await rp.getByLabel('Dateline').inputValue()).toBe('OSLO, NORWAY'); // datelines are kept in capitals
    expect(await rp.getByLabel('Topics', { exact: true }).inputValue()).toBe('Harbour bridge, Port authority');
    expect(await prose.locator('strong').allTextContents()).toEqual(['limited']);
    expect(await rp.locator('input[name="lead_media_id"]').inputValue()).not.toBe('');
    expect(await rp.locator('.save-status').textContent()).toBe(''); // no leftover local draft offered

    await rp.getByRole('button', { name: 'Submit for review' }).click();
    await rp.waitForURL(url(`${editPath}?done=submit`));
    expect(clean(await rp.locator('.flash').textContent())).toBe('Submitted for review.');
    expect(await rp.locator('.status-badge').textContent()).toBe('In review');
    expect(await rp.getByRole('button', { name: 'Publish' }).count()).toBe(0); // reporters cannot publish

    // 2. The editor finds it in review on the desk and publishes it.
    const editor = await openPerson('editor');
    await signIn(editor.page, EDITOR);
    const ep = editor.page;
    const inReview = ep.getByRole('region', { name: 'In review' });
    await inReview.getByRole('link', { name: HEADLINE }).waitFor();
    expect(await inReview.locator('tbody tr').filter({ hasText: HEADLINE }).locator('td').nth(3).textContent()).toBe(REPORTER.name);
    await ep.screenshot({ path: resultPath('newsroom-desk.png'), fullPage: true });
    await inReview.getByRole('link', { name: HEADLINE }).click();
    await ep.waitForURL(url(editPath));
    await ep.locator('#body-editor .ProseMirror').waitFor();
    await ep.getByRole('button', { name: 'Publish', exact: true }).click();
    await ep.waitForURL(url(`${editPath}?done=publish`));
    expect(clean(await ep.locator('.flash').textContent())).toBe('Published.');
    const liveHref = await ep.getByRole('link', { name: 'View live' }).getAttribute('href');
    expect(liveHref).toMatch(/^\/article\/harbour-bridge-reopens/);

    // 3. A reader finds it on the home page and opens it.
    const reader = await openPerson('reader');
    const dp = reader.page;
    await dp.goto(url('/'));
    const homeLink = dp.getByRole('link', { name: HEADLINE, exact: true }).first();
    await homeLink.waitFor();
    await homeLink.click();
    await dp.waitForURL(url(liveHref!));
    const story = dp.locator('article.story').first();
    expect(clean(await dp.locator('h1').textContent())).toBe(HEADLINE);
    expect(await story.locator('.update-badge').count()).toBe(0);
    const picture = story.locator('figure.lead picture');
    expect(await picture.locator('source[type="image/webp"]').getAttribute('srcset')).toMatch(/^\/media\/\S+\.webp \d+w(, \/media\/\S+\.webp \d+w)*$/);
    const img = picture.locator('img');
    expect(await img.getAttribute('width')).toBe('1600');
    expect(await img.getAttribute('height')).toBe('1000');
    expect(await img.getAttribute('alt')).toBe('Cars cross a suspension bridge over a harbour');
    await dp.waitForFunction(() => {
      const el = document.querySelector<HTMLImageElement>('figure.lead picture img');
      return el !== null && el.complete && el.naturalWidth > 0 && el.currentSrc.endsWith('.webp');
    });
    expect(clean(await story.locator('figure.lead figcaption').textContent())).toBe('The harbour bridge at dusk on Friday (Dateline/Ana Photo)');
    expect(await story.getByRole('list', { name: 'Highlights' }).locator('li').allTextContents()).toEqual(HIGHLIGHTS);
    expect(await story.locator('.story-body p').first().locator('.dateline').textContent()).toBe('OSLO, NORWAY:');
    expect(await story.locator('.story-body strong').allTextContents()).toEqual(['limited']);
    const firstTime = await story.locator('.story-time time').getAttribute('datetime');

    // 4. The editor publishes an update: one sentence changed, with a note.
    const body = ep.locator('#body-editor .ProseMirror');
    await body.click();
    await selectText(body, OLD_SENTENCE);
    await ep.keyboard.type(NEW_SENTENCE);
    await expect.poll(() => body.locator('p').nth(1).textContent()).toBe(`Traffic will be limited at night. ${NEW_SENTENCE}`);
    await ep.getByLabel('Update or correction note').fill(UPDATE_NOTE);
    await ep.getByRole('button', { name: 'Publish update' }).click();
    await ep.waitForURL(url(`${editPath}?done=update`));
    expect(clean(await ep.locator('.flash').textContent())).toBe('Update published.');

    // 5. The reader reloads: badge, new time, note, and what changed.
    await dp.reload();
    await story.locator('h1 .update-badge').waitFor();
    expect(await story.locator('h1 .update-badge').textContent()).toBe('Update');
    const updatedTime = await story.locator('.story-time time').getAttribute('datetime');
    expect(Date.parse(updatedTime!)).toBeGreaterThan(Date.parse(firstTime!));
    expect(clean(await story.locator('.story-time').textContent())).toMatch(/^Updated /);
    expect(clean(await story.locator('.update-note').textContent())).toBe(`Update: ${UPDATE_NOTE}`);
    expect(clean(await story.locator('.story-body').textContent())).toContain(NEW_SENTENCE);
    await dp.screenshot({ path: resultPath('newsroom-article-updated.png'), fullPage: true });

    await story.locator('.what-changed a').click();
    await dp.waitForURL(url(`${liveHref!}/changes`));
    const change = dp.locator('section.change').first();
    await change.waitFor();
    expect(clean(await change.locator('.update-note').textContent())).toBe(UPDATE_NOTE);
    expect(clean(await change.locator('h2').textContent())).toMatch(/^Updated (\d+ min )?\d+ sec ago$/);
    expect(clean(await dp.locator('.changes-page > p.field-hint').textContent())).toMatch(/^First published (\d+ min )?\d+ sec ago\.$/);
    // Only the body changed; "40,000" → "52,000" is a change of the number's first word ("000" stays).
    expect(await change.locator('section.diff').evaluateAll((sections) => sections.map((s) => s.getAttribute('aria-label')))).toEqual(['Story']);
    const storyDiff = change.getByRole('region', { name: 'Story' });
    expect((await storyDiff.locator('del').allTextContents()).map(clean)).toEqual(['40']);
    expect((await storyDiff.locator('ins').allTextContents()).map(clean)).toEqual(['52', ', the port authority said']);
    const diffText = clean(await storyDiff.locator('p').textContent());
    expect(diffText).toContain('Traffic will be limited at night. About ');
    expect(diffText).toContain(',000 vehicles cross it every day');
    await dp.screenshot({ path: resultPath('newsroom-what-changed.png'), fullPage: true });

    // No console errors (CSP violations included), uncaught exceptions, failed or foreign requests anywhere.
    expect(watched.map(({ name, problems }) => ({ name, ...problemsOf(problems) }))).toEqual(
      ['reporter', 'editor', 'reader'].map((name) => ({ name, consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] })),
    );
  });
});
