/**
 * @module Ghost exports read as a stream: posts before their relations (as Ghost writes them) or after, tags and
 * authors by id, archives at their old slugs, Ghost 1.x exports, bad posts by id, broken JSON by line, and a
 * generated export of a few thousand posts imported with the reader's memory flat.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { createSiteImportService } from '../../core/site-import/site-import-service.js';
import type { SiteExportRecord, SitePost } from '../../core/site-import/site-post.js';
import { fixedClock } from '../../core/shared/clock.js';
import { openStorage } from '../../main/storage.js';
import { readGhostExport } from './ghost-export.js';
import { siteImportTransaction } from './site-import-transaction.js';

/** V8's full collection, for reading what the heap holds (the test runner does not start Node with --expose-gc). */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

const dir = mkdtempSync(join(tmpdir(), 'dateline-ghost-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

type Tables = Record<string, unknown[]>;
/** The order Ghost's exporter writes tables in: the database's, `posts` before the tables that relate to it. */
const GHOST_ORDER = ['posts', 'posts_authors', 'posts_meta', 'posts_tags', 'roles', 'settings', 'tags', 'users'];

let files = 0;
function writeExport(tables: Tables, order: string[], options: { bare?: boolean; indent?: number } = {}): string {
  const data = Object.fromEntries(order.filter((t) => t in tables).map((t) => [t, tables[t]]));
  const document = options.bare ? { meta: { version: '1.25.0' }, data } : { db: [{ meta: { exported_on: 1765015200000, version: '5.75.0' }, data }] };
  const file = join(dir, `export-${files++}.json`);
  writeFileSync(file, JSON.stringify(document, null, options.indent));
  return file;
}

async function recordsOf(file: string): Promise<SiteExportRecord[]> {
  const out: SiteExportRecord[] = [];
  for await (const record of readGhostExport(file)) out.push(record);
  return out;
}

const posts = (records: SiteExportRecord[]): SitePost[] => records.flatMap((r) => (r.kind === 'post' ? [r.post] : []));
const problems = (records: SiteExportRecord[]) => records.flatMap((r) => (r.kind === 'problem' ? [r.problem] : []));

const paragraph = (text: string) => ({ children: [{ text, type: 'extended-text', version: 1 }], type: 'paragraph', version: 1 });
const SITE: Tables = {
  posts: [
    {
      id: '6570a1', title: 'افتتاح ميناء صيدا', slug: 'iftitah-mina-saida', lexical: JSON.stringify({ root: { children: [paragraph('افتتح الميناء الجديد صباح اليوم.')] } }),
      html: null, mobiledoc: null, feature_image: 'https://ghost.example/content/images/2024/05/saida.jpg', status: 'published', type: 'post',
      published_at: '2024-05-01T07:00:00.000Z', updated_at: '2024-05-02T08:00:00.000Z', custom_excerpt: 'ميناء جديد',
    },
    {
      id: '6570a2', title: 'Паром вернулся 🚢', slug: 'parom', lexical: null, html: '<p>Паром «Островитянин» вернулся 🚢.</p><h2>Расписание</h2>', mobiledoc: null,
      feature_image: null, status: 'published', type: 'post', published_at: '2024-05-03T07:00:00.000Z', updated_at: null, custom_excerpt: null,
    },
    { id: '6570a3', title: 'About', slug: 'about', html: '<p>Us.</p>', status: 'published', type: 'page', published_at: '2024-01-01T00:00:00.000Z' },
  ],
  posts_authors: [
    { id: 'pa1', post_id: '6570a1', author_id: 'u1', sort_order: 0 },
    { id: 'pa2', post_id: '6570a2', author_id: 'u2', sort_order: 1 },
    { id: 'pa3', post_id: '6570a2', author_id: 'u1', sort_order: 0 },
  ],
  posts_meta: [{ id: 'pm1', post_id: '6570a1', feature_image_alt: 'رصيف الميناء', feature_image_caption: 'الميناء <b>الجديد</b>', meta_title: null }],
  posts_tags: [
    { id: 'pt1', post_id: '6570a1', tag_id: 't2', sort_order: 1 },
    { id: 'pt2', post_id: '6570a1', tag_id: 't1', sort_order: 0 },
    { id: 'pt3', post_id: '6570a1', tag_id: 't9', sort_order: 2 },
    { id: 'pt4', post_id: '6570a2', tag_id: 't3', sort_order: 0 },
  ],
  roles: [{ id: 'r1', name: 'Administrator' }],
  settings: [{ id: 's1', key: 'title', value: 'Harbour' }],
  tags: [
    { id: 't1', name: 'الساحل', slug: 'الساحل', visibility: 'public' },
    { id: 't2', name: 'Ports', slug: 'ports', visibility: 'public' },
    { id: 't9', name: '#feature', slug: 'hash-feature', visibility: 'internal' },
    { id: 't3', name: 'Паромы', slug: 'paromy', visibility: 'public' },
  ],
  users: [
    { id: 'u1', name: 'Ольга Петрова', slug: 'olga', email: 'olga@ghost.example' },
    { id: 'u2', name: 'Sami Haddad', slug: 'sami-haddad', email: 'sami@ghost.example' },
  ],
};

describe('readGhostExport', () => {
  it('reads posts before their relations, as Ghost writes them, and after them alike', async () => {
    const ghost = await recordsOf(writeExport(SITE, GHOST_ORDER));
    // The same records either way (archives in the order their terms were first named).
    const reversed = await recordsOf(writeExport(SITE, [...GHOST_ORDER].reverse(), { indent: 2 }));
    const byKind = (records: SiteExportRecord[]) => [records.filter((r) => r.kind !== 'term-url'), records.filter((r) => r.kind === 'term-url').map((r) => JSON.stringify(r)).sort()];
    expect(byKind(reversed)).toEqual(byKind(ghost));
    expect(problems(ghost)).toEqual([]);
    const [saida, parom] = posts(ghost);
    expect(saida).toMatchObject({
      sourceKey: 'ghost:6570a1', title: 'افتتاح ميناء صيدا', status: 'published', section: { slug: 'الساحل', name: 'الساحل' }, topics: [{ slug: 'ports' }],
      authors: [{ slug: 'ольга-петрова', name: 'Ольга Петрова' }], excerpt: 'ميناء جديد', oldPaths: ['/iftitah-mina-saida'],
      lead: { url: 'https://ghost.example/content/images/2024/05/saida.jpg', alt: 'رصيف الميناء', caption: 'الميناء الجديد' },
      body: [{ type: 'paragraph', text: 'افتتح الميناء الجديد صباح اليوم.' }],
    });
    expect(saida!.publishedAt).toEqual(new Date('2024-05-01T07:00:00Z'));
    // Authors in Ghost's sort order; the internal tag (#feature) is neither section nor topic.
    expect(parom).toMatchObject({ authors: [{ name: 'Ольга Петрова' }, { name: 'Sami Haddad' }], section: { slug: 'paromy' }, topics: [] });
    expect(parom!.body.map((b) => b.type)).toEqual(['paragraph', 'heading']);
    // The About page is the edition's About page now (no page left out).
    expect(ghost.filter((r) => r.kind === 'skipped')).toEqual([]);
    expect(ghost.filter((r) => r.kind === 'page')).toEqual([{ kind: 'page', page: { sourceKey: 'ghost:6570a3', sourceId: '6570a3', line: 0, kind: 'about', title: 'About', body: [{ type: 'paragraph', text: 'Us.' }], oldPaths: ['/about'] } }]);
    // Archives at the old site's slugs, pointing at the new ones: `/author/olga/` is Ольга Петрова's page now.
    const urls = ghost.flatMap((r) => (r.kind === 'term-url' ? [r.url] : []));
    expect(urls).toContainEqual({ path: '/author/olga', kind: 'author', target: 'ольга-петрова' });
    expect(urls).toContainEqual({ path: '/tag/الساحل', kind: 'section', target: 'الساحل' });
    expect(urls).toContainEqual({ path: '/tag/paromy', kind: 'topic', target: 'paromy' });
    expect(urls.some((u) => u.path.includes('hash-feature'))).toBe(false);
  });

  it('Ghost 5\'s __GHOST_URL__ placeholder: resolved with the old site\'s address, else the feature image is left out and counted', async () => {
    const file = writeExport({
      posts: [{
        id: '6570b1', title: 'Ферри 港口', slug: 'ferry', html: '<p>Text.</p><figure><img src="__GHOST_URL__/content/images/2024/06/quay.jpg" alt="Quay"></figure>', lexical: null, mobiledoc: null,
        feature_image: '__GHOST_URL__/content/images/2024/06/ferry.jpg', status: 'published', type: 'post', published_at: '2024-06-01T07:00:00.000Z', updated_at: null, custom_excerpt: null,
      }],
    }, GHOST_ORDER);
    const unresolved = await recordsOf(file);
    expect(posts(unresolved)[0]!.lead).toBeNull();
    expect(unresolved).toContainEqual({ kind: 'skipped', what: 'media', count: 1 });
    const resolved: SiteExportRecord[] = [];
    for await (const record of readGhostExport(file, { siteUrl: 'https://old.example/' })) resolved.push(record);
    const [post] = posts(resolved);
    expect(post!.lead?.url).toBe('https://old.example/content/images/2024/06/ferry.jpg');
    expect(post!.body).toContainEqual(expect.objectContaining({ type: 'image', url: 'https://old.example/content/images/2024/06/quay.jpg' }));
    expect(resolved.filter((r) => r.kind === 'skipped')).toEqual([]);
  });

  it('a bad post is reported by its id, and the others import', async () => {
    const file = writeExport({
      ...SITE,
      posts: [
        { id: 'bad1', title: 'Odd', slug: 'odd', html: '<p>x</p>', status: 'archived', type: 'post', published_at: '2024-05-01T07:00:00.000Z' },
        { id: 'bad2', title: 'Broken Lexical', slug: 'broken', lexical: '{"root": {', status: 'published', type: 'post', published_at: '2024-05-01T07:00:00.000Z' },
        { id: 'bad3', title: 'Undated', slug: 'undated', html: '<p>x</p>', status: 'published', type: 'post', published_at: null },
        { title: 'No id', slug: 'no-id', html: '<p>x</p>', status: 'published' },
        ...SITE.posts!,
      ],
    }, GHOST_ORDER);
    const records = await recordsOf(file);
    expect(problems(records).map((p) => [p.id, p.message])).toEqual([
      ['bad1', expect.stringContaining('"archived"')],
      ['bad2', expect.stringContaining('does not parse')],
      ['bad3', expect.stringContaining('no published_at')],
      [null, expect.stringContaining('posts[3] is not a Ghost post')],
    ]);
    expect(posts(records).map((p) => p.sourceId)).toEqual(['6570a1', '6570a2']);
  });

  it('a file that breaks mid-way is one problem naming the line, and nothing of it imports', async () => {
    const text = JSON.stringify({ db: [{ meta: {}, data: SITE }] }, null, 2);
    const at = text.indexOf('"Паром вернулся');
    const file = join(dir, 'broken.json');
    writeFileSync(file, `${text.slice(0, at)}@@${text.slice(at)}`);
    const records = await recordsOf(file);
    expect(records).toHaveLength(1);
    const line = text.slice(0, at).split('\n').length;
    expect(records[0]).toMatchObject({ kind: 'problem', problem: { id: null, line } });
    expect(problems(records)[0]!.message).toContain(`at line ${line}`);
  });

  it('JSON that is no Ghost export, and a missing file', async () => {
    const file = join(dir, 'not-ghost.json');
    writeFileSync(file, JSON.stringify({ posts: [{ id: '1' }] }));
    expect(await recordsOf(file)).toEqual([{ kind: 'problem', problem: { line: 0, id: null, message: expect.stringContaining('not a Ghost export') } }]);
    await expect(recordsOf(join(dir, 'missing.json'))).rejects.toThrow(/ENOENT/);
  });

  it('reads a Ghost 1.x export: no db wrapper, numeric ids, times in milliseconds, the author on the post, pages flagged', async () => {
    const file = writeExport({
      posts: [
        { id: 1, title: 'Old post', slug: 'old-post', html: '<p>From 2017.</p>', status: 'published', page: 0, author_id: 7, published_at: 1500000000000, updated_at: 1500000600000 },
        { id: 2, title: 'Colophon', slug: 'colophon', html: '<p>Page.</p>', status: 'published', page: 1, author_id: 7, published_at: 1500000000000 },
      ],
      users: [{ id: 7, name: 'Ada Lovelace', slug: 'ada' }],
      tags: [{ id: 3, name: 'Archive', slug: 'archive' }],
      posts_tags: [{ id: 1, post_id: 1, tag_id: 3 }],
    }, GHOST_ORDER, { bare: true });
    const records = await recordsOf(file);
    expect(posts(records)).toMatchObject([{ sourceId: '1', authors: [{ slug: 'ada-lovelace' }], section: { slug: 'archive' }, publishedAt: new Date(1500000000000) }]);
    expect(records).toContainEqual({ kind: 'skipped', what: 'pages', count: 1 });
    expect(records).toContainEqual({ kind: 'term-url', url: { path: '/author/ada', kind: 'author', target: 'ada-lovelace' } });
  });
});

describe('a generated Ghost export of a few thousand posts', { timeout: 120_000 }, () => {
  const COUNT = 3_000;
  const words = 'Трамвай вернулся на набережную; الميناء مفتوح اليوم 🚢 and the harbour ferries run again on the winter timetable.';

  it('imports every post, relations read in a first pass, while the reader holds one post at a time', async () => {
    // About 10 kB of HTML and as much Lexical a post: a file of some 60 MB, far more than the reader may hold.
    const body = Array.from({ length: 20 }, (_, k) => `${words} ${k}`.repeat(4));
    const tables: Tables = {
      posts: Array.from({ length: COUNT }, (_, i) => ({
        id: `p${i}`, title: `Harbour day ${i}`, slug: `harbour-day-${i}`, status: 'published', type: 'post', published_at: new Date(Date.UTC(2020, 0, 1) + i * 3_600_000).toISOString(),
        html: body.map((p) => `<p>${p}</p>`).join(''), lexical: JSON.stringify({ root: { children: body.map(paragraph) } }),
      })),
      posts_authors: Array.from({ length: COUNT }, (_, i) => ({ id: `pa${i}`, post_id: `p${i}`, author_id: `u${i % 7}`, sort_order: 0 })),
      posts_tags: Array.from({ length: COUNT }, (_, i) => ({ id: `pt${i}`, post_id: `p${i}`, tag_id: `t${i % 5}`, sort_order: 0 })),
      tags: Array.from({ length: 5 }, (_, k) => ({ id: `t${k}`, name: `Coast ${k}`, slug: `coast-${k}`, visibility: 'public' })),
      users: Array.from({ length: 7 }, (_, k) => ({ id: `u${k}`, name: `Writer ${k}`, slug: `writer${k}` })),
    };
    const file = writeExport(tables, GHOST_ORDER);
    delete tables.posts;
    const size = statSync(file).size;
    expect(size).toBeGreaterThan(50 * 1_048_576);

    const storage = await openStorage('sqlite::memory:');
    try {
      const service = createSiteImportService({
        transaction: siteImportTransaction(storage.db, storage.searchWriter),
        ids: { newId: () => randomUUID() }, randomBytes: (n) => randomBytes(n), clock: fixedClock(new Date('2026-12-06T10:00:00Z')),
      });
      // Heap still in use after a full collection, read as the records stream by (garbage not yet collected says
      // nothing); the import's own batch of posts is part of it.
      const gc = collector();
      gc();
      const start = process.memoryUsage().heapUsed;
      let peak = 0;
      async function* sampled(): AsyncGenerator<SiteExportRecord> {
        let n = 0;
        for await (const record of readGhostExport(file)) {
          if (n++ % 250 === 0) {
            gc();
            peak = Math.max(peak, process.memoryUsage().heapUsed - start);
          }
          yield record;
        }
      }
      const summary = await service.importRecords(sampled(), { defaultSection: { slug: 'news', name: 'News' }, batchSize: 100 });
      expect(summary).toMatchObject({ imported: COUNT, failed: 0 });
      const story = await storage.articles.findPublishedBySlug('harbour-day-2999');
      expect(story).toMatchObject({ section: { slug: 'coast-4' }, authors: [{ slug: 'writer-3' }] });
      // JSON.parse would hold the whole document (more than the file's size as strings); the stream holds a post and a batch.
      expect(peak).toBeLessThan(size / 4);
    } finally {
      await storage.close();
    }
  });
});
