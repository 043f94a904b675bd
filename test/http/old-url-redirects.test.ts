/** Old links of an imported WordPress site answer 301 to the new pages, cacheable at the edge; warm pages are not looked up. */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteImportTransaction } from '../../src/adapters/import/site-import-transaction.js';
import { readWordPressExport } from '../../src/adapters/import/wordpress-export.js';
import { createSiteImportService } from '../../src/core/site-import/site-import-service.js';
import { fixedClock } from '../../src/core/shared/clock.js';
import type { OldUrlLookup } from '../../src/core/site-import/site-import-store.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

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
    [`/tag/${encodeURIComponent('港口')}/`, `/topic/${encodeURIComponent('港口')}`],
    ['/feed/', '/feed.xml'],
    ['/rss/', '/feed.xml'],
    ['/feed/atom/', '/feed.atom'],
    ['/category/local/feed/', '/section/local/feed.xml'],
  ])('%s answers 301 to %s, cacheable by the edge', async (from, to) => {
    const response = await site.app.inject({ method: 'GET', url: from });
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toBe(to);
    expect(response.headers['cache-control']).toMatch(/^public, max-age=\d+, s-maxage=\d+$/);
    expect(String(response.headers.location)).toMatch(/^[\x21-\x7e]+$/);
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
    for (const url of ['/article/night-ferry-returns', '/section/local', '/', '/feed.xml']) {
      expect((await site.app.inject({ method: 'GET', url })).statusCode, url).toBe(200);
    }
    expect(lookups).toEqual([]);
  });
});
