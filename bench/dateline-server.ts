/** Starts a Dateline process on the benchmark database, pinned to one core, and reads its start-up time and peak memory. */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hasCommand } from './load.js';
export { freePort } from '../test/support/free-port.js';

export interface DatelineServer {
  origin: string;
  pid: number;
  /** From spawn to the first 200 on the home page. */
  startupMs: number;
  /** Peak resident memory so far (VmHWM), in MB. */
  peakRssMb(): number;
  stop(): Promise<void>;
}

// Every process the benchmark starts is killed when it ends, on exit or on a signal (child-processes.ts).
export { track } from './child-processes.js';
import { track } from './child-processes.js';

export async function startDateline(options: { root: string; databaseUrl: string; port: number; pageCache: boolean; cpus: string | null; mostRead?: boolean; env?: Record<string, string> }): Promise<DatelineServer> {
  // Through bin/dateline.js, which marks the build in use, so a rebuild meanwhile never removes it.
  const entry = join(options.root, 'bin/dateline.js');
  const env = {
    ...process.env, DATABASE_URL: options.databaseUrl, PORT: String(options.port), HOST: '127.0.0.1', DEMO_CONTENT: 'off',
    LOG_LEVEL: 'warn', PAGE_CACHE: options.pageCache ? 'on' : 'off', MOST_READ: options.mostRead === false ? 'off' : 'on', SITE_URL: `http://127.0.0.1:${options.port}`,
    ...options.env,
  };
  const startedAt = performance.now();
  const child = track(options.cpus && hasCommand('taskset')
    ? spawn('taskset', ['-c', options.cpus, process.execPath, entry, 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] })
    : spawn(process.execPath, [entry, 'serve'], { env, stdio: ['ignore', 'ignore', 'inherit'] }));
  const origin = `http://127.0.0.1:${options.port}`;
  let startupMs = -1;
  for (let attempt = 0; attempt < 6000 && startupMs < 0; attempt++) {
    if (child.exitCode !== null) throw new Error(`Dateline exited with ${child.exitCode} before it was ready`);
    try {
      if ((await fetch(`${origin}/`)).ok) startupMs = performance.now() - startedAt;
    } catch {
      await new Promise((r) => setTimeout(r, 10));
    }
  }
  if (startupMs < 0) throw new Error('Dateline did not answer within 60 s');
  // With taskset the node process is the child of taskset's exec, so the pid is the same process.
  const pid = child.pid ?? 0;
  return {
    origin,
    pid,
    startupMs,
    peakRssMb() {
      if (child.exitCode !== null) throw new Error(`Dateline (pid ${pid}) exited with ${child.exitCode} during the benchmark`);
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
      return kb / 1024;
    },
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    }),
  };
}
