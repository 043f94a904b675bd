/**
 * Newsletters and "Send alert" in a real browser, as an editor: create a newsletter, pick an Arabic and an emoji/CJK
 * story with the picker, write an intro, see the e-mail in the preview iframe, schedule it, send it now to the opted-in
 * readers and see the counts; then preview a story's alert with its audience counts, send it, and see a second send
 * refused unless "Send again" is ticked. Every page: no console errors, nothing serious for axe, no sideways scroll on
 * a phone, screenshots at phone and desktop sizes in test-results/ (and SHOTS_DIR when set).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { storyWithTopics } from '../support/alert-site.js';
import { auditAccessibility, launchBrowser, problemsOf, resultPath, screenshot, signInToNewsroom, startLiveSite, watchPage, type LiveSite, type PageProblems } from './browser-support.js';

const EDITOR = { email: 'mail.editor@news.test', name: 'Mona Mailer', role: 'editor' as const, password: 'newsletter desk password' };
const ARABIC_HEADLINE = 'قمة الخليج تبدأ في الدوحة وسط آمال بالتهدئة';
const CJK_HEADLINE = 'Cherry blossom 🌸 東京で桜が満開 draws record crowds';
const ALERT_HEADLINE = 'Quake <b>hits</b> “coast” — زلزال يضرب الساحل 🌊';
const SUBJECT = 'Morning briefing — موجز الصباح 🌅 朝のニュース';
const INTRO_1 = 'Good morning. Two stories worth your coffee today: Доброе утро!';
const INTRO_2 = 'صباح الخير — and see you tomorrow 👋';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };
const OPTED_IN = 4;

let live: LiveSite;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: PageProblems;
let alertStory: { id: string; headline: string };
const axeFindings: string[] = [];
const phoneOverflow: string[] = [];

const url = (path: string) => `${live.origin}${path}`;
const clean = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  [live, browser] = await Promise.all([startLiveSite({ newsroom: true, arabic: true }), launchBrowser()]);
  const site = live.site;
  await site.newsroom!.auth.addUser(EDITOR);
  alertStory = await storyWithTopics(site);
  await site.storage.db.updateTable('articles').set({ headline: ALERT_HEADLINE }).where('id', '=', alertStory.id).execute();
  const others = await site.storage.db.selectFrom('articles').select('id').where('status', '=', 'published').where('edition_id', '=', 'en')
    .where('id', '!=', alertStory.id).orderBy('id').limit(2).execute();
  expect(others).toHaveLength(2);
  await site.storage.db.updateTable('articles').set({ headline: ARABIC_HEADLINE }).where('id', '=', others[0]!.id).execute();
  await site.storage.db.updateTable('articles').set({ headline: CJK_HEADLINE }).where('id', '=', others[1]!.id).execute();

  const at = new Date().toISOString();
  const readers = [
    ...Array.from({ length: OPTED_IN }, (_, i) => ({ id: `nl-in-${i}`, email: `in${i}@mail.test`, edition_id: 'en', created_at: at, newsletters: 1 })),
    { id: 'nl-out', email: 'out@mail.test', edition_id: 'en', created_at: at, newsletters: 0 },
    { id: 'nl-ar', email: 'ar@mail.test', edition_id: 'ar', created_at: at, newsletters: 1 },
    { id: 'alert-mail', email: 'alerts@mail.test', edition_id: 'en', created_at: at, newsletters: 0, alert_email: 1 },
  ];
  for (const reader of readers) await site.storage.readerDb.insertInto('readers').values(reader).execute();
  await site.storage.readerDb.insertInto('push_subscriptions').values({
    id: 'push-1', endpoint: 'https://push.example/abc', p256dh: 'BP'.padEnd(87, 'A'), auth: 'A'.repeat(22), reader_id: null,
    edition_id: 'en', breaking: 1, created_at: at, updated_at: at,
  }).execute();

  context = await browser.newContext({ viewport: DESKTOP });
  page = await context.newPage();
  problems = watchPage(page, live.origin);
  await signInToNewsroom(page, live.origin, EDITOR);
}, 60_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await live?.close();
});

/** axe on the page as it stands, then screenshots at desktop and phone size (and a full phone page), and the phone's sideways scroll. */
async function look(name: string): Promise<void> {
  for (const v of await auditAccessibility(page)) {
    if (v.impact === 'serious' || v.impact === 'critical') axeFindings.push(`${name} ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }
  await screenshot(page, `mailings-${name}-desktop`);
  await page.setViewportSize(PHONE);
  await screenshot(page, `mailings-${name}-phone`);
  await page.screenshot({ path: resultPath(`mailings-${name}-phone-full.png`), fullPage: true });
  const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  if (widths.scroll > widths.client) phoneOverflow.push(`${name}: ${widths.scroll} > ${widths.client}`);
  await page.setViewportSize(DESKTOP);
}

describe('newsletters and alerts in the newsroom', () => {
  let newsletterPath = '';

  it('creates a newsletter, picks an Arabic and an emoji/CJK story, writes the intro and sees the e-mail in the preview', async () => {
    await page.getByRole('link', { name: 'Newsletters' }).click();
    await page.waitForURL(url('/newsroom/newsletters'));
    await page.getByRole('heading', { level: 1, name: 'Newsletters' }).waitFor();
    expect(clean(await page.locator('main').textContent())).toContain('No newsletter yet.');
    await look('list-empty');

    await page.getByLabel('Edition').selectOption('en');
    await page.getByRole('button', { name: 'New newsletter' }).click();
    await page.waitForURL(/\/newsroom\/newsletters\/[\w-]+$/);
    newsletterPath = new URL(page.url()).pathname;
    expect(clean(await page.locator('h1').textContent())).toMatch(/^Newsletter \(.+ · Draft\)$/);

    await page.getByLabel('Subject').fill(SUBJECT);
    await page.getByLabel('Intro').fill(`${INTRO_1}\n\n${INTRO_2}`);
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(url(newsletterPath));
    expect(await page.getByLabel('Subject').inputValue()).toBe(SUBJECT);

    for (const [query, headline] of [['الدوحة', ARABIC_HEADLINE], ['東京', CJK_HEADLINE]] as const) {
      await page.getByLabel('Find published stories by headline').fill(query);
      await page.getByRole('button', { name: 'Find', exact: true }).click();
      await page.waitForURL((u) => u.searchParams.get('q') === query);
      const add = page.getByRole('button', { name: `Add ${headline}` });
      await add.waitFor();
      if (query === 'الدوحة') {
        await page.frameLocator('iframe.nr-newsletter-preview').locator('body').getByText(INTRO_1).waitFor();
        await look('compose-search-arabic');
      }
      await add.click();
      await page.waitForURL((u) => u.pathname === newsletterPath && u.searchParams.get('q') === query);
      await page.locator('.nr-newsletter-stories li', { hasText: headline }).waitFor();
    }
    // The last search's only match is now in the newsletter: the hint says so rather than "nothing matches".
    expect(clean(await page.locator('fieldset', { hasText: 'Stories' }).locator('p.field-hint').last().textContent())).toBe('Every published story matching “東京” is already in this newsletter.');
    const chosen = await page.locator('.nr-newsletter-stories li > span').allTextContents();
    expect(chosen).toEqual([ARABIC_HEADLINE, CJK_HEADLINE]);
    // What was typed before picking is still there: picking saves the form it is part of.
    expect(await page.getByLabel('Subject').inputValue()).toBe(SUBJECT);
    expect(await page.getByLabel('Intro').inputValue()).toBe(`${INTRO_1}\n\n${INTRO_2}`);

    await page.getByRole('button', { name: `Move up ${CJK_HEADLINE}` }).click();
    await page.waitForURL((u) => u.pathname === newsletterPath);
    expect(await page.locator('.nr-newsletter-stories li > span').allTextContents()).toEqual([CJK_HEADLINE, ARABIC_HEADLINE]);

    const preview = page.frameLocator('iframe.nr-newsletter-preview');
    await preview.locator('body').getByText(INTRO_1).waitFor();
    const mail = clean(await preview.locator('body').textContent());
    for (const text of [INTRO_1, INTRO_2, ARABIC_HEADLINE, CJK_HEADLINE]) expect(mail).toContain(text);
    expect(mail.indexOf(CJK_HEADLINE)).toBeLessThan(mail.indexOf(ARABIC_HEADLINE));
    await page.locator('iframe.nr-newsletter-preview').scrollIntoViewIfNeeded();
    await look('compose-preview');
  });

  it('schedules the newsletter, then sends it now to the opted-in readers and shows the counts', async () => {
    await page.goto(url(newsletterPath));
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 16);
    await page.getByLabel(/^Send at/).fill(tomorrow);
    await page.getByRole('button', { name: 'Schedule', exact: true }).click();
    await page.waitForURL(url(newsletterPath));
    expect(clean(await page.locator('h1').textContent())).toMatch(/· Scheduled\)$/);
    await page.getByRole('button', { name: 'Back to draft' }).waitFor();

    await page.getByRole('link', { name: 'All newsletters' }).click();
    await page.waitForURL(url('/newsroom/newsletters'));
    const row = page.locator('.nr-table tbody tr', { hasText: SUBJECT });
    expect(clean(await row.locator('td').nth(2).textContent())).toBe('Scheduled');
    expect(clean(await row.locator('td').nth(3).textContent())).not.toBe('');
    await look('list-scheduled');

    await row.getByRole('link', { name: SUBJECT }).click();
    await page.waitForURL(url(newsletterPath));
    await page.getByRole('link', { name: 'Send now…' }).click();
    await page.waitForURL(url(`${newsletterPath}/send`));
    expect(clean(await page.locator('main').textContent())).toContain(`“${SUBJECT}” goes to every subscriber of the`);
    expect(clean(await page.locator('main').textContent())).toContain('with 2 stories. It cannot be recalled.');
    await look('send-confirm');

    await page.getByRole('button', { name: 'Send now' }).click();
    await page.waitForURL(url(newsletterPath));
    expect(clean(await page.locator('h1').textContent())).toBe(SUBJECT);
    expect(clean(await page.locator('main').textContent())).toContain(`Sent · `);
    expect(clean(await page.locator('main').textContent())).toContain(`· ${OPTED_IN} readers`);
    const cells = (await page.locator('.nr-table tbody td').allTextContents()).map(clean);
    // Queued, sent, failed, unsubscribed, waiting: the outbox has not run, so all four wait.
    expect(Number(cells[0]) + Number(cells[1])).toBe(OPTED_IN);
    expect(cells[2]).toBe('0');
    // On a phone the column headings are hidden: each number carries its own label.
    await page.setViewportSize(PHONE);
    const labels = await page.locator('.nr-table tbody td').evaluateAll((tds) => tds.map((td) => getComputedStyle(td, '::before').content));
    expect(labels).toEqual(['"Queued "', '"Sent "', '"Failed "', '"Unsubscribed "', '"Waiting "']);
    await page.setViewportSize(DESKTOP);
    await look('sent-counts');
  });

  it('previews a story’s alert with its audience counts, sends it once and refuses a second send without “Send again”', async () => {
    await page.goto(url(`/newsroom/stories/${alertStory.id}/edit`));
    await page.getByRole('link', { name: 'Send alert' }).click();
    await page.waitForURL(url(`/newsroom/stories/${alertStory.id}/alert`));
    const card = page.locator('.nr-alert-card');
    expect(clean(await card.locator('.nr-alert-title').textContent())).toBe(ALERT_HEADLINE);
    expect(clean(await page.getByLabel(/Everyone who allowed breaking news/).locator('xpath=..').textContent())).toContain('(1 browser, 1 by e-mail)');
    expect(clean(await page.locator('main').textContent())).toContain('No alert has been sent for this story.');
    await look('alert-preview');

    await page.getByLabel(/Everyone who allowed breaking news/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('Send this alert now to everyone who allowed breaking news (1 browser, 1 by e-mail)?').waitFor();
    await look('alert-confirm');
    await page.getByRole('button', { name: 'Send now' }).click();
    await page.waitForURL(url(`/newsroom/stories/${alertStory.id}/alert?sent=1`));
    expect(clean(await page.locator('.flash').first().textContent())).toBe('Alert round 1 is on its way.');
    const round = page.locator('table.nr-table tbody tr');
    expect(await round.count()).toBe(1);
    expect(clean(await round.locator('td').nth(3).textContent())).toBe('2');
    await page.getByLabel(/Send again: this story has had an alert; this would be round 2/).waitFor();
    await look('alert-sent');

    // Again, without ticking "Send again": the confirmation is shown, but the send is refused and nothing is queued.
    await page.getByLabel(/Everyone who allowed breaking news/).check();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByRole('button', { name: 'Send now' }).waitFor();
    const refusal = page.waitForResponse((r) => r.request().method() === 'POST' && r.url() === url(`/newsroom/stories/${alertStory.id}/alert`));
    await page.getByRole('button', { name: 'Send now' }).click();
    const refused = await refusal;
    expect(refused.status()).toBe(409);
    await page.getByRole('heading', { level: 1, name: 'Send an alert' }).waitFor();
    expect(clean(await page.locator('main [role="alert"]').first().textContent())).not.toBe('');
    expect(await page.locator('table.nr-table tbody tr').count()).toBe(1);
    await look('alert-refused');
    const rounds = await live.site.storage.db.selectFrom('alerts').select('round').where('article_id', '=', alertStory.id).execute();
    expect(rounds.map((r) => r.round)).toEqual([1]);
  });

  it('saw no console error, failed request or foreign request, nothing serious for axe, and no sideways scroll on a phone', () => {
    // The refused second alert answers 409 on purpose (the page names the problem): that one response is expected.
    const expected = `${url(`/newsroom/stories/${alertStory.id}/alert`)}: HTTP 409`;
    const found = problemsOf(problems);
    expect(found.failedRequests.filter((r) => r === expected)).toHaveLength(1);
    // Chromium also logs that response in the console, as it does every 4xx.
    const logged = (e: string) => e.startsWith('Failed to load resource: the server responded with a status of 409') && e.endsWith(`@ ${url(`/newsroom/stories/${alertStory.id}/alert`)}`);
    expect(found.consoleErrors.filter(logged)).toHaveLength(1);
    expect({ ...found, failedRequests: found.failedRequests.filter((r) => r !== expected), consoleErrors: found.consoleErrors.filter((e) => !logged(e)) })
      .toEqual({ consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [] });
    expect(axeFindings).toEqual([]);
    expect(phoneOverflow).toEqual([]);
  });
});
