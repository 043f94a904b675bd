/**
 * What every reliability scenario shares: a row of the table, a site folder with a staff member and a push source,
 * the built `dateline serve` as a child process, HTTP from a chosen loopback address, percentiles.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request, type Agent } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { addStaffWithCli, datelineEnv, startDatelineProcess, type DatelineProcess, type SiteEnv } from '../test/support/dateline-cluster.js';

export const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const log = (line: string) => process.stderr.write(`${line}\n`);
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One line of the table: a scenario, what was measured, the figure, and what it means. */
export interface Row {
  scenario: string;
  figure: string;
  value: string;
  note: string;
}

export interface ScenarioContext {
  quick: boolean;
  /** Server settings a deployment would set (the connection limits, the per-address cap): every server gets them. */
  serverEnv: Record<string, string>;
}

export type Scenario = (context: ScenarioContext) => Promise<Row[]>;

/** A site folder plus the settings that make every `dateline` process use it; extra keys reach the server's environment. */
export type Site = SiteEnv & Record<string, string>;

export const STAFF = { email: 'reliability@dateline.test', password: 'reliability editor password' };

/** Adds the editor and a push source through the CLI (as an operator would); returns the source's slug and bearer token. */
export function prepareSite(site: Site): { slug: string; token: string } {
  addStaffWithCli(site, STAFF.email, STAFF.password, 'editor');
  const run = spawnSync(process.execPath, [join(root, 'bin/dateline.js'), 'wire', 'source', 'add', '--name', 'Reliability Agency', '--kind', 'push', '--json'], {
    env: datelineEnv(site), encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`dateline wire source add failed (${run.status}): ${run.stderr}${run.stdout}`);
  const added = JSON.parse(run.stdout.trim().split('\n').pop()!) as { slug: string; pushToken: string };
  return { slug: added.slug, token: added.pushToken };
}

export function startServer(name: string, port: number, site: Site): Promise<DatelineProcess> {
  return startDatelineProcess(name, port, site);
}

/** SIGTERM, and SIGKILL after `graceMs` if the graceful close is still waiting for connections to end. */
export async function stopServer(server: DatelineProcess, graceMs = 5_000): Promise<void> {
  const timer = setTimeout(() => void server.stop('SIGKILL'), graceMs);
  await server.stop('SIGTERM');
  clearTimeout(timer);
}

const NINJS_TEMPLATE = JSON.parse(readFileSync(join(root, 'test/fixtures/wire/ninjs/2.1/ntb_text.json'), 'utf8')) as Record<string, unknown>;

/** A real agency item (NTB, ninjs 2.1) with its own id and headline. */
export function ninjsDocument(guid: string): string {
  return JSON.stringify({ ...NINJS_TEMPLATE, uri: `urn:reliability:${guid}`, version: '1', headlines: [{ role: 'main', value: `Reliability push ${guid} — خبر عاجل` }] });
}

export interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request from `localAddress` (127.0.0.x), with a deadline; rejects on timeout or a broken connection. */
export function httpRequest(url: string, options: { method?: string; headers?: Record<string, string>; body?: string | Buffer; localAddress?: string; timeoutMs?: number; agent?: Agent | false } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', headers: options.headers, localAddress: options.localAddress, agent: options.agent ?? false, timeout: options.timeoutMs ?? 10_000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', reject);
    req.end(options.body);
  });
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export const ms = (value: number) => (Number.isNaN(value) ? 'n/a' : `${value >= 100 ? Math.round(value) : value.toFixed(1)} ms`);
export const pct = (part: number, whole: number) => (whole === 0 ? 'n/a' : `${((100 * part) / whole).toFixed(1)} %`);

/** The open-file limit this process (and so its children) may use: slowloris and SSE need one per connection. */
export function openFileLimit(): { soft: string; hard: string } {
  const limit = (flag: string) => spawnSync('sh', ['-c', `ulimit ${flag}`], { encoding: 'utf8' }).stdout.trim();
  return { soft: limit('-Sn'), hard: limit('-Hn') };
}

function cookiesOf(res: Response): string {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/** Signs in through the login form; returns the session cookie and the CSRF token for forms the newsroom client does not cover (uploads). */
export async function staffCookie(origin: string): Promise<{ cookie: string; csrf: string }> {
  const form = await fetch(`${origin}/newsroom/login`);
  const login = await fetch(`${origin}/newsroom/login`, {
    method: 'POST', redirect: 'manual', headers: { cookie: cookiesOf(form), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email: STAFF.email, password: STAFF.password, _csrf: csrfOf(await form.text()) }),
  });
  if (login.status !== 303) throw new Error(`sign-in failed: ${login.status}`);
  const cookie = cookiesOf(login).split('; ').filter((c) => c.startsWith('dl_session=')).join('; ');
  return { cookie, csrf: csrfOf(await (await fetch(`${origin}/newsroom`, { headers: { cookie } })).text()) };
}
