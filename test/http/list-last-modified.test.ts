/**
 * Last-Modified and If-Modified-Since on every listing page (home, Latest, section, topic, author, search, in both
 * editions), through Fastify and through the cache fast path, and moving on when a story leaves a list.
 */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleFields } from '../../src/core/articles/article-fields.js';
import type { StaffUser } from '../../src/core/staff/staff-user.js';
import { addStaff } from '../support/newsroom-session.js';
import { CAPTURED_AT, createTestSite, type TestSite } from '../support/test-site.js';

let site: TestSite;
let editor: StaffUser;
let origin: string;
let at = CAPTURED_AT.getTime();

/** Moves the site's clock on by whole seconds (HTTP dates have no fractions). */
function tick(seconds = 10): void {
  at += seconds * 1000;
  site.clock.set(new Date(at));
}

async function act(id: string, action: 'publish' | 'unpublish' | 'update' | 'minor', change: Partial<ArticleFields> = {}): Promise<void> {
  const state = (await site.storage.articles.findState(id))!;
  await site.newsroom!.newsroom.act(editor, id, { action, fields: { ...state.fields, ...change }, note: action === 'update' ? 'More.' : action === 'unpublish' ? 'Withdrawn: legal review.' : null, scheduledAt: null, autosave: false, expectedVersion: state.version });
}

async function publish(headline: string): Promise<{ id: string; slug: string }> {
  const { id, slug } = await site.newsroom!.newsroom.createArticle(editor, {
    section: { slug: 'world', name: 'World' }, headline, highlights: ['Key point'], dateline: 'TOKYO',
    body: [{ type: 'paragraph', text: 'Body text.' }], topics: [{ slug: 'tokyo', name: '東京', kind: 'place' }],
  });
  await act(id, 'publish');
  return { id, slug };
}

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

let authorPath = '';
beforeAll(async () => {
  site = await createTestSite({ newsroom: true, arabic: true });
  editor = (await addStaff(site, 'editor', '王小明 📰 مراسل')).user;
  await site.app.listen({ port: 0, host: '127.0.0.1' });
  origin = `http://127.0.0.1:${(site.app.server.address() as AddressInfo).port}`;
  tick();
  const story = await publish('東京の新しい橋が開通 🌉');
  const author = (await site.storage.articles.findState(story.id))!.fields.authors[0]!;
  authorPath = `/author/${encodeURIComponent(author.slug)}`;
});
afterAll(async () => {
  await site?.close();
});

const LISTS = () => ['/', '/latest', '/section/world', '/topic/tokyo', authorPath, '/search?q=%E6%A9%8B', '/ar/', '/ar/latest'];

describe('Last-Modified on listing pages', () => {
  it('is sent by every list, and If-Modified-Since answers 304 through Fastify and through the cache fast path', async () => {
    for (const path of LISTS()) {
      site.deps.pageCache.clear();
      tick();
      const first = await get(path);
      expect(first.statusCode, path).toBe(200);
      const lastModified = first.headers['last-modified'] as string;
      expect(lastModified, path).toMatch(/GMT$/);
      expect(Date.parse(lastModified), path).toBeLessThanOrEqual(at);
      const fresh = await get(path, { 'if-modified-since': lastModified });
      expect(fresh.statusCode, path).toBe(304);
      expect(fresh.headers['last-modified'], path).toBe(lastModified);
      expect((await get(path, { 'if-modified-since': new Date(Date.parse(lastModified) - 1000).toUTCString() })).statusCode, path).toBe(200);
      // Over a socket, the fast path answers hits of parameterless pages before routing: the same validator, the same 304.
      if (!path.includes('?')) expect(site.deps.pageCache.get(decodeURIComponent(path)), path).not.toBeNull();
      const hit = await fetch(origin + path, { headers: { 'if-modified-since': lastModified } });
      expect(hit.status, path).toBe(304);
      expect(hit.headers.get('last-modified'), path).toBe(lastModified);
    }
  });

  it('moves on when a story is published into the list, updated, or taken out of it', async () => {
    const paths = ['/', '/latest', '/section/world', '/topic/tokyo', authorPath, '/search?q=%E6%A9%8B'];
    const before = new Map<string, string>();
    for (const path of paths) before.set(path, (await get(path)).headers['last-modified'] as string);

    tick();
    const older = await publish('北京 talks resume 🕊️');
    for (const path of paths) {
      const res = await get(path, { 'if-modified-since': before.get(path)! });
      expect(res.statusCode, `${path} after a publish`).toBe(200);
      before.set(path, res.headers['last-modified'] as string);
    }

    tick();
    const newest = await publish('橋の通行止め解除 — الجسر يعود');
    for (const path of paths) before.set(path, (await get(path)).headers['last-modified'] as string);

    // The newest story leaves every list: what remains is older than the Last-Modified readers hold, yet the list changed.
    tick();
    await act(newest.id, 'unpublish');
    for (const path of paths) {
      const res = await get(path, { 'if-modified-since': before.get(path)! });
      expect(res.statusCode, `${path} after an unpublish`).toBe(200);
      expect(res.body).not.toContain('橋の通行止め解除');
      expect(Date.parse(res.headers['last-modified'] as string)).toBe(at);
      before.set(path, res.headers['last-modified'] as string);
    }

    // A minor edit keeps the story's public update time, yet its page changed: its Last-Modified moves on.
    const articlePath = `/article/${encodeURIComponent(older.slug)}`;
    const beforeEdit = (await get(articlePath)).headers['last-modified'] as string;
    tick();
    await act(older.id, 'minor', { headline: '北京 talks resume 🕊️ (typo fixed)' });
    const edited = await get(articlePath, { 'if-modified-since': beforeEdit });
    expect(edited.statusCode).toBe(200);
    expect(edited.body).toContain('typo fixed');
    expect(edited.body).not.toContain('update-badge');
    expect((await get(articlePath, { 'if-modified-since': edited.headers['last-modified'] as string })).statusCode).toBe(304);

    // An update of an older story moves the section page on as well.
    const elsewhere = (await get('/section/world')).headers['last-modified'] as string;
    tick();
    await act(older.id, 'update', { headline: '北京 talks resume after a week 🕊️' });
    expect((await get('/section/world', { 'if-modified-since': elsewhere })).statusCode).toBe(200);
  });
});
