/**
 * Row (d): slowloris from one address. Attacker processes (slowloris-attacker.ts) hold 20,000 slow connections
 * (half slow headers, half slow POST bodies) from 127.0.0.1, reopening any the server closes; meanwhile other
 * clients probe `GET /` from 127.0.0.2–127.0.0.21, ten a second, each given 5 s. The figure is the share of probes
 * answered 200. The server sees the attacker as one address: every attacker socket shares the IP 127.0.0.1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from '../test/support/free-port.js';
import { limitsOffEnv } from './server-env.js';
import { httpRequest, log, ms, openFileLimit, pct, percentile, prepareSite, root, sleep, startServer, stopServer, type Row, type ScenarioContext } from './support.js';

interface AttackerStats { open: number; opened: number; tried: number; answered: number; answered503: number; closed: number; errors: number }

/** Sockets one attacker process opens: under the open-file limit (20,000 here, which root cannot raise in this container). */
const PER_ATTACKER = 7_000;

function startAttacker(port: number, count: number): { child: ChildProcess; stats: () => AttackerStats } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'reliability/slowloris-attacker.ts'), String(port), String(count), '127.0.0.1'], { stdio: ['ignore', 'pipe', 'inherit'], cwd: root });
  let last: AttackerStats = { open: 0, opened: 0, tried: 0, answered: 0, answered503: 0, closed: 0, errors: 0 };
  createInterface({ input: child.stdout! }).on('line', (line) => {
    last = JSON.parse(line) as AttackerStats;
  });
  return { child, stats: () => last };
}

function sum(all: AttackerStats[]): AttackerStats {
  return all.reduce((a, b) => ({ open: a.open + b.open, opened: a.opened + b.opened, tried: a.tried + b.tried, answered: a.answered + b.answered, answered503: a.answered503 + b.answered503, closed: a.closed + b.closed, errors: a.errors + b.errors }));
}

export async function slowloris(context: ScenarioContext): Promise<Row[]> {
  return attack(context, '(d) slowloris, one address');
}

/** The same attack on a server with every connection limit off (Node's defaults): what the limits change. */
export async function slowlorisWithoutLimits(context: ScenarioContext): Promise<Row[]> {
  const off = limitsOffEnv();
  if (Object.keys(off).length === 0) return [{ scenario: '(d) slowloris, limits off', figure: 'skipped', value: '-', note: 'this version has no connection limit settings' }];
  return attack({ ...context, serverEnv: { ...context.serverEnv, ...off } }, '(d) slowloris, limits off');
}

async function attack(context: ScenarioContext, scenario: string): Promise<Row[]> {
  const target = context.quick ? 2_000 : 20_000;
  const probeSeconds = context.quick ? 8 : 30;
  const dir = mkdtempSync(join(tmpdir(), 'dateline-reliability-slow-'));
  const attackers: ReturnType<typeof startAttacker>[] = [];
  try {
    const site = { ...context.serverEnv, DATABASE_URL: `sqlite:${join(dir, 'dateline.db')}`, DATA_DIR: dir, MEDIA_DIR: join(dir, 'media') };
    prepareSite(site);
    const port = await freePort();
    const server = await startServer('slowloris', port, site);
    const processes = Math.ceil(target / PER_ATTACKER);
    const connections = processes * Math.ceil(target / processes);
    for (let i = 0; i < processes; i++) attackers.push(startAttacker(port, connections / processes));
    log(`  (d) ${connections} slow connections from 127.0.0.1 in ${processes} processes; probing for ${probeSeconds} s`);
    const rampStarted = performance.now();
    while (sum(attackers.map((a) => a.stats())).tried < connections && performance.now() - rampStarted < 45_000) await sleep(500);
    const ramp = performance.now() - rampStarted;
    const atStart = sum(attackers.map((a) => a.stats()));
    const probes: Promise<{ ok: boolean; ms: number; status: string }>[] = [];
    const until = performance.now() + probeSeconds * 1000;
    for (let i = 0; performance.now() < until; i++) {
      const t0 = performance.now();
      probes.push(httpRequest(`http://127.0.0.1:${port}/`, { localAddress: `127.0.0.${2 + (i % 20)}`, timeoutMs: 5_000 })
        .then((res) => ({ ok: res.status === 200, ms: performance.now() - t0, status: String(res.status) }), (error: Error) => ({ ok: false, ms: performance.now() - t0, status: error.message.slice(0, 40) })));
      await sleep(100);
    }
    const results = await Promise.all(probes);
    const atEnd = sum(attackers.map((a) => a.stats()));
    const answered = results.filter((r) => r.ok);
    const failures = new Map<string, number>();
    for (const r of results.filter((x) => !x.ok)) failures.set(r.status, (failures.get(r.status) ?? 0) + 1);
    const alive = server.isRunning();
    for (const { child } of attackers) child.kill('SIGTERM');
    await stopServer(server);
    const limit = openFileLimit();
    return [
      { scenario, figure: 'probes of GET / answered 200 (other addresses)', value: pct(answered.length, results.length), note: `${answered.length} of ${results.length} in ${probeSeconds} s; p50 ${ms(percentile(answered.map((r) => r.ms), 50))}, p99 ${ms(percentile(answered.map((r) => r.ms), 99))}${failures.size ? `; failed: ${[...failures].map(([s, n]) => `${s} ×${n}`).join(', ')}` : ''}` },
      { scenario, figure: 'attacker sockets connected / held open', value: `${atStart.tried.toLocaleString('en-US')} / ${atStart.open.toLocaleString('en-US')}`, note: `target ${connections.toLocaleString('en-US')} from 127.0.0.1 (ramp ${ms(ramp)}); ${atEnd.opened.toLocaleString('en-US')} connections with reopens; held at the end ${atEnd.open.toLocaleString('en-US')}; open files ${limit.soft}/${limit.hard} per process` },
      { scenario, figure: 'attacker sockets answered 503 / closed by server', value: `${atEnd.answered503.toLocaleString('en-US')} / ${atEnd.closed.toLocaleString('en-US')}`, note: `server still up: ${alive ? 'yes' : 'no'}; connect errors ${atEnd.errors}` },
    ];
  } finally {
    for (const { child } of attackers) if (child.exitCode === null) child.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
  }
}
