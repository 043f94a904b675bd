/**
 * Load from a separate process: wrk (Debian package) pinned to its own core, with autocannon as the
 * fallback. Every run picks a random path per request from a list and reports req/s and latency
 * percentiles.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { getPriority, setPriority, tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
  bytesPerRequest: number;
}

export interface LoadOptions {
  origin: string;
  paths: string[];
  connections: number;
  seconds: number;
  acceptEncoding: string;
  /** CPU list for taskset, e.g. "1". */
  cpus: string | null;
  /** Sent with every request: a reader's browser, so the site counts the reads as it would a real reader's (most read). */
  userAgent: string;
}

/** A current desktop browser's user agent. */
export const READER_USER_AGENT = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36';

const WRK_SCRIPT = `
local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do paths[#paths + 1] = line end
local encoding = os.getenv("BENCH_ENCODING")
local agent = os.getenv("BENCH_USER_AGENT")
math.randomseed(os.time() + tonumber(tostring({}):sub(8), 16))
request = function()
  local headers = { ["User-Agent"] = agent }
  if encoding ~= "" then headers["Accept-Encoding"] = encoding end
  return wrk.format("GET", paths[math.random(#paths)], headers)
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format('BENCH_JSON {"requests":%d,"duration_us":%d,"errors":%d,"non2xx":%d,"p50":%d,"p95":%d,"p99":%d,"bytes":%d}\\n',
    summary.requests, summary.duration, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), summary.bytes))
end
`;

export function hasCommand(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function pinned(cpus: string | null, command: string, args: string[]): [string, string[]] {
  return cpus && hasCommand('taskset') ? ['taskset', ['-c', cpus, command, ...args]] : [command, args];
}

function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    // The load runs at normal priority even when the benchmark itself stepped aside (bench/reader-mail.ts lowers its own).
    if (child.pid && getPriority(child.pid) !== 0) {
      try {
        setPriority(child.pid, 0);
      } catch {
        // Not root: the load keeps the benchmark's priority.
      }
    }
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`${command} exited ${code}: ${err || out}`))));
  });
}

async function runWrk(options: LoadOptions): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-wrk-'));
  writeFileSync(join(dir, 'paths.txt'), options.paths.join('\n') + '\n');
  writeFileSync(join(dir, 'bench.lua'), WRK_SCRIPT);
  const [command, args] = pinned(options.cpus, 'wrk', ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', join(dir, 'bench.lua'), options.origin]);
  // The script and path list live only for this run.
  const out = await runProcess(command, args, { ...process.env, BENCH_PATHS: join(dir, 'paths.txt'), BENCH_ENCODING: options.acceptEncoding, BENCH_USER_AGENT: options.userAgent })
    .finally(() => rmSync(dir, { recursive: true, force: true }));
  const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`wrk printed no result:\n${out}`);
  const r = JSON.parse(line.slice('BENCH_JSON '.length)) as { requests: number; duration_us: number; errors: number; non2xx: number; p50: number; p95: number; p99: number; bytes: number };
  return {
    requestsPerSecond: r.requests / (r.duration_us / 1e6),
    p50Ms: r.p50 / 1000, p95Ms: r.p95 / 1000, p99Ms: r.p99 / 1000,
    errors: r.errors, non2xx: r.non2xx, bytesPerRequest: r.requests ? r.bytes / r.requests : 0,
  };
}

/** autocannon runs in a child node process (pinned like wrk), requests cycling through the paths. */
async function runAutocannon(options: LoadOptions): Promise<LoadResult> {
  const script = `
    const autocannon = require('autocannon');
    const paths = ${JSON.stringify(options.paths)};
    const headers = { 'user-agent': ${JSON.stringify(options.userAgent)}, ...(${JSON.stringify(options.acceptEncoding)} ? { 'accept-encoding': ${JSON.stringify(options.acceptEncoding)} } : {}) };
    autocannon({ url: ${JSON.stringify(options.origin)}, connections: ${options.connections}, duration: ${options.seconds},
      requests: [{ setupRequest: (r) => ({ ...r, path: paths[Math.floor(Math.random() * paths.length)], headers }) }] },
      (err, res) => { if (err) throw err; console.log('BENCH_JSON ' + JSON.stringify({ rps: res.requests.average, p50: res.latency.p50, p95: res.latency.p97_5, p99: res.latency.p99, errors: res.errors + res.timeouts, non2xx: res.non2xx, bytes: res.throughput.average / Math.max(1, res.requests.average) })); });`;
  const [command, args] = pinned(options.cpus, process.execPath, ['-e', script]);
  const out = await runProcess(command, args, process.env);
  const line = out.split('\n').find((l) => l.startsWith('BENCH_JSON '));
  if (!line) throw new Error(`autocannon printed no result:\n${out}`);
  const r = JSON.parse(line.slice('BENCH_JSON '.length)) as { rps: number; p50: number; p95: number; p99: number; errors: number; non2xx: number; bytes: number };
  return { requestsPerSecond: r.rps, p50Ms: r.p50, p95Ms: r.p95, p99Ms: r.p99, errors: r.errors, non2xx: r.non2xx, bytesPerRequest: r.bytes };
}

export function loadTool(): 'wrk' | 'autocannon' {
  return hasCommand('wrk') ? 'wrk' : 'autocannon';
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  return loadTool() === 'wrk' ? runWrk(options) : runAutocannon(options);
}
