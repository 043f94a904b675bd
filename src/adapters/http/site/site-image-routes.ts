/**
 * @module The generated share image (/share-image.png, 1200×630) and publisher logo (/publisher-logo.png, 512×512):
 * the site's name drawn once per name and kept in memory, at stable addresses with an ETag and a day's caching.
 * Pages point at them only while an admin has chosen no photo of their own (site-images.ts).
 */
import { domainToUnicode } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { canDraw, loadFontCoverage } from '../../media/font-coverage.js';
import { renderNameCard } from '../../media/name-card.js';
import type { HttpDeps } from '../http-deps.js';
import { makePage, type Page } from '../page-cache.js';
import { cachingHeaders, isFresh } from '../send-page.js';
import { DEFAULT_PUBLISHER_LOGO, DEFAULT_SHARE_IMAGE } from './site-images.js';

/** Browsers and link-preview crawlers keep it a day (they fetch it once anyway); the edge revalidates every 5 minutes, so a renamed site's card is there soon. */
const IMAGE_CACHE_CONTROL = 'public, max-age=86400, s-maxage=300, stale-while-revalidate=86400';

export function registerSiteImageRoutes(app: FastifyInstance, deps: Pick<HttpDeps, 'settings'>): void {
  const drawn = new Map<string, Promise<Page>>();

  async function draw(size: { width: number; height: number }): Promise<Page> {
    const coverage = await loadFontCoverage();
    const ascii = URL.canParse(deps.settings.siteUrl) ? new URL(deps.settings.siteUrl).hostname : '';
    const unicode = domainToUnicode(ascii);
    const host = unicode && canDraw(coverage, unicode) ? unicode : ascii;
    const png = await renderNameCard(deps.settings.siteName, host, size, coverage);
    return makePage({ contentType: 'image/png', body: png });
  }

  for (const image of [DEFAULT_SHARE_IMAGE, DEFAULT_PUBLISHER_LOGO]) {
    app.get(image.path, async (request, reply) => {
      const key = `${image.path}\n${deps.settings.siteName}\n${deps.settings.siteUrl}`;
      let page = drawn.get(key);
      if (!page) {
        // One drawing per name: a renamed site's old cards are dropped, not kept.
        if (drawn.size >= 8) drawn.clear();
        page = draw(image);
        drawn.set(key, page);
        page.catch(() => drawn.delete(key));
      }
      const ready = await page;
      const { 'cache-control': _policy, vary: _vary, ...validators } = cachingHeaders(ready);
      reply.headers(validators).header('cache-control', IMAGE_CACHE_CONTROL);
      if (isFresh(request, ready)) return reply.code(304).send();
      // A PNG is compressed already: sent as it is, whatever Accept-Encoding says.
      return reply.type('image/png').send(ready.body);
    });
  }
}
