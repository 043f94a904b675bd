/** `dateline ingest` and `dateline wire …` end to end, from source with tsx, on the wire and feed fixtures. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fixturePath } from '../support/fixture-path.js';
import { runDateline, type CliRun } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'dateline-ingest-cli-'));
const env = { ...process.env, DATA_DIR: dir, DATABASE_URL: `sqlite:${join(dir, 'cli.db')}`, LOG_LEVEL: 'silent' };
const WIRE = fixturePath('wire');
const FEEDS = fixturePath('feeds');

afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dateline(...args: string[]): Promise<CliRun> {
  return runDateline(args, { env });
}

describe('dateline ingest', { timeout: 120_000 }, () => {
  it('ingests folders recursively with one JSON summary, then finds only duplicates on the second run', async () => {
    const first = await dateline('ingest', WIRE, FEEDS, '--json');
    expect(first.code).toBe(1);
    const summary = JSON.parse(first.stdout) as { ingested: number; updated: number; duplicates: number; stale: number; failed: number; errors: { file: string; message: string }[] };
    expect(Object.keys(summary)).toEqual(['ingested', 'updated', 'duplicates', 'stale', 'failed', 'errors']);
    expect(summary).toMatchObject({ ingested: 340, updated: 4, duplicates: 20, failed: 13 });
    expect(summary.errors).toContainEqual({ file: join(FEEDS, 'missing-fields.atom'), message: expect.stringMatching(/no readable item/) as unknown as string });
    expect(summary.errors.every((e) => !e.message.startsWith(e.file))).toBe(true);
    const second = JSON.parse((await dateline('ingest', WIRE, FEEDS, '--json')).stdout) as typeof summary;
    expect(second).toMatchObject({ ingested: 0, updated: 0, duplicates: 364, failed: 13 });
  });

  it('counts an older version that arrives after a newer one as stale, apart from identical resends', async () => {
    const folder = join(dir, 'versions');
    mkdirSync(folder, { recursive: true });
    const version = (v: number, text: string) => JSON.stringify({
      uri: 'urn:cli:stale-1', version: String(v), type: 'text', headline: `Версия ${v}: 台風が上陸 🌀`, body_html: `<p>${text}</p>`,
      versioncreated: `2025-01-17T1${v}:00:00Z`,
    });
    // Files are read in name order: the newest version first, then an older one, then the newest again.
    writeFileSync(join(folder, 'a-v2.json'), version(2, 'The typhoon made landfall at dawn, the agency said.'));
    writeFileSync(join(folder, 'b-v1.json'), version(1, 'A typhoon is approaching the coast.'));
    writeFileSync(join(folder, 'c-v2-again.json'), version(2, 'The typhoon made landfall at dawn, the agency said.'));
    const run = await dateline('ingest', folder, '--json');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ ingested: 1, updated: 0, duplicates: 1, stale: 1, failed: 0, errors: [] });
    // A second run sees every copy already stored: the stale one is a duplicate of what history holds.
    expect(JSON.parse((await dateline('ingest', folder, '--json')).stdout)).toMatchObject({ ingested: 0, duplicates: 3, stale: 0 });
  });

  it('ingests a single good file with exit code 0 and lists the queue', async () => {
    const result = await dateline('ingest', join(FEEDS, 'heraldsun.rss'));
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Ingested \d+ new, \d+ updated, \d+ already present, \d+ older versions kept in history, 0 failed, from 1 files in [\d.]+ s\.\n$/);
    const list = JSON.parse((await dateline('wire', 'list', '--json', '--limit', '5')).stdout) as Record<string, unknown>[];
    expect(list).toHaveLength(5);
    expect(Object.keys(list[0]!)).toEqual(['id', 'agency', 'agencyId', 'version', 'headline', 'dateline', 'receivedAt', 'clusterId', 'status']);
  });

  it('adds sources, printing a push token once, and lists them', async () => {
    const push = await dateline('wire', 'source', 'add', '--name', 'AP Push', '--kind', 'push');
    expect(push.code).toBe(0);
    expect(push.stdout).toMatch(/Bearer token \(shown once, store it now\): [0-9a-f]{64}/);
    expect((await dateline('wire', 'source', 'add', '--name', 'Local', '--kind', 'feed', '--url', 'http://127.0.0.1:9/feed', '--every', '60', '--allow-private')).code).toBe(0);
    const sources = JSON.parse((await dateline('wire', 'source', 'list', '--json')).stdout) as { slug: string; allowPrivate: boolean }[];
    expect(sources.map((s) => [s.slug, s.allowPrivate])).toEqual([['ap-push', false], ['local', true]]);
    // Port 9 (discard) refuses the connection: a per-source error, exit code 1, and the source backs off.
    const poll = await dateline('wire', 'poll', '--once', '--json');
    expect(poll.code).toBe(1);
    expect(JSON.parse(poll.stdout)).toEqual([expect.objectContaining({ source: 'local', status: 'error' })]);
    const after = JSON.parse((await dateline('wire', 'source', 'list', '--json')).stdout) as { slug: string; failures: number; lastError: string | null }[];
    expect(after[1]).toMatchObject({ failures: 1, lastError: expect.stringMatching(/127\.0\.0\.1/) as unknown as string });
  });

  it('rejects bad arguments with exit code 2', async () => {
    expect((await dateline('ingest')).code).toBe(2);
    expect((await dateline('wire', 'list', '--limit', 'x')).code).toBe(2);
    expect((await dateline('wire', 'source', 'add', '--name', 'X', '--kind', 'smoke')).code).toBe(2);
    expect((await dateline('wire', 'frobnicate')).stderr).toMatch(/unknown wire command/);
    const missing = await dateline('ingest', join(dir, 'nope'), '--json');
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout).errors[0].message).toMatch(/cannot read/);
  });
});
