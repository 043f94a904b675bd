/** `dateline import --from wordpress`: the JSON summary with redirects, a dry run, a second run that changes nothing, a run killed (SIGKILL) and started again. */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import sharp from 'sharp';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDateline, type CliRun } from '../support/run-cli.js';
import { waitUntil } from '../support/wait-until.js';
import { openStorage } from '../../src/main/storage.js';

const EXPORT = new URL('../fixtures/wordpress/harbour-gazette.wordpress.2026-12-06.xml', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'dateline-wp-cli-'));
const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, LOG_LEVEL: 'silent' };
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dateline(...args: string[]): Promise<CliRun> {
  return runDateline(args, { env });
}

describe('dateline import --from wordpress', { timeout: 60_000 }, () => {
  it('a dry run, then the import, then a re-run that finds every post unchanged', async () => {
    const dry = await dateline('import', '--from', 'wordpress', EXPORT, '--dry-run', '--json');
    expect(JSON.parse(dry.stdout)).toMatchObject({ imported: 10, updated: 0, duplicates: 0, failed: 1, dryRun: true });
    const first = await dateline('import', '--from', 'wordpress', EXPORT, '--json');
    expect(first.code, first.stderr).toBe(1);
    const summary = JSON.parse(first.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ imported: 10, updated: 0, duplicates: 0, failed: 1, pages: 1, skipped: { comments: 3, pages: 0 } });
    expect(summary['redirects']).toBeGreaterThan(20);
    expect(summary['errors']).toEqual([{ file: EXPORT, line: expect.any(Number) as unknown as number, id: null, message: 'the item has no wp:post_id' }]);
    const again = await dateline('import', '--from', 'wordpress', EXPORT);
    expect(again.stdout).toMatch(/^Imported 0 stories, updated 0, 10 unchanged, 1 failed, \d+ old addresses redirect, 1 static page written; left out: 3 comments, 2 attachments, 1 trashed, 1 other/);
    expect(again.stderr).toContain(': the item has no wp:post_id');
  });

  it('names the formats it reads', async () => {
    const result = await dateline('import', '--from', 'drupal', EXPORT);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('is not an export format (wordpress, ghost)');
  });
});

/** The fixture's quay story copied `count` times under new ids and slugs: an export big enough to be killed mid-way. */
function manyPosts(count: number): string {
  const text = readFileSync(EXPORT, 'utf8');
  const start = text.lastIndexOf('<item>');
  const end = text.indexOf('</item>', start) + '</item>'.length;
  const item = text.slice(start, end);
  const copies = Array.from({ length: count }, (_, i) => item
    .replace('<wp:post_id>115</wp:post_id>', `<wp:post_id>${1000 + i}</wp:post_id>`)
    .replaceAll('quay-works-finish-early', `quay-works-${i}`)
    .replace('Quay works finish early', `Quay works, part ${i} — часть ${i}, الجزء ${i}`)
    // A minute apart: the search index orders stories by time, a thousand in one millisecond it cannot tell apart.
    .replaceAll('2024-01-23 09:00:00', new Date(Date.UTC(2024, 0, 23, 9) + i * 60_000).toISOString().slice(0, 19).replace('T', ' ')));
  return text.slice(0, start) + copies.join('\n\t') + text.slice(end);
}

describe('an import killed mid-way', { timeout: 120_000 }, () => {
  it('started again, finishes without duplicates', async () => {
    const file = join(dir, 'many.xml');
    writeFileSync(file, manyPosts(3_000));
    const url = `sqlite:${join(dir, 'killed.db')}`;
    const killEnv = { ...env, DATABASE_URL: url };
    const root = new URL('../..', import.meta.url).pathname;
    const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'import', '--from', 'wordpress', file, '--batch', '50', '--json'], { env: killEnv, cwd: root, stdio: 'ignore' });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    const storage = await openStorage(url);
    const stored = async (): Promise<number> => Number((await storage.db.selectFrom('site_import_items').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    try {
      await waitUntil(async () => (await stored()) >= 100, 'the first batches to commit', { attempts: 2_400 });
      child.kill('SIGKILL');
      await exited;
      const before = await stored();
      expect(before).toBeLessThan(3_009);
      const rerun = await runDateline(['import', '--from', 'wordpress', file, '--batch', '500', '--json'], { env: killEnv });
      const summary = JSON.parse(rerun.stdout) as { imported: number; duplicates: number; failed: number };
      expect(summary.imported + summary.duplicates).toBe(3_009);
      expect(summary.duplicates).toBeGreaterThanOrEqual(before);
      const articles = await storage.db.selectFrom('articles').select(['content_key', 'slug']).execute();
      expect(articles).toHaveLength(3_009);
      expect(new Set(articles.map((a) => a.content_key)).size).toBe(3_009);
      expect(new Set(articles.map((a) => a.slug)).size).toBe(3_009);
    } finally {
      child.kill('SIGKILL');
      await storage.close();
    }
  });
});

