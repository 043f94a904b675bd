/**
 * An imported site's old links behind Varnish with dateline.vcl: the 301s (a story's permalink, an author archive the
 * author route answers, a tag archive the not-found handler answers) are stored at the edge, browsers are told
 * max-age only, and a purge of the target's key drops them (a story's on unpublish). Skipped, saying why, where
 * varnishd or the xkey vmod is missing (a failure with TEST_VARNISH_REQUIRED=1).
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVarnishPurger } from '../../src/adapters/edge/varnish-purger.js';
import { siteImportTransaction } from '../../src/adapters/import/site-import-transaction.js';
import { readWordPressExport } from '../../src/adapters/import/wordpress-export.js';
import { createSiteImportService } from '../../src/core/site-import/site-import-service.js';
import { systemClock } from '../../src/main/app-services.js';
import { subscribeEdgePurge } from '../../src/main/edge-purge.js';
import { startLiveSite, type LiveSite } from '../e2e/browser-support.js';
import { collectingPurgeLog, isHit, startVarnish, stopVarnish, type Varnish } from '../support/varnish-edge.js';
import { varnishMissingReason } from '../support/varnish-installation.js';

const EXPORT = new URL('../fixtures/wordpress/harbour-gazette.wordpress.2026-12-06.xml', import.meta.url).pathname;
const missing = varnishMissingReason('Varnish old-link tests', ['xkey']);

describe.skipIf(missing !== null)(`old links of an imported site through Varnish${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let live: LiveSite;
  let varnish: Varnish | undefined;
  let purging: ReturnType<typeof subscribeEdgePurge>;
  const { entries: purgeLog, log } = collectingPurgeLog();

  beforeAll(async () => {
    live = await startLiveSite({ newsroom: true });
    try {
      const service = createSiteImportService({
        transaction: siteImportTransaction(live.site.storage.db, live.site.storage.searchWriter),
        ids: { newId: () => randomUUID() }, randomBytes: (n) => randomBytes(n), clock: systemClock,
      });
      await service.importRecords(readWordPressExport(EXPORT), { defaultSection: { slug: 'news', name: 'News' } });
      varnish = await startVarnish(Number(new URL(live.origin).port));
      purging = subscribeEdgePurge(live.site.newsroom!.events, { purgers: [createVarnishPurger(`${varnish.origin}/`)], logger: log });
    } catch (error) {
      await stopVarnish(varnish);
      await live.close();
      throw error;
    }
  }, 60_000);

  afterAll(async () => {
    purging?.stop();
    await stopVarnish(varnish);
    await live?.close();
  });

  const viaVarnish = (path: string) => fetch(`${varnish!.origin}${path}`, { redirect: 'manual' });
  const purge = (keys: string) => fetch(`${varnish!.origin}/`, { method: 'PURGE', headers: { 'xkey-purge': keys } });

  it.each([
    ['/author/lhaddad/', `/author/${encodeURIComponent('ليلى-حداد')}`, `author:${encodeURIComponent('ليلى-حداد')}`],
    [`/tag/${encodeURIComponent('港口')}/`, `/topic/${encodeURIComponent('港口')}`, `topic:${encodeURIComponent('港口')}`],
    ['/author/mreyes/feed/', '/author/marta-reyes/feed.xml', 'feeds'],
  ])('%s: a 301 stored at the edge, told to browsers with max-age only, dropped by its key', async (from, to, key) => {
    const first = await viaVarnish(from);
    expect(first.status).toBe(301);
    expect(first.headers.get('location')).toBe(to);
    expect(isHit(first)).toBe(false);
    const second = await viaVarnish(from);
    expect(second.status).toBe(301);
    expect(isHit(second)).toBe(true);
    expect(second.headers.get('location')).toBe(to);
    expect(second.headers.get('cache-control')).toBe('public, max-age=3600');
    expect(second.headers.get('xkey')).toBeNull();
    expect(await (await purge(key)).text()).toMatch(/Invalidated [1-9]\d* objects/);
    expect(isHit(await viaVarnish(from))).toBe(false);
  });

  it('a story’s old permalink is dropped at the edge when the story is unpublished', async () => {
    const from = '/2024/01/16/storm-keeps-fleet-in-port/';
    await viaVarnish(from);
    expect(isHit(await viaVarnish(from))).toBe(true);
    const newsroom = live.site.newsroom!;
    const editor = await newsroom.auth.addUser({ email: 'old-links@news.test', name: 'Old Links Editor', role: 'editor', password: 'a long password here' });
    const row = await live.site.storage.db.selectFrom('articles').select('id').where('slug', '=', 'storm-keeps-fleet-in-port').executeTakeFirstOrThrow();
    const state = (await live.site.storage.articles.findState(row.id))!;
    await newsroom.newsroom.act(editor, row.id, { action: 'unpublish', fields: state.fields, note: 'Withdrawn.', scheduledAt: null, autosave: false, expectedVersion: state.version });
    await purging.settled();
    expect(purgeLog.filter((l) => l.level !== 'info')).toEqual([]);
    const after = await viaVarnish(from);
    expect(isHit(after)).toBe(false);
    // The story is withdrawn, not gone: its old link still leads to its page, which says so (410).
    expect(after.headers.get('location')).toBe('/article/storm-keeps-fleet-in-port');
    expect((await viaVarnish('/article/storm-keeps-fleet-in-port')).status).toBe(410);
  });
});
