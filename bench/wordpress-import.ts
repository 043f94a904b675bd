/** @module Import throughput of a WordPress export (WXR) built from the bench corpus: the streaming reader, the body conversion and the batched store, without topics. */
import { randomBytes, randomUUID } from 'node:crypto';
import { closeSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { siteImportTransaction } from '../src/adapters/import/site-import-transaction.js';
import { readWordPressExport } from '../src/adapters/import/wordpress-export.js';
import { createSiteImportService } from '../src/core/site-import/site-import-service.js';
import { slugify } from '../src/core/shared/slug.js';
import { systemClock } from '../src/main/app-services.js';
import { openStorage } from '../src/main/storage.js';
import type { RealArticle } from './corpus.js';

const cdata = (text: string): string => `<![CDATA[${text.replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
const escapeXml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One post as WordPress 6 writes it: Gutenberg paragraphs, a category, tags, dates in GMT, a permalink. */
function wxrItem(story: RealArticle, i: number): string {
  const day = new Date(Date.UTC(2015, 0, 1) + i * 37 * 60_000);
  const date = day.toISOString().slice(0, 19).replace('T', ' ');
  const slug = `${slugify(story.headline)}-${i}`;
  const ymd = date.slice(0, 10).replaceAll('-', '/');
  const body = story.paragraphs.map((p) => `<!-- wp:paragraph -->\n<p>${escapeXml(p)}</p>\n<!-- /wp:paragraph -->`).join('\n\n');
  const category = story.category ?? 'News';
  const tags = story.tags.slice(0, 3).map((t) => `\n\t\t<category domain="post_tag" nicename="${escapeXml(slugify(t))}">${cdata(t)}</category>`).join('');
  return `
	<item>
		<title>${cdata(`${story.headline} ${i}`)}</title>
		<link>https://bench.example/${ymd}/${encodeURIComponent(slug)}/</link>
		<pubDate>${day.toUTCString().replace('GMT', '+0000')}</pubDate>
		<dc:creator>${cdata(`writer${i % 40}`)}</dc:creator>
		<guid isPermaLink="false">https://bench.example/?p=${i + 10}</guid>
		<description></description>
		<content:encoded>${cdata(body)}</content:encoded>
		<excerpt:encoded>${cdata('')}</excerpt:encoded>
		<wp:post_id>${i + 10}</wp:post_id>
		<wp:post_date>${cdata(date)}</wp:post_date>
		<wp:post_date_gmt>${cdata(date)}</wp:post_date_gmt>
		<wp:post_modified>${cdata(date)}</wp:post_modified>
		<wp:post_modified_gmt>${cdata(date)}</wp:post_modified_gmt>
		<wp:post_name>${cdata(encodeURIComponent(slug))}</wp:post_name>
		<wp:status>${cdata('publish')}</wp:status>
		<wp:post_type>${cdata('post')}</wp:post_type>
		<category domain="category" nicename="${escapeXml(slugify(category))}">${cdata(category)}</category>${tags}
	</item>`;
}

/** Writes `count` corpus stories as one WXR file, a chunk at a time. */
export function writeCorpusWxr(real: RealArticle[], count: number, path: string): void {
  const fd = openSync(path, 'w');
  try {
    writeSync(fd, `<?xml version="1.0" encoding="UTF-8" ?>\n<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">\n<channel>\n\t<title>Bench</title>\n\t<link>https://bench.example</link>\n\t<wp:wxr_version>1.2</wp:wxr_version>\n\t<wp:base_site_url>https://bench.example</wp:base_site_url>\n`);
    const authors = Array.from({ length: 40 }, (_, k) => `\t<wp:author><wp:author_id>${k + 1}</wp:author_id><wp:author_login>${cdata(`writer${k}`)}</wp:author_login><wp:author_display_name>${cdata(`Writer ${k}`)}</wp:author_display_name></wp:author>\n`);
    writeSync(fd, authors.join(''));
    const usable = real.filter((s) => s.paragraphs.length > 0);
    for (let from = 0; from < count; from += 1_000) {
      const chunk: string[] = [];
      for (let i = from; i < Math.min(count, from + 1_000); i++) chunk.push(wxrItem(usable[i % usable.length]!, i));
      writeSync(fd, chunk.join(''));
    }
    writeSync(fd, '\n</channel>\n</rss>\n');
  } finally {
    closeSync(fd);
  }
}

export interface WordPressImportFigures {
  postsPerSecond: number;
  seconds: number;
  megabytes: number;
}

/** Imports `count` posts into a fresh SQLite file (topic suggestion left for later, as archives are imported). */
export async function measureWordPressImport(real: RealArticle[], count: number, dir: string, log: (line: string) => void): Promise<WordPressImportFigures> {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `wordpress-${count}.xml`);
  const db = join(dir, 'wordpress-import.db');
  writeCorpusWxr(real, count, file);
  for (const suffix of ['', '-wal', '-shm', '-reads', '-readers']) rmSync(db + suffix, { force: true });
  const storage = await openStorage(`sqlite:${db}`);
  try {
    const service = createSiteImportService({
      transaction: siteImportTransaction(storage.db, storage.searchWriter),
      ids: { newId: () => randomUUID() }, randomBytes: (n) => randomBytes(n), clock: systemClock,
    });
    const started = performance.now();
    const summary = await service.importRecords(readWordPressExport(file), {
      defaultSection: { slug: 'news', name: 'News' },
      onProgress: (n) => { if (n % 20_000 === 0) log(`  wordpress import: ${n} / ${count} posts`); },
    });
    const seconds = (performance.now() - started) / 1000;
    if (summary.imported !== count) throw new Error(`imported ${summary.imported} of ${count}: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    return { postsPerSecond: count / seconds, seconds, megabytes: statSync(file).size / 1_048_576 };
  } finally {
    await storage.close();
    for (const suffix of ['', '-wal', '-shm', '-reads', '-readers']) rmSync(db + suffix, { force: true });
    rmSync(file, { force: true });
  }
}
