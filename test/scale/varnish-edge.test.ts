/**
 * Debian's varnishd with deploy/varnish/dateline.vcl in front of a live Dateline with the newsroom: pages are
 * served from the edge, a publish, update or unpublish purges exactly the story's surrogate keys (xkey), and
 * the newsroom never enters the cache. Skipped, saying why, where varnishd or the xkey vmod is missing (a failure
 * with TEST_VARNISH_REQUIRED=1).
 */
import { get, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffUser } from '../../src/core/staff/staff-user.js';
import type { ArticleFields } from '../../src/core/articles/article-fields.js';
import { createVarnishPurger } from '../../src/adapters/edge/varnish-purger.js';
import { subscribeEdgePurge } from '../../src/main/edge-purge.js';
import { startLiveSite, type LiveSite } from '../e2e/browser-support.js';
import { varnishMissingReason } from '../support/varnish-installation.js';
import { collectingPurgeLog, eventually, isHit, startVarnish, stopVarnish, type Varnish } from '../support/varnish-edge.js';
const missing = varnishMissingReason('Varnish edge tests', ['xkey']);

describe.skipIf(missing !== null)(`Varnish with dateline.vcl in front of Dateline${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let live: LiveSite;
  let varnish: Varnish | undefined;
  let purging: ReturnType<typeof subscribeEdgePurge>;
  let editor: StaffUser;
  const { entries: purgeLog, log } = collectingPurgeLog();

  beforeAll(async () => {
    live = await startLiveSite({ newsroom: true });
    try {
      varnish = await startVarnish(Number(new URL(live.origin).port));
      // What serve() does with EDGE_PURGE_URL set.
      purging = subscribeEdgePurge(live.site.newsroom!.events, { purgers: [createVarnishPurger(`${varnish.origin}/`)], logger: log });
      editor = await live.site.newsroom!.auth.addUser({ email: 'edge@news.test', name: 'Edge Editor', role: 'editor', password: 'a long password here' });
    } catch (error) {
      await stopVarnish(varnish);
      await live.close();
      throw error;
    }
  });

  afterAll(async () => {
    purging?.stop();
    await stopVarnish(varnish);
    await live?.close();
  });

  const viaVarnish = (path: string, headers: Record<string, string> = {}) => fetch(`${varnish!.origin}${path}`, { headers, redirect: 'manual' });

  async function act(id: string, action: 'publish' | 'update' | 'unpublish', change: Partial<ArticleFields> = {}, note: string | null = null) {
    const state = (await live.site.storage.articles.findState(id))!;
    await live.site.newsroom!.newsroom.act(editor, id, { action, fields: { ...state.fields, ...change }, note, scheduledAt: null, autosave: false, expectedVersion: state.version });
    // The purge runs beside the publish; wait for it (and fail on a purge error) before reading through the edge.
    await purging.settled();
    expect(purgeLog.filter((l) => l.level !== 'info')).toEqual([]);
  }

  it('serves the second request for a page from the cache, with browsers told max-age only', async () => {
    const first = await viaVarnish('/');
    expect(first.status).toBe(200);
    expect(isHit(first)).toBe(false);
    const second = await viaVarnish('/');
    expect(isHit(second)).toBe(true);
    // Age is how long the copy has sat in the cache: present on a hit, whole seconds.
    expect(second.headers.get('age')).toMatch(/^\d+$/);
    expect(second.headers.get('cache-control')).toBe('public, max-age=10');
    expect(second.headers.get('xkey')).toBeNull();
    expect(await second.text()).toBe(await first.text());
  });

  it('purges the home page and the story at the edge on publish, update and unpublish; other pages stay cached', async () => {
    const { id } = await live.site.newsroom!.newsroom.createArticle(editor, {
      section: { slug: 'world', name: 'World' }, headline: 'Edge cache drops the home page on publish',
      highlights: ['Purged by surrogate key'], body: [{ type: 'paragraph', text: 'Readers see it at once.' }], dateline: 'OSLO',
    });
    const slug = (await live.site.storage.articles.findState(id))!.slug;
    const latest = await viaVarnish('/latest');
    expect(latest.status).toBe(200);
    await viaVarnish('/robots.txt');
    expect(await (await viaVarnish('/')).text()).not.toContain('Edge cache drops the home page');
    expect(isHit(await viaVarnish('/'))).toBe(true);
    // A 404 is never stored at the edge, so the story's page is fresh the moment it exists.
    expect((await viaVarnish(`/article/${slug}`)).status).toBe(404);

    await act(id, 'publish');
    const home = await viaVarnish('/');
    expect(isHit(home)).toBe(false);
    expect(await home.text()).toContain('Edge cache drops the home page on publish');
    const article = await viaVarnish(`/article/${slug}`);
    expect(article.status).toBe(200);
    expect(await article.text()).toContain('OSLO');
    expect(isHit(await viaVarnish(`/article/${slug}`))).toBe(true);
    // robots.txt names no story: untouched by the purge.
    expect(isHit(await viaVarnish('/robots.txt'))).toBe(true);

    await act(id, 'update', { headline: 'Edge cache drops the article page on update' }, 'Headline changed.');
    const updated = await viaVarnish(`/article/${slug}`);
    expect(isHit(updated)).toBe(false);
    expect(await updated.text()).toContain('Edge cache drops the article page on update');

    await act(id, 'unpublish', {}, 'Withdrawn: legal review.');
    const gone = await viaVarnish(`/article/${slug}`);
    expect(gone.status).toBe(410);
    expect(gone.headers.get('cache-control')).toBe('private, no-store');
    expect(await (await viaVarnish('/')).text()).not.toContain('Edge cache drops the article page');
    expect((await viaVarnish(`/article/${slug}`)).status).toBe(410);
  });

  it('never caches the newsroom, nor any request of a signed-in member of staff', async () => {
    for (let i = 0; i < 2; i++) {
      const login = await viaVarnish('/newsroom/login');
      expect(login.status).toBe(200);
      expect(login.headers.get('cache-control')).toBe('private, no-store');
      expect(isHit(login)).toBe(false);
      // The login form's CSRF cookie passes through: Varnish strips cookies only on reader pages.
      expect(login.headers.get('set-cookie')).not.toBeNull();
    }
    await viaVarnish('/latest');
    expect(isHit(await viaVarnish('/latest'))).toBe(true);
    expect(isHit(await viaVarnish('/latest', { cookie: 'dl_session=someone' }))).toBe(false);
    // Any other cookie is stripped, so readers with analytics cookies still share the cached page.
    expect(isHit(await viaVarnish('/latest', { cookie: '_ga=GA1.2.3' }))).toBe(true);
  });

  it('passes a signed-in reader’s account pages with the session cookie and caches story lists for them as for everyone', async () => {
    const accounts = live.site.deps.readerAccounts!;
    expect((await accounts.requestSignInLink('edge-reader@news.test', 'en', '127.0.0.1')).ok).toBe(true);
    const rows = await live.site.storage.readerDb.selectFrom('deliveries').select('payload').where('recipient', '=', 'edge-reader@news.test').execute();
    const link = JSON.parse(rows.at(-1)!.payload) as { token: string };
    const signedIn = await accounts.verifySignInLink(link.token);
    if (!signedIn.ok) throw new Error(`sign-in refused: ${signedIn.reason}`);
    const cookie = `dateline_reader=${signedIn.value.token}`;
    for (let i = 0; i < 2; i++) {
      const follows = await viaVarnish('/account/follows', { cookie });
      expect(isHit(follows)).toBe(false);
      expect(await follows.json()).toMatchObject({ signedIn: true });
      const page = await viaVarnish('/account', { cookie });
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toContain('no-store');
      expect(await page.text()).toContain('edge-reader@news.test');
    }
    // Without the cookie the same address is the signed-out page (Varnish stored nothing of the reader's).
    expect(await (await viaVarnish('/account/follows')).json()).toMatchObject({ signedIn: false });
    // Story lists read no reader cookie: a signed-in reader shares everyone's cached copy.
    await viaVarnish('/latest');
    expect(isHit(await viaVarnish('/latest', { cookie }))).toBe(true);
  });

  it('pipes the live stream (/live) straight through: headers and each story event arrive at once, nothing is stored', async () => {
    const received: string[] = [];
    const stream = await new Promise<IncomingMessage>((resolve, reject) => {
      get(`${varnish!.origin}/live`, { headers: { accept: 'text/event-stream' } }, resolve).on('error', reject);
    });
    stream.setEncoding('utf8');
    stream.on('data', (chunk: string) => received.push(chunk));
    expect(stream.statusCode).toBe(200);
    expect(stream.headers['content-type']).toBe('text/event-stream; charset=utf-8');
    expect(stream.headers['cache-control']).toBe('no-store');
    // Piped: it never reaches vcl_deliver, so no X-Cache header (a cache lookup, even a miss, would set one).
    expect(stream.headers['x-cache']).toBeUndefined();
    await eventually('the retry hint through Varnish', async () => (received.join('').startsWith('retry:') ? true : null));

    const { id } = await live.site.newsroom!.newsroom.createArticle(editor, {
      section: { slug: 'world', name: 'World' }, headline: 'Live stream passes the edge', highlights: ['Piped'],
      body: [{ type: 'paragraph', text: 'Unbuffered.' }], dateline: 'OSLO',
    });
    await act(id, 'publish');
    await eventually('the story event through Varnish', async () => (received.join('').includes('"headline":"Live stream passes the edge"') ? true : null));
    stream.destroy();
  });

  it('answers a purge by key from an allowed address with the number of objects dropped', async () => {
    await viaVarnish('/latest');
    const purged = await fetch(`${varnish!.origin}/`, { method: 'PURGE', headers: { 'xkey-purge': 'home' } });
    expect(purged.status).toBe(200);
    expect(await purged.text()).toMatch(/Invalidated [1-9]\d* objects/);
    expect(isHit(await viaVarnish('/latest'))).toBe(false);
  });
});