describe('dateline import --from wordpress --media DIR', { timeout: 60_000 }, () => {
  it('brings featured and body images from the upload folder into the media library, once; a missing one stays at its old address', async () => {
    const uploads = join(dir, 'uploads');
    mkdirSync(join(uploads, '2024/01'), { recursive: true });
    const jpeg = await sharp({ create: { width: 800, height: 533, channels: 3, background: { r: 20, g: 90, b: 140 } } }).jpeg().toBuffer();
    writeFileSync(join(uploads, '2024/01/night-ferry.jpg'), jpeg);
    writeFileSync(join(uploads, '2024/01/night-ferry-1024x683.jpg'), jpeg);
    const mediaEnv = { ...env, DATABASE_URL: `sqlite:${join(dir, 'media.db')}`, MEDIA_DIR: join(dir, 'media') };
    const run = () => runDateline(['import', '--from', 'wordpress', EXPORT, '--media', uploads, '--json'], { env: mediaEnv });
    const first = await run();
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: 10, skipped: { media: 1 } });
    const storage = await openStorage(mediaEnv.DATABASE_URL);
    try {
      const ferry = await storage.articles.findPublishedBySlug('night-ferry-returns');
      expect(ferry?.leadMediaId).toBeTruthy();
      expect(ferry?.lead?.url).toMatch(/^\/media\//);
      const image = ferry?.body.find((b) => b.type === 'image');
      expect(image).toMatchObject({ mediaId: expect.any(String) as unknown as string, url: expect.stringMatching(/^\/media\//) as unknown as string });
      expect(existsSync(join(dir, 'media'))).toBe(true);
      const storm = await storage.articles.findPublishedBySlug('storm-keeps-fleet-in-port');
      expect(storm?.body.find((b) => b.type === 'image')).toMatchObject({ mediaId: null, url: 'https://harbour-gazette.example/wp-content/uploads/2024/01/storm-640x427.jpg' });
      const photos = async () => (await storage.db.selectFrom('media').select('id').execute()).length;
      expect(await photos()).toBe(2);
      await run();
      expect(await photos()).toBe(2);
    } finally {
      await storage.close();
    }
  });
});

describe('topics for an imported archive', { timeout: 180_000 }, () => {
  it('queues every stored story; `dateline topics` suggests them after, once; --no-topics queues none', async () => {
    const url = `sqlite:${join(dir, 'topics.db')}`;
    const topicEnv = { ...env, DATABASE_URL: url };
    const first = await runDateline(['import', '--from', 'wordpress', EXPORT, '--json'], { env: topicEnv });
    expect(JSON.parse(first.stdout)).toMatchObject({ imported: 10, topicsQueued: 10 });
    const storage = await openStorage(url);
    try {
      const topicLinks = async () => storage.db.selectFrom('article_topics').innerJoin('topics', 'topics.id', 'article_topics.topic_id')
        .select(['article_topics.article_id', 'topics.slug', 'topics.kind', 'article_topics.accepted']).execute();
      const before = await topicLinks();
      expect((await storage.topicSuggestions.progress())).toMatchObject({ waiting: 10, queued: 10, done: 0 });

      const run = await runDateline(['topics', '--threads', '1', '--json'], { env: topicEnv });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout)).toMatchObject({ done: 10, failed: 0, waiting: 0, threads: 1 });
      const after = await topicLinks();
      // The export's tags stay; the suggester adds people, places and organisations beside them, never a slug twice per story.
      for (const link of before) expect(after).toContainEqual(link);
      const added = after.filter((l) => !before.some((b) => b.article_id === l.article_id && b.slug === l.slug));
      expect(added.length).toBeGreaterThan(0);
      expect(added.every((l) => ['person', 'place', 'organisation'].includes(l.kind))).toBe(true);
      expect(new Set(after.map((l) => `${l.article_id} ${l.slug}`)).size).toBe(after.length);

      // Nothing left: a second run does nothing; an unchanged re-import queues nothing.
      expect(JSON.parse((await runDateline(['topics', '--json'], { env: topicEnv })).stdout)).toMatchObject({ done: 0, waiting: 0 });
      expect(JSON.parse((await runDateline(['import', '--from', 'wordpress', EXPORT, '--json'], { env: topicEnv })).stdout)).toMatchObject({ imported: 0, topicsQueued: 0 });
    } finally {
      await storage.close();
    }
    const plain = await runDateline(['import', '--from', 'wordpress', EXPORT, '--no-topics', '--json'], { env: { ...env, DATABASE_URL: `sqlite:${join(dir, 'no-topics.db')}` } });
    expect(JSON.parse(plain.stdout)).toMatchObject({ imported: 10, topicsQueued: 0 });
  });
});
