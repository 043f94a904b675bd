/**
 * Old links of an imported WordPress site answer 301 to the new pages, cacheable at the edge; warm pages are not looked
 * up. Old author archives (`/author/login/`) reach the author route, which asks for the old address before its 404.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteImportTransaction } from '../../src/adapters/import/site-import-transaction.js';
import { surrogateKeyList } from '../../src/adapters/edge/surrogate-key.js';
import { readWordPressExport } from '../../src/adapters/import/wordpress-export.js';
import { createSiteImportService } from '../../src/core/site-import/site-import-service.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import type { OldUrlLookup } from '../../src/core/site-import/site-import-store.js';
import type { SiteExportRecord, SitePost } from '../../src/core/site-import/site-post.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

/** A published post by one author, for old author addresses in scripts the fixture has none of. */
function postBy(id: string, author: { slug: string; name: string }): SitePost {
  return {
    sourceKey: `test:${id}`, sourceId: id, line: 0, title: `Harbour note ${id}`, slug: `harbour-note-${id}`, status: 'published',
    publishedAt: new Date('2024-03-01T08:00:00Z'), modifiedAt: null, authors: [author], section: null, topics: [], excerpt: '',
    body: [{ type: 'paragraph', text: 'The harbour master reports calm seas.' }], lead: null, oldPaths: [], digest: id,
  };
}

const OLGA = { slug: 'ольга-петрова', name: 'Ольга Петрова' };
const CAPTAIN = { slug: 'captain', name: 'Captain' };
const HARBOUR = { slug: 'مرفأ-صيدا', name: 'مرفأ صيدا' };

async function* otherAuthors(): AsyncGenerator<SiteExportRecord> {
  yield { kind: 'post', post: postBy('1', OLGA) };
  yield { kind: 'post', post: postBy('2', CAPTAIN) };
  yield { kind: 'post', post: postBy('3', HARBOUR) };
  // A Cyrillic login, an emoji in the old slug (no Dateline slug has one), and a login that is a Dateline slug as it is.
  yield { kind: 'term-url', url: { path: '/author/ольга', kind: 'author', target: OLGA.slug } };
  yield { kind: 'term-url', url: { path: '/author/капитан-🚢', kind: 'author', target: CAPTAIN.slug } };
  yield { kind: 'term-url', url: { path: '/author/captain', kind: 'author', target: CAPTAIN.slug } };
  yield { kind: 'term-url', url: { path: '/author/sidon.port', kind: 'author', target: HARBOUR.slug } };
}

const EXPORT = new URL('../fixtures/wordpress/harbour-gazette.wordpress.2026-12-06.xml', import.meta.url).pathname;

