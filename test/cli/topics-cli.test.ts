/** `dateline topics --watch`: works the queue an import left, stays up for the next one, and stops on SIGTERM with its summary. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDateline } from '../support/run-cli.js';
import { waitUntil } from '../support/wait-until.js';
import { openStorage } from '../../src/main/storage.js';

const EXPORT = new URL('../fixtures/wordpress/harbour-gazette.wordpress.2026-12-06.xml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-topics-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dateline topics --watch', { timeout: 180_000 }, () => {
  it('empties the queue, keeps watching, and exits 0 on SIGTERM with a JSON summary', async () => {
    const url = `sqlite:${join(dir, 'watch.db')}`;
    const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: url, LOG_LEVEL: 'silent' };
    expect(JSON.parse((await runDateline(['import', '--from', 'wordpress', EXPORT, '--json'], { env })).stdout)).toMatchObject({ topicsQueued: 10 });
    const root = new URL('../..', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'topics', '--watch', '--json', '--threads', '1'], { env, cwd: root });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    const storage = await openStorage(url);
    try {
      await waitUntil(async () => (await storage.topicSuggestions.progress()).waiting === 0, 'the queue to empty', { attempts: 1_200, intervalMs: 100 });
      // Still watching for the next import, well after its round ended.
      await waitUntil(async () => (await storage.topicSuggestions.progress()).done === 10, 'the run to be counted');
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(child.exitCode).toBeNull();
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(JSON.parse(stdout.trim())).toMatchObject({ waiting: 0, done: 10, failed: 0, threads: 1 });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await storage.close();
    }
  });
});
