/**
 * @module Debian's varnishd with deploy/varnish/dateline.vcl in front of a Dateline on a given port, for edge-cache
 * tests: started in the foreground (the test owns the process) on a free port, stopped and cleaned up after.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../e2e/browser-support.js';
import { VARNISHD } from './varnish-installation.js';
import type { EdgePurgeLog } from '../../src/main/edge-purge.js';

const VCL = new URL('../../deploy/varnish/dateline.vcl', import.meta.url);

export interface Varnish { origin: string; process: ChildProcess; output: () => string; dir: string }

/** Polls `check` until it returns a value, at most `attempts` times, each a few ms apart; fails saying what never happened. */
export async function eventually<T>(what: string, check: () => Promise<T | null>, attempts = 200): Promise<T> {
  for (let i = 0; i < attempts; i++) {
    const value = await check().catch(() => null);
    if (value !== null) return value;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`gave up after ${attempts} attempts: ${what}`);
}

export async function startVarnish(backendPort: number): Promise<Varnish> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-varnish-'));
  const vclPath = join(dir, 'dateline.vcl');
  const vcl = readFileSync(VCL, 'utf8');
  if (!vcl.includes('.port = "3000";')) throw new Error('dateline.vcl no longer names backend port 3000: update the test');
  writeFileSync(vclPath, vcl.replace('.port = "3000";', `.port = "${backendPort}";`));
  const port = await freePort();
  // -F: foreground, so the test owns the process; -j none: no privilege drop into a jail the temp dir does not fit; -T none: no admin port.
  const child = spawn(VARNISHD, ['-F', '-j', 'none', '-T', 'none', '-n', join(dir, 'work'), '-a', `127.0.0.1:${port}`, '-f', vclPath, '-s', 'malloc,32m'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString(); });
  const varnish = { origin: `http://127.0.0.1:${port}`, process: child, output: () => output, dir };
  await new Promise<void>((resolve, reject) => {
    const onData = () => { if (output.includes('Child launched OK')) resolve(); };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`varnishd exited (${code}) before starting:\n${output}`)));
  });
  await eventually(`varnishd answering on ${varnish.origin}`, async () => ((await fetch(`${varnish.origin}/robots.txt`)).ok ? true : null));
  return varnish;
}

export async function stopVarnish(varnish: Varnish | undefined): Promise<void> {
  if (!varnish) return;
  if (varnish.process.exitCode === null && varnish.process.signalCode === null) {
    const exited = new Promise((resolve) => varnish.process.once('exit', resolve));
    varnish.process.kill('SIGTERM');
    await exited;
  }
  rmSync(varnish.dir, { recursive: true, force: true });
}

/** A response Varnish served from its cache: X-Cache HIT, and two transaction ids (this request's and the stored object's). */
export const isHit = (res: Response): boolean => res.headers.get('x-cache') === 'HIT' && (res.headers.get('x-varnish') ?? '').trim().split(/\s+/).length === 2;

/** An edge-purge logger that keeps what it is told, for tests to read. */
export function collectingPurgeLog(): { entries: { level: string; fields: object }[]; log: EdgePurgeLog } {
  const entries: { level: string; fields: object }[] = [];
  return {
    entries,
    log: {
      info: (fields) => { entries.push({ level: 'info', fields }); },
      warn: (fields) => { entries.push({ level: 'warn', fields }); },
      error: (fields) => { entries.push({ level: 'error', fields }); },
    },
  };
}
