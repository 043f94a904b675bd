import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDateline, type CliRun } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-user-cli-'));
const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, LOG_LEVEL: 'silent' };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dateline(args: string[], stdin?: string): Promise<CliRun> {
  return runDateline(args, { env, ...(stdin === undefined ? {} : { stdin }) });
}

describe('dateline user', { timeout: 90_000 }, () => {
  it('adds a user with a password from stdin, lists, changes the role and resets the password', async () => {
    const add = await dateline(['user', 'add', '--email', 'Ann@News.Example', '--role', 'reporter', '--name', 'Ann Reporter', '--password-stdin', '--json'], 'a long enough password\n');
    expect(add.code).toBe(0);
    expect(JSON.parse(add.stdout)).toMatchObject({ email: 'ann@news.example', role: 'reporter' });
    expect(add.stdout).not.toContain('a long enough password');

    const list = await dateline(['user', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual([expect.objectContaining({ email: 'ann@news.example', role: 'reporter', name: 'Ann Reporter' })]);

    const role = await dateline(['user', 'set-role', '--email', 'ann@news.example', '--role', 'editor']);
    expect(role.code).toBe(0);
    expect(role.stdout).toContain('is now editor');

    const reset = await dateline(['user', 'reset-password', '--email', 'ann@news.example']);
    expect(reset.code).toBe(0);
    expect(reset.stdout).toMatch(/One-time password: [\w-]{20,}/);
  });

  it('takes names in any script, cleaned as they enter (NFC, no control characters)', async () => {
    const add = await dateline(['user', 'add', '--email', 'layla@news.example', '--role', 'contributor', '--name', 'ليلى Зеленская Łódź\u0001 e\u0301', '--password-stdin', '--json'], 'another long password\n');
    expect(add.code, add.stderr).toBe(0);
    const list = await dateline(['user', 'list']);
    expect(list.stdout).toContain('layla@news.example\tcontributor\tليلى Зеленская Łódź é');
  });

  it('refuses a duplicate email, a short password, an unknown role and a missing email with clear messages', async () => {
    const dup = await dateline(['user', 'add', '--email', 'ann@news.example', '--role', 'reporter']);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('already an account');
    const short = await dateline(['user', 'add', '--email', 'bob@news.example', '--role', 'reporter', '--password-stdin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 12 characters');
    const badRole = await dateline(['user', 'add', '--email', 'bob@news.example', '--role', 'chief']);
    expect(badRole.code).toBe(2);
    expect(badRole.stderr).toContain('--role must be one of');
    const noEmail = await dateline(['user', 'set-role', '--role', 'editor']);
    expect(noEmail.code).toBe(2);
  });
});
