/**
 * Every process a benchmark starts is tracked here and killed when the benchmark ends, and its scratch folders removed:
 * on a normal exit, on an uncaught error, and on SIGINT, SIGTERM or SIGHUP (Node's default for those signals exits
 * without running 'exit' handlers, which once left a busy child running after the benchmark was stopped).
 */
import { execFileSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const running = new Set<ChildProcess>();
const scratch = new Set<string>();

function killAll(): void {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  // A signal skips the benches' finally blocks: their scratch folders (a 2 GB export, database copies) go here.
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
}

process.on('exit', killAll);
for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
  // process.exit runs every 'exit' handler, this module's and any other's (bench/dateline-server.ts keeps its own set).
  process.once(signal, () => {
    process.stderr.write(`bench: ${signal}, stopping the processes it started\n`);
    process.exit(code);
  });
}

/** Kills `child` when the benchmark ends, whichever way it ends; the child leaves the set when it exits. */
export function track<T extends ChildProcess>(child: T): T {
  running.add(child);
  child.once('exit', () => running.delete(child));
  return child;
}

/** Removes `dir` (a folder or a file) when the benchmark ends, whichever way it ends (removing it earlier as well does no harm). */
export function removeOnExit(dir: string): string {
  scratch.add(dir);
  return dir;
}

/**
 * A scratch folder of this run only, under `dir` (bench/data: a temp folder may be memory, and a 1,000,000-post export
 * is 2 GB), removed at exit. Never a fixed name: two benchmarks running at once must not remove each other's files.
 */
export function benchScratch(dir: string, name: string): string {
  mkdirSync(dir, { recursive: true });
  return removeOnExit(mkdtempSync(join(dir, `${name}-`)));
}

/** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves once it has exited. */
export function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Peak resident memory (VmHWM) of a running process, in MB; null once it has gone. */
export function peakRssMb(pid: number): number | null {
  try {
    const kb = Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? NaN);
    return Number.isNaN(kb) ? null : kb / 1024;
  } catch {
    return null;
  }
}

let ticksPerSecond: number | null = null;

/** CPU time (user + system) a running process has used so far, in seconds; null once it has gone. */
export function cpuSeconds(pid: number): number | null {
  try {
    ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
    // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are the 12th and 13th.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop()!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return null;
  }
}

/**
 * Reads a child's peak memory and CPU time every `everyMs` while it runs (a process's figures vanish with it, so the
 * last reading, within `everyMs` of its end, is what is reported).
 */
export function sampleProcess(pid: number, everyMs = 50) {
  let peak = 0;
  let cpu = 0;
  const read = () => {
    peak = Math.max(peak, peakRssMb(pid) ?? 0);
    cpu = Math.max(cpu, cpuSeconds(pid) ?? 0);
  };
  read();
  const timer = setInterval(read, everyMs);
  return {
    peakRssMb: () => peak,
    cpuSeconds: () => cpu,
    stop: () => clearInterval(timer),
  };
}
