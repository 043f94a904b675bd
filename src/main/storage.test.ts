import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStorage, type Storage } from './storage.js';
import { makeArticle } from '../../test/support/make-article.js';

describe('two processes on one SQLite file (serve --workers)', () => {
  const opened: Storage[] = [];
  let dir = '';
  afterEach(async () => {
    for (const storage of opened.splice(0)) await storage.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function twoOnOneFile(): Promise<[Storage, Storage]> {
    dir = mkdtempSync(join(tmpdir(), 'dateline-storage-'));
    const url = `sqlite:${join(dir, 'site.db')}`;
    const first = await openStorage(url);
    const second = await openStorage(url);
    opened.push(first, second);
    return [first, second];
  }

  it('a story written by one process changes the other one\'s generation, so its page cache drops', async () => {
    const [writer, reader] = await twoOnOneFile();
    const before = reader.generation();
    await writer.articles.insert(makeArticle({ headline: 'خبر من الرياض 📰' }));
    expect(reader.generation()).not.toBe(before);
  });

  it('most-read counts flushed by one process leave the other one\'s page cache alone, and both see the counts', async () => {
    const [flusher, reader] = await twoOnOneFile();
    const before = reader.generation();
    await flusher.readCounts.add([{ articleId: 'a1', edition: 'en', reads: 3 }, { articleId: 'a2', edition: 'ar', reads: 5 }], 480_000);
    await flusher.readCounts.add([{ articleId: 'a1', edition: 'en', reads: 2 }], 480_001);
    expect(reader.generation()).toBe(before);
    expect(await reader.readCounts.top('en', { fromHour: 479_990, toHour: 480_001 }, 10)).toEqual([{ articleId: 'a1', reads: 5 }]);
    expect(await reader.readCounts.top('ar', { fromHour: 479_990, toHour: 480_001 }, 10)).toEqual([{ articleId: 'a2', reads: 5 }]);
  });
});
