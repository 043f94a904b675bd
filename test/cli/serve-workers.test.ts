/** `dateline serve --workers 2` as a real process tree: one prepared database, two workers on one port, a killed worker restarted, SIGTERM stops all. */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, onTestFailed } from 'vitest';
import { freePort } from '../e2e/browser-support.js';
import { parseWorkers } from '../../src/cli/serve-command.js';
import { restartDelayMs } from '../../src/cli/serve-workers.js';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-workers-'));
let primary: ChildProcessWithoutNullStreams | null = null;

afterAll(() => {
  if (primary && primary.exitCode === null) primary.kill('SIGKILL');
  rmSync(dir, { recursive: true, force: true });
});

/** Resolves with the first match of `pattern` in the output from `from` on; rejects if the process exits first. */
function waitForOutput(child: ChildProcessWithoutNullStreams, output: () => string, pattern: RegExp, from = 0): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const match = pattern.exec(output().slice(from));
      if (match) {
        child.stdout.off('data', check);
        child.stderr.off('data', check);
        child.off('exit', onExit);
        resolve(match);
      }
    };
    const onExit = (code: number | null) => reject(new Error(`dateline exited (${code}) before printing ${pattern}:\n${output()}`));
    child.stdout.on('data', check);
    child.stderr.on('data', check);
    child.once('exit', onExit);
    check();
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('serve --workers', () => {
  it('parses N and auto, refuses nonsense, and backs off restarts up to a cap', () => {
    expect(parseWorkers(undefined)).toBeNull();
    expect(parseWorkers('3')).toBe(3);
    expect(parseWorkers('auto', 8)).toBe(8);
    expect(() => parseWorkers('0')).toThrow(/--workers/);
    expect(() => parseWorkers('two')).toThrow(/--workers/);
    expect([0, 1, 2, 20].map(restartDelayMs)).toEqual([250, 500, 1000, 30_000]);
  });

  it('prepares the database once, serves from two workers, restarts a killed one, and stops on SIGTERM', { timeout: 120_000 }, async () => {
    const port = await freePort();
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--workers', '2'], {
      cwd: root, env: { ...process.env, DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'workers.db')}`, PORT: String(port), LOG_LEVEL: 'silent' },
    });
    primary = child;
    let output = '';
    child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
    child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
    onTestFailed(() => console.error(`dateline serve --workers 2 printed:\n${output}`));

    await waitForOutput(child, () => output, /Dateline is running at \S+ with 2 workers/);
    expect(output.match(/First run: newsroom admin created/g)).toHaveLength(1);
    // Workers report ready in any order: index the pids by worker number.
    const bySlot = new Map([...output.matchAll(/worker (\d) ready \(pid (\d+)\)/g)].map((m) => [Number(m[1]), Number(m[2])]));
    const pids = [bySlot.get(1), bySlot.get(2)];
    expect(pids.every((pid) => typeof pid === 'number')).toBe(true);

    const home = await fetch(`http://127.0.0.1:${port}/`);
    expect(home.status).toBe(200);
    // Demo content imported once by the primary, not once per worker: the capture's 6 stories and 12 English sides of the pairs.
    const feed = await (await fetch(`http://127.0.0.1:${port}/feed.json`)).json() as { items: unknown[] };
    expect(feed.items).toHaveLength(18);
    expect((await fetch(`http://127.0.0.1:${port}/ar/`)).status).toBe(200);

    const before = output.length;
    process.kill(pids[0]!, 'SIGKILL');
    await waitForOutput(child, () => output, new RegExp(`worker 1 \\(pid ${pids[0]}\\) exited \\(SIGKILL\\); restarting in 250 ms`), before);
    const restarted = await waitForOutput(child, () => output, /worker 1 ready \(pid (\d+)\)/, before);
    expect(Number(restarted[1])).not.toBe(pids[0]);
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);

    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const pid of [pids[1]!, Number(restarted[1])]) expect(isAlive(pid)).toBe(false);
  });
});
