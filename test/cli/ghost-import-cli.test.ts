/** `dateline import --from ghost`: the JSON summary with the author archive kept, a re-run that changes nothing, a broken file named by its line. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createSqlOldUrlLookup } from '../../src/adapters/db/stores/sql-site-import-store.js';
import { openStorage } from '../../src/main/storage.js';
import { runDateline, type CliRun } from '../support/run-cli.js';

const EXPORT = new URL('../fixtures/ghost/harbour-ghost.ghost.2026-12-06.json', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-ghost-cli-'));
const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, LOG_LEVEL: 'silent' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dateline(...args: string[]): Promise<CliRun> {
  return runDateline(args, { env });
}

describe('dateline import --from ghost', { timeout: 60_000 }, () => {
  it('imports the export, keeps its old addresses, and a re-run finds every post unchanged', async () => {
    const first = await dateline('import', '--from', 'ghost', EXPORT, '--json', '--no-topics');
    expect(first.code, first.stderr).toBe(0);
    // Its About page is the edition's About page now.
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: 3, failed: 0, pages: 1, skipped: { pages: 0 }, errors: [] });
    const again = await dateline('import', '--from', 'ghost', EXPORT, '--no-topics');
    expect(again.stdout).toMatch(/^Imported 0 stories, updated 0, 3 unchanged, 0 failed, \d+ old addresses redirect, 1 static page written(;|\.| in)/);
    const storage = await openStorage(env.DATABASE_URL);
    try {
      // Ghost's author archive is at the user's slug (`marta`); the author's slug here comes from the name.
      expect(await createSqlOldUrlLookup(storage.db).find(['/author/marta'])).toMatchObject({ kind: 'author', slug: 'marta-reyes' });
    } finally {
      await storage.close();
    }
  });

  it('a file whose JSON breaks is reported at its line, and nothing of it is imported', async () => {
    const text = readFileSync(EXPORT, 'utf8');
    const at = text.indexOf('"posts_tags"');
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, `${text.slice(0, at)}]${text.slice(at)}`);
    const run = await dateline('import', '--from', 'ghost', broken, '--json');
    expect(run.code).toBe(1);
    const line = text.slice(0, at).split('\n').length;
    expect(JSON.parse(run.stdout)).toMatchObject({ imported: 0, failed: 1, errors: [{ file: broken, line, id: null, message: expect.stringContaining(`at line ${line}`) as unknown as string }] });
  });
});
