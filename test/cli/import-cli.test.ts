import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDateline, type CliRun } from '../support/run-cli.js';
const FIXTURE_PATH = new URL('../../demo/news-stream-2025-01-17.txt', import.meta.url);

const dir = mkdtempSync(join(tmpdir(), 'dateline-cli-'));
const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, LOG_LEVEL: 'silent' };

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI from source, as `dateline ARGS…`; resolves with exit code and output. */
function dateline(...args: string[]): Promise<CliRun> {
  return runDateline(args, { env });
}

describe('dateline import', { timeout: 60_000 }, () => {
  it('prints one JSON summary, then finds only duplicates on the second run', async () => {
    const first = await dateline('import', FIXTURE_PATH.pathname, '--captured-at', '2025-01-17T15:00:00Z', '--json');
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ imported: 6, duplicates: 0, failed: 0, errors: [] });
    const second = await dateline('import', FIXTURE_PATH.pathname, '--json');
    expect(JSON.parse(second.stdout)).toEqual({ imported: 0, duplicates: 6, failed: 0, errors: [] });
  });

  it('exits non-zero and names the line of a broken story, importing the rest', async () => {
    const broken = readFileSync(FIXTURE_PATH, 'utf8').replace('Updated 57 min 19 sec ago', 'Updated at some point')
      .replace(/Police detain suspect in stabbing of Bollywood actor Saif Ali Khan/g, 'Police detain a suspect');
    const file = join(dir, 'broken.txt');
    writeFileSync(file, broken);
    const lineNo = broken.split('\n').findIndex((l) => l === 'Updated at some point') + 1;
    const result = await dateline('import', file, '--captured-at', '2025-01-17T15:00:00Z', '--json');
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as { imported: number; failed: number; errors: { file: string; line: number; message: string }[] };
    expect(summary.imported).toBe(1);
    expect(summary.failed).toBe(1);
    expect(summary.errors).toEqual([{ file, line: lineNo, message: expect.stringContaining('some point') as unknown as string }]);
  });

  it('imports an Arabic capture into another edition, with Arabic sections and slugs, and refuses an unknown edition', async () => {
    const { openStorage } = await import('../../src/main/storage.js');
    const storage = await openStorage(env.DATABASE_URL);
    await storage.editions.add({ id: 'ar', language: 'ar', direction: 'rtl', name: 'العربية', locale: 'ar-SA', numberingSystem: 'latn', timeZone: 'Asia/Riyadh' });
    await storage.close();
    const headline = 'زيارة ولي العهد إلى سيول \u0001تثير اهتمام Зеленский 👩‍👩‍👧';
    const capture = [headline, '', headline, 'صورة أرشيفية (وكالة الأنباء)', 'Short Url', 'Updated 5 min 3 sec ago', 'Follow', '', headline, '', headline,
      '  • أول نقطة رئيسية في الخبر', '', 'سيول: وصل ولي العهد إلى العاصمة الكورية صباح اليوم.', 'وقال مسؤولون إن الزيارة تستمر يومين.', ''].join('\n');
    const file = join(dir, 'خبر-عربي.txt');
    writeFileSync(file, capture);
    const result = await dateline('import', file, '--captured-at', '2025-01-17T15:00:00Z', '--section', 'العالم', '--edition', 'ar', '--json');
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ imported: 1, failed: 0 });
    const check = await openStorage(env.DATABASE_URL);
    const [story] = (await check.articles.listPublished({ limit: 5, edition: 'ar' })).items;
    expect(story?.headline).toBe('زيارة ولي العهد إلى سيول تثير اهتمام Зеленский 👩‍👩‍👧');
    expect(story?.slug).toBe('زيارة-ولي-العهد-الى-سيول-تثير-اهتمام-зеленский');
    expect(story?.section).toEqual({ slug: 'العالم', name: 'العالم' });
    expect(story?.edition.pathPrefix).toBe('/ar');
    await check.close();
    const unknown = await dateline('import', file, '--edition', 'xx');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('--edition "xx" is not an edition of this site (editions: en, ar)');
  });

  it('prints a one-line human summary without --json', async () => {
    const result = await dateline('import', FIXTURE_PATH.pathname);
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^Imported 0 stories, 6 already present, 0 failed, in [\d.]+ s\.$/);
  });

  it('rejects bad arguments with a clear message', async () => {
    const noFile = await dateline('import');
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toMatch(/no file given/);
    const badTime = await dateline('import', FIXTURE_PATH.pathname, '--captured-at', 'yesterday');
    expect(badTime.code).toBe(2);
    expect(badTime.stderr).toMatch(/--captured-at "yesterday"/);
    const missing = await dateline('import', join(dir, 'nope.txt'), '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).errors[0].message).toMatch(/cannot read file/);
  });

  it('refuses invalid configuration, naming each bad variable', async () => {
    const { code, stderr } = await runDateline(['migrate'], { env: { ...env, PORT: 'x', TIME_ZONE: 'Nowhere/Land' } });
    expect(code).toBe(2);
    expect(stderr).toMatch(/PORT/);
    expect(stderr).toMatch(/TIME_ZONE/);
  });
});
