/**
 * Real Dateline processes for the scale-out tests and the cross-process benchmark: `dateline serve` children on one
 * database and one Redis, Varnish in front of them (deploy/varnish/dateline.vcl with a round-robin director over
 * every process), the `dateline user add` command, and a newsroom client that speaks the editor's forms over HTTP.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { VARNISHD } from './varnish-installation.js';
import { waitUntil } from './wait-until.js';
import { freePort } from './free-port.js';
export { freePort };

const BIN = fileURLToPath(new URL('../../bin/dateline.js', import.meta.url));
const DIST_ENTRY = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));
const SOURCE_ENTRY = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));
const VCL = fileURLToPath(new URL('../../deploy/varnish/dateline.vcl', import.meta.url));
/** null when dist/ is built (the processes run the built CLI), else what is missing; Varnish is varnish-installation.ts's to check. */
export function distMissingReason(): string | null {
  return existsSync(DIST_ENTRY) ? null : 'dist/ is not built (npm run build)';
}

interface Child { process: ChildProcess; output: () => string }

function spawnCapturing(command: string, args: string[], env?: NodeJS.ProcessEnv): Child {
  const child = spawn(command, args, { env: env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const keep = (chunk: Buffer) => { output = (output + chunk.toString()).slice(-100_000); };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  return { process: child, output: () => output };
}

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

async function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (!isRunning(child)) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill(signal);
  await exited;
}

export interface DatelineProcess {
  name: string;
  port: number;
  origin: string;
  output(): string;
  isRunning(): boolean;
  /** SIGKILL is a crash (no goodbye to Redis or PostgreSQL); SIGTERM a clean stop. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Settings every process of one site shares; each process adds its own PORT and SITE_URL. */
export interface SiteEnv {
  DATABASE_URL: string;
  REDIS_URL?: string;
  REDIS_PREFIX?: string;
  EDGE_PURGE_URL?: string;
  DATA_DIR: string;
  MEDIA_DIR: string;
  LOG_LEVEL?: string;
}

/** The environment `dateline` commands get: this process's, minus anything that would point them elsewhere. */
export function datelineEnv(site: SiteEnv, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, HOST: '127.0.0.1', DEMO_CONTENT: 'off', LOG_LEVEL: 'warn', ...site, ...extra };
  for (const key of ['REDIS_URL', 'EDGE_PURGE_URL', 'EDGE_PURGE_WEBHOOK'] as const) if (!(key in site)) delete env[key];
  return env;
}

/** `dateline serve` on `port` (built, or with `fromSource` from src/ through tsx); resolves once it answers, or fails with what it printed. */
export async function startDatelineProcess(name: string, port: number, site: SiteEnv, options: { fromSource?: boolean } = {}): Promise<DatelineProcess> {
  const origin = `http://127.0.0.1:${port}`;
  const command = options.fromSource ? ['--import', 'tsx', SOURCE_ENTRY, 'serve'] : [BIN, 'serve'];
  const child = spawnCapturing(process.execPath, command, datelineEnv(site, { PORT: String(port), SITE_URL: origin }));
  const started: DatelineProcess = {
    name, port, origin, output: child.output,
    isRunning: () => isRunning(child.process),
    stop: (signal = 'SIGTERM') => stopChild(child.process, signal),
  };
  try {
    await waitUntil(async () => {
      if (!isRunning(child.process)) throw new Error(`dateline ${name} exited (${child.process.exitCode ?? child.process.signalCode}) before it answered:\n${child.output()}`);
      return fetch(`${origin}/robots.txt`).then((res) => res.ok, () => false);
    }, `dateline ${name} to answer on ${origin}`, { attempts: 1200 });
  } catch (error) {
    await started.stop('SIGKILL');
    throw error;
  }
  return started;
}

/** `dateline user add --password-stdin` against the site's database; the password never appears in argv. */
export function addStaffWithCli(site: SiteEnv, email: string, password: string, role = 'editor'): void {
  const run = spawnSync(process.execPath, [BIN, 'user', 'add', '--email', email, '--role', role, '--name', 'Scale Editor', '--password-stdin'], {
    env: datelineEnv(site), input: `${password}\n`, encoding: 'utf8',
  });
  if (run.status !== 0) throw new Error(`dateline user add failed (${run.status}): ${run.stderr}${run.stdout}`);
}

export interface VarnishCluster {
  origin: string;
  port: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * deploy/varnish/dateline.vcl with its one backend (and health probe) repeated per process and a round-robin
 * director choosing among the healthy ones; everything else (purge ACL, xkey, grace) is the shipped VCL.
 */
export function clusterVcl(backendPorts: number[]): string {
  const vcl = readFileSync(VCL, 'utf8');
  const backend = /backend dateline \{[\s\S]*?\n\}\n/.exec(vcl)?.[0];
  if (!backend || !backend.includes('.port = "3000";') || !vcl.includes('import xkey;\n')) throw new Error('dateline.vcl changed shape (backend dateline, port 3000, import xkey): update dateline-cluster.ts');
  const backends = backendPorts.map((port, i) => backend.replace('backend dateline ', `backend dateline_${i} `).replace('.port = "3000";', `.port = "${port}";`)).join('\n');
  // Varnish runs same-named subroutines in the order they appear, so this vcl_recv picks the backend before the shipped one returns.
  const director = `sub vcl_init {\n    new processes = directors.round_robin();\n${backendPorts.map((_, i) => `    processes.add_backend(dateline_${i});\n`).join('')}}\n\n`
    + 'sub vcl_recv {\n    set req.backend_hint = processes.backend();\n}\n\n';
  return vcl.replace('import xkey;\n', 'import xkey;\nimport directors;\n').replace(backend, backends).replace(/^sub vcl_recv \{/m, `${director}sub vcl_recv {`);
}

/** varnishd in the foreground (-F, so this process owns it) with clusterVcl in front of the given ports, listening or not yet. */
export async function startVarnishCluster(backendPorts: number[]): Promise<VarnishCluster> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-varnish-cluster-'));
  writeFileSync(join(dir, 'cluster.vcl'), clusterVcl(backendPorts));
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  // -j none: no privilege drop into a jail the temp dir does not fit; -T none: no admin port.
  const child = spawnCapturing(VARNISHD, ['-F', '-j', 'none', '-T', 'none', '-n', join(dir, 'work'), '-a', `127.0.0.1:${port}`, '-f', join(dir, 'cluster.vcl'), '-s', 'malloc,64m']);
  const varnish: VarnishCluster = {
    origin, port, output: child.output,
    stop: async () => {
      await stopChild(child.process, 'SIGTERM');
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await waitUntil(async () => {
      if (!isRunning(child.process)) throw new Error(`varnishd exited before it answered:\n${child.output()}`);
      // Any answer will do: the Dateline processes behind it may not be listening yet.
      return fetch(`${origin}/robots.txt`).then(() => true, () => false);
    }, `varnishd to answer on ${origin}`, { attempts: 1200 });
  } catch (error) {
    await varnish.stop();
    throw error;
  }
  return varnish;
}

export interface NewsroomClient {
  /** Creates a draft in the process at `origin`; returns its id. */
  createArticle(origin: string, headline: string): Promise<string>;
  /**
   * Takes an action (publish, update…) with the editor's form in the process at `origin`, reading the
   * story's version from its edit page first; resolves when the 303 arrives, i.e. after the commit, with when
   * (performance.now()) the action's request was sent and its response arrived.
   */
  act(origin: string, id: string, action: string, story: { headline: string; dateline?: string; note?: string }): Promise<{ requestedAt: number; respondedAt: number }>;
  /** A newsroom page as the signed-in editor sees it ('' unless 200). */
  get(url: string): Promise<string>;
}

function cookiesOf(res: Response): string {
  return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
}

const csrfOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';

/**
 * Signs in through the login form of the process at `origin`. Sessions live in the database, so the
 * client's cookie works in every process of the site.
 */
export async function signInNewsroom(origin: string, email: string, password: string): Promise<NewsroomClient> {
  const form = await fetch(`${origin}/newsroom/login`);
  const login = await fetch(`${origin}/newsroom/login`, {
    method: 'POST', redirect: 'manual', headers: { cookie: cookiesOf(form), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ email, password, _csrf: csrfOf(await form.text()) }),
  });
  if (login.status !== 303) throw new Error(`sign-in failed: ${login.status} ${(await login.text()).slice(0, 200)}`);
  const cookie = cookiesOf(login).split('; ').filter((c) => c.startsWith('dl_session=')).join('; ');
  const csrf = csrfOf(await (await fetch(`${origin}/newsroom`, { headers: { cookie } })).text());
  const post = (url: string, body: Record<string, string>) => fetch(url, {
    method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, ...body }),
  });
  return {
    async createArticle(at, headline) {
      const res = await post(`${at}/newsroom/stories`, { headline, section: 'world' });
      const id = /stories\/([\w-]+)\/edit/.exec(res.headers.get('location') ?? '')?.[1];
      if (!id) throw new Error(`creating a story failed: ${res.status} ${(await res.text()).slice(0, 300)}`);
      return id;
    },
    async act(at, id, action, story) {
      const edit = await (await fetch(`${at}/newsroom/stories/${id}/edit`, { headers: { cookie } })).text();
      const version = /name="version" value="(\d+)"/.exec(edit)?.[1];
      if (!version) throw new Error(`no version on the edit page of ${id}`);
      const requestedAt = performance.now();
      const res = await post(`${at}/newsroom/stories/${id}`, {
        action, version, headline: story.headline, dateline: story.dateline ?? '', note: story.note ?? '', highlights: 'Seen by every process',
        section: 'world', authors: 'Scale Editor', body: JSON.stringify([{ type: 'paragraph', text: 'Published in one process, read in another.' }]),
      });
      if (res.status !== 303) throw new Error(`${action} failed: ${res.status} ${(await res.text()).slice(0, 500)}`);
      return { requestedAt, respondedAt: performance.now() };
    },
    async get(url) {
      const res = await fetch(url, { redirect: 'manual', headers: { cookie } });
      return res.status === 200 ? res.text() : '';
    },
  };
}
