/** `dateline deliver`: a process of its own sends what the outbox holds into a real SMTP server, and stops cleanly on SIGTERM. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStorage } from '../../src/main/storage.js';
import { startSmtpSink } from '../support/smtp-sink.js';
import { distMissingReason } from '../support/dateline-cluster.js';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-deliver-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('dateline deliver', { timeout: 60_000 }, () => {
  it('sends a queued sign-in link through SMTP_URL, empties the link from the outbox, and exits 0 on SIGTERM', async () => {
    const databaseUrl = `sqlite:${join(dir, 'deliver.db')}`;
    const storage = await openStorage(databaseUrl);
    const token = 'k'.repeat(43);
    const edition = (await storage.editions.list())[0]!;
    await storage.deliveries.enqueue([{
      channel: 'email', kind: 'sign-in', mailing: 'sign-in:cli-test', recipient: 'lectora@example.com', readerId: null,
      payload: { token, editionId: edition.id, expiresAt: new Date(Date.now() + 900_000).toISOString() },
    }], new Date());
    await storage.close();

    const sink = await startSmtpSink();
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'deliver'], {
      cwd: root,
      env: { ...process.env, DATA_DIR: dir, DATABASE_URL: databaseUrl, SMTP_URL: sink.url, MAIL_FROM: 'Dateline — الأخبار <news@example.com>', SITE_URL: 'https://news.example', LOG_LEVEL: 'silent' },
    });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    try {
      const [mail] = await sink.waitFor(1, 30_000);
      expect(mail!.to).toEqual(['lectora@example.com']);
      expect(mail!.text).toContain(`https://news.example/account/verify?token=${token}`);
      expect(mail!.headers['auto-submitted']).toBe('auto-generated');
      const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(stdout).toContain('delivering the outbox');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await sink.close();
    }
    const after = await openStorage(databaseUrl);
    try {
      const row = await after.readerDb.selectFrom('deliveries').selectAll().executeTakeFirstOrThrow();
      expect(row.status).toBe('sent');
      expect(row.payload).toBe('{}');
    } finally {
      await after.close();
    }
  });
});

describe.skipIf(distMissingReason() !== null)(`dateline deliver, built${distMissingReason() ? ` (skipped: ${distMissingReason()})` : ''}`, { timeout: 60_000 }, () => {
  // From dist/ as production runs it: under tsx, its esbuild service holds any process open and would hide this.
  it('stays up with nothing to send until SIGTERM, then exits 0', async () => {
    const databaseUrl = `sqlite:${join(dir, 'idle.db')}`;
    await (await openStorage(databaseUrl)).close();
    const child = spawn(process.execPath, [join(root, 'dist/cli/main.js'), 'deliver'], {
      cwd: root, env: { ...process.env, DATA_DIR: dir, DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' },
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      let stdout = '';
      await new Promise<void>((resolve) => child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); if (stdout.includes('delivering the outbox')) resolve(); }));
      // An idle outbox: Node once found nothing left to wait on here and exited with code 13 (an unsettled await).
      const outcome = await Promise.race([exited.then((code) => `exited ${code}`), new Promise((resolve) => setTimeout(() => resolve('running'), 2_000))]);
      expect(outcome).toBe('running');
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });
});