describe('old links of an imported site', () => {
  let site: TestSite;
  const lookups: string[][] = [];
  beforeAll(async () => {
    site = await createTestSite({ withFixture: false });
    const service = createSiteImportService({
      transaction: siteImportTransaction(site.storage.db, site.storage.searchWriter),
      ids: { newId: () => randomUUID() }, randomBytes: (n) => randomBytes(n), clock: fixedClock(new Date('2026-12-06T10:00:00Z')),
    });
    await service.importRecords(readWordPressExport(EXPORT), { defaultSection: { slug: 'news', name: 'News' } });
    await service.importRecords(otherAuthors(), { defaultSection: { slug: 'news', name: 'News' } });
    // Count the lookups the app makes, to show which requests pay for one.
    const lookup = site.deps.oldUrls as OldUrlLookup;
    site.deps.oldUrls = { find: (paths) => { lookups.push([...paths]); return lookup.find(paths); } };
  });
  afterAll(() => site.close());

  it.each([
    ['/2024/01/15/night-ferry-returns/', '/article/night-ferry-returns'],
    ['/2024/01/16/storm-keeps-fleet-in-port', '/article/storm-keeps-fleet-in-port'],
    ['/?p=100', '/article/night-ferry-returns'],
    ['/index.php?p=103', '/article/storm-keeps-fleet-in-port'],
    ['/2024/01/17/%d8%a7%d9%81%d8%aa%d8%aa%d8%a7%d8%ad-%d9%85%d9%8a%d9%86%d8%a7%d8%a1-%d8%b5%d9%8a%d8%af%d8%a7/', `/article/${encodeURIComponent('افتتاح-ميناء-صيدا')}`],
    ['/category/local/harbour-council/', '/section/harbour-council'],
    ['/?cat=3', '/section/local'],
    // The old "About us" page is the edition's About page now.
    ['/?page_id=111', '/about'],
    [`/tag/${encodeURIComponent('港口')}/`, `/topic/${encodeURIComponent('港口')}`],
    ['/feed/', '/feed.xml'],
    ['/rss/', '/feed.xml'],
    ['/feed/atom/', '/feed.atom'],
    ['/category/local/feed/', '/section/local/feed.xml'],
    // Author archives: the login is not the author's slug on the new site.
    ['/author/mreyes/', '/author/marta-reyes'],
    ['/?author=2', `/author/${encodeURIComponent('ليلى-حداد')}`],
    ['/author/lhaddad', `/author/${encodeURIComponent('ليلى-حداد')}`],
    ['/author/mreyes/feed/', '/author/marta-reyes/feed.xml'],
    [`/author/${encodeURIComponent('ольга')}/`, `/author/${encodeURIComponent(OLGA.slug)}`],
    [`/author/${encodeURIComponent('ольга')}/rss/`, `/author/${encodeURIComponent(OLGA.slug)}/feed.xml`],
    [`/author/${encodeURIComponent('капитан-🚢')}/`, '/author/captain'],
    ['/author/sidon.port/', `/author/${encodeURIComponent(HARBOUR.slug)}`],
    ['/author/mreyes/page/2/', '/author/marta-reyes'],
    ['/category/local/page/3/', '/section/local'],
  ])('%s answers 301 to %s, cacheable by the edge', async (from, to) => {
    const response = await site.app.inject({ method: 'GET', url: from });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(to);
    expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+, s-maxage=\d+$/);
    expect(String(response.headers.location)).toMatch(/^[\x21-\x7e]+$/);
    expect(String(response.headers.xkey)).toMatch(/^[\x21-\x7e ]+$/);
    expect(response.headers['surrogate-key']).toBe(response.headers.xkey);
  });

  it('an old author archive answers from the author route with the headers the not-found handler gives old addresses', async () => {
    // `/author/ольга` is a slug the author route takes; `/author/sidon.port` is not, and goes to the not-found handler.
    const [route, notFound] = await Promise.all([`/author/${encodeURIComponent('ольга')}`, '/author/sidon.port'].map((url) => site.app.inject({ method: 'GET', url })));
    for (const response of [route!, notFound!]) {
      expect(response.statusCode).toBe(301);
      expect(response.headers['cache-control']).toBe('public, max-age=3600, s-maxage=86400');
      expect(response.body).toBe('');
    }
    // The target's key (purged with the author's stories), and on the author route the list's own key too.
    expect(route!.headers.xkey).toBe(surrogateKeyList([`author:${OLGA.slug}`, 'author:ольга']));
    expect(notFound!.headers.xkey).toBe(surrogateKeyList([`author:${HARBOUR.slug}`]));
    const head = await site.app.inject({ method: 'HEAD', url: `/author/${encodeURIComponent('ольга')}/` });
    expect(head.statusCode).toBe(301);
    expect(head.headers.location).toBe(route!.headers.location);
  });

  it('an old author archive whose login is the author’s slug as it is serves the author page, without a lookup', async () => {
    lookups.length = 0;
    const page = await site.app.inject({ method: 'GET', url: '/author/captain/' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Captain');
    expect(lookups).toEqual([]);
  });

  it('an unknown author, section or topic stays 404, asked once', async () => {
    lookups.length = 0;
    for (const url of ['/author/nobody', '/section/nowhere', `/topic/${encodeURIComponent('ничего')}`, '/author/no.body/']) {
      const response = await site.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(404);
      expect(response.headers['cache-control'], url).toBe('private, no-store');
      expect(response.headers.xkey, url).toBeUndefined();
    }
    expect(lookups).toEqual([['/author/nobody'], ['/section/nowhere'], ['/topic/ничего'], ['/author/no.body']]);
  });

  it('the new address it names is served', async () => {
    const response = await site.app.inject({ method: 'GET', url: '/2024/01/15/night-ferry-returns/' });
    const page = await site.app.inject({ method: 'GET', url: String(response.headers.location) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Night ferry returns to the islands');
  });

  it('a draft, a scheduled post and an unknown path stay 404', async () => {
    for (const url of ['/?p=108', '/2024/01/20/staff-rota/', '/2019/01/01/never-here/']) {
      const response = await site.app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(url === '/?p=108' ? 200 : 404);
    }
  });

  it('a page that exists is never looked up', async () => {
    lookups.length = 0;
    for (const url of ['/article/night-ferry-returns', '/section/local', '/', '/feed.xml', '/author/marta-reyes', `/author/${encodeURIComponent(OLGA.slug)}`]) {
      expect((await site.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    expect(lookups).toEqual([]);
  });
});
