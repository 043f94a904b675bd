/** Helpers for the browser tests: a Dateline listening on a real socket, a headless Chromium, page watchers. */
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type axe from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { freePort } from '../support/free-port.js';
export { freePort };

/** The Debian Chromium; the tests never download a browser. */
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/** Git-ignored folder for screenshots, at the repository root. */
export const RESULTS_DIR = fileURLToPath(new URL('../../test-results/', import.meta.url));

export function resultPath(name: string): string {
  mkdirSync(RESULTS_DIR, { recursive: true });
  return `${RESULTS_DIR}${name}`;
}

/**
 * Signs in to the newsroom and waits until the desk has loaded: its icon is fetched after the load event, and leaving
 * before it arrives would abort it, which watchPage reports as a failed request.
 */
export async function signInToNewsroom(page: Page, origin: string, user: { email: string; password: string }): Promise<void> {
  await page.goto(`${origin}/newsroom/login`);
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL(`${origin}/newsroom`);
  await page.waitForLoadState('networkidle');
}

/** A screenshot of the viewport into test-results/ (and a copy into SHOTS_DIR when set, to look at by hand). */
export async function screenshot(page: Page, name: string): Promise<void> {
  const path = resultPath(`${name}.png`);
  await page.screenshot({ path, fullPage: false });
  const extra = process.env['SHOTS_DIR'];
  if (extra) {
    mkdirSync(extra, { recursive: true });
    copyFileSync(path, join(extra, `${name}.png`));
  }
}

export interface LiveSite {
  site: TestSite;
  /** e.g. http://127.0.0.1:41234, which is also the site's configured siteUrl. */
  origin: string;
  close(): Promise<void>;
}

/**
 * The demo capture (six stories) served over HTTP, captured "now" so relative times tick in the browser;
 * with `arabic`, the demo Arabic edition at /ar/ as well (its newest story a little under an hour old).
 */
export async function startLiveSite(options: { newsroom?: boolean; arabic?: boolean } = {}): Promise<LiveSite> {
  // Another process may grab the port between freePort() and listen(): try a few ports before giving up.
  let lastError: unknown;
  for (let attempt = 0; attempt < 5; attempt++) {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const site = await createTestSite({ realClock: true, capturedAt: new Date(), siteUrl: origin, newsroom: options.newsroom ?? false, arabic: options.arabic ?? false });
    try {
      await site.app.listen({ port, host: '127.0.0.1' });
      return { site, origin, close: () => site.close() };
    } catch (err) {
      lastError = err;
      await site.close();
    }
  }
  throw lastError;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

export interface PageProblems {
  consoleErrors: string[];
  pageErrors: string[];
  failedRequests: string[];
  /** Requests to any origin other than the test server (data: and about: URLs are fine). */
  foreignRequests: string[];
  /** Every URL the page requested, in order. */
  requests: string[];
  /** Known problems left out of the checks above (see watchPage). */
  ignored: string[];
}

/** Records what went wrong on a page: console errors, uncaught exceptions, failed or 4xx/5xx requests, foreign requests. */
export function watchPage(page: Page, origin: string): PageProblems {
  const problems: PageProblems = { consoleErrors: [], pageErrors: [], failedRequests: [], foreignRequests: [], requests: [], ignored: [] };
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = `${message.text()} @ ${message.location().url}`;
    // Chromium asks every page for /favicon.ico on its own; the site has none yet, so that 404 is reported
    // as a known gap rather than as an error of the page under test.
    if (message.location().url === `${origin}/favicon.ico`) problems.ignored.push(text);
    else problems.consoleErrors.push(text);
  });
  page.on('pageerror', (error) => problems.pageErrors.push(error.message));
  page.on('request', (request) => {
    const url = request.url();
    problems.requests.push(url);
    if (!/^(data|about|blob):/.test(url) && new URL(url).origin !== origin) problems.foreignRequests.push(url);
  });
  page.on('requestfailed', (request) => {
    const text = `${request.url()}: ${request.failure()?.errorText ?? 'failed'}`;
    // The live-updates stream never ends by itself: leaving the page aborts it, as it should. A static asset still
    // loading (an icon, a font) is aborted the same way when the test moves on; a missing or refused one fails otherwise.
    const aborted = request.failure()?.errorText === 'net::ERR_ABORTED';
    if (aborted && (request.url() === `${origin}/live` || request.url().startsWith(`${origin}/assets/`))) problems.ignored.push(text);
    else problems.failedRequests.push(text);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.failedRequests.push(`${response.url()}: HTTP ${response.status()}`);
  });
  return problems;
}

/** Everything that should be empty on a healthy page, in one object so a failure shows all of it. */
export function problemsOf(problems: PageProblems): Omit<PageProblems, 'requests' | 'ignored'> {
  const { requests: _requests, ignored: _ignored, ...rest } = problems;
  return rest;
}

/** Seconds shown by a relative update time: "7 sec ago" → 7, "1 min 3 sec ago" → 63; null for a calendar date. */
export function shownSeconds(text: string): number | null {
  const match = /^(?:(\d+) min )?(\d+) sec ago$/.exec(text.trim());
  return match ? Number(match[1] ?? 0) * 60 + Number(match[2]) : null;
}

/** axe-core's browser build, read once: evaluated in the page rather than added as a script tag, which the site's CSP refuses. */
let axeSource: string | null = null;

/** What axe-core finds wrong with the page as it stands (every rule it runs by default), each with its impact. */
export async function auditAccessibility(page: Page): Promise<axe.Result[]> {
  axeSource ??= readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource);
  return page.evaluate(async () => (await (window as unknown as { axe: typeof axe }).axe.run(document, { resultTypes: ['violations'] })).violations);
}
