/**
 * Link previews and structured data: absolute og:image/twitter:image with size and alt on every page, the site's share
 * image (an admin's pick, or generated from the name) where a story has no photo, and NewsArticle JSON-LD carrying what
 * Google's article documentation lists, for a story with a photo, without one, from an agency, and in Arabic.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pickFallback, type Photo } from '../../src/core/media/photo.js';
import { mediaUrl } from '../../src/adapters/http/site/components/responsive-photo.js';
import { makeArticle } from '../support/make-article.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';
import { createTestSite, SITE_URL, type TestSite } from '../support/test-site.js';

let site: TestSite;
let admin: StaffSession;
let photo: Photo;
let squarePhoto: Photo;

const get = (url: string, headers: Record<string, string> = {}) => site.app.inject({ method: 'GET', url, headers });

/** The content of every <meta property|name="…"> in a page, unescaped as a parser would. */
function metaOf(body: string): Map<string, string> {
  const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  return new Map([...body.matchAll(/<meta (?:property|name)="([^"]+)" content="([^"]*)">/g)].map((m) => [m[1]!, unescape(m[2]!)]));
}

function jsonLdOf(body: string): Record<string, unknown> {
  const script = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(body);
  expect(script, 'a JSON-LD script').not.toBeNull();
  return JSON.parse(script![1]!) as Record<string, unknown>;
}

type Json = Record<string, unknown>;
const isAbsolute = (url: unknown) => typeof url === 'string' && /^https?:\/\/[^/]/.test(url) && URL.canParse(url);
const isIsoWithZone = (value: unknown) => typeof value === 'string' && /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(value);

/**
 * What Google's Article structured data documentation lists (developers.google.com/search/docs/appearance/structured-data/article):
 * headline; image (URLs or ImageObjects, crawlable, at least 50,000 pixels when sizes are given); datePublished and
 * dateModified in ISO 8601 with a time zone; author (Person or Organization) with name and url; publisher with name
 * and url, and its logo as an ImageObject (Google's logo guidance: at least 112×112). Returns the problems found.
 */
function googleArticleProblems(data: Json): string[] {
  const problems: string[] = [];
  if (!['NewsArticle', 'Article', 'BlogPosting'].includes(data['@type'] as string)) problems.push('@type');
  if (typeof data.headline !== 'string' || !data.headline.trim()) problems.push('headline');
  const images = Array.isArray(data.image) ? (data.image as Json[]) : [];
  if (images.length === 0) problems.push('image');
  for (const image of images) {
    if (!isAbsolute(image.url)) problems.push(`image url ${String(image.url)}`);
    if (image.width && Number(image.width) * Number(image.height) < 50_000) problems.push(`image pixels ${String(image.url)}`);
  }
  if (!isIsoWithZone(data.datePublished)) problems.push('datePublished');
  if (!isIsoWithZone(data.dateModified)) problems.push('dateModified');
  const authors = Array.isArray(data.author) ? (data.author as Json[]) : [];
  if (authors.length === 0) problems.push('author');
  for (const author of authors) {
    if (!['Person', 'Organization', 'NewsMediaOrganization'].includes(author['@type'] as string)) problems.push('author @type');
    if (typeof author.name !== 'string' || !author.name.trim()) problems.push('author name');
    if (!isAbsolute(author.url)) problems.push(`author url of ${String(author.name)}`);
  }
  const publisher = data.publisher as Json | undefined;
  if (!publisher || typeof publisher.name !== 'string' || !isAbsolute(publisher.url)) problems.push('publisher');
  const logo = publisher?.logo as Json | undefined;
  if (!logo || logo['@type'] !== 'ImageObject' || !isAbsolute(logo.url) || Number(logo.width) < 112 || Number(logo.height) < 112) problems.push('publisher logo');
  return problems;
}

async function upload(width: number, height: number, alt: string): Promise<Photo> {
  const jpeg = await sharp({ create: { width, height, channels: 3, background: { r: 30, g: 90, b: 160 } } }).jpeg().toBuffer();
  return site.newsroom!.media.upload(jpeg, { caption: 'Harbour at dusk', credit: 'Jane Doe/AFP', alt }, null);
}

beforeAll(async () => {
  site = await createTestSite({ newsroom: true, arabic: true });
  admin = await staffSession(site, 'admin');
  photo = await upload(2400, 1350, 'Boats in the harbour at dusk — قوارب في الميناء');
  squarePhoto = await upload(400, 400, 'Our masthead');
  const fallback = pickFallback(photo);
  await site.storage.articles.insertMany([
    makeArticle({
      slug: 'harbour-photo', headline: 'Harbour reopens after the storm 🌊',
      lead: { url: mediaUrl(fallback.key), caption: 'Harbour at dusk', credit: 'Jane Doe/AFP', alt: 'Boats at dusk "in" <the> harbour', width: photo.width, height: photo.height },
      leadMediaId: photo.id,
    }),
    makeArticle({ slug: 'no-photo', headline: '東京の新しい橋が開通', authors: [{ slug: 'wang-xiaoming', name: '王小明' }] }),
    makeArticle({ slug: 'agency-copy', headline: 'Talks resume in Geneva', authors: [], source: { kind: 'agency', agency: 'AFP', wireId: 'afp-1' } }),
    makeArticle({ slug: 'house-copy', headline: 'House copy', authors: [], source: { kind: 'staff' } }),
  ]);
});
afterAll(async () => {
  await site?.close();
});

describe('link previews (Open Graph, Twitter)', () => {
  it('give a story with a library photo its large variant as an absolute URL with its exact size and alt', async () => {
    const meta = metaOf((await get('/article/harbour-photo')).body);
    const variant = photo.variants.filter((v) => v.format === 'jpeg').sort((a, b) => b.width - a.width).find((v) => v.width <= 1600)!;
    expect(variant.width).toBe(1600);
    expect(meta.get('og:image')).toBe(`${SITE_URL}${mediaUrl(variant.key)}`);
    expect(meta.get('og:image:width')).toBe(String(variant.width));
    expect(meta.get('og:image:height')).toBe(String(variant.height));
    expect(meta.get('og:image:alt')).toBe('Boats at dusk "in" <the> harbour');
    expect(meta.get('twitter:card')).toBe('summary_large_image');
    expect(meta.get('twitter:image')).toBe(meta.get('og:image'));
    expect(meta.get('twitter:image:alt')).toBe(meta.get('og:image:alt'));
    // The variant is served.
    expect((await get(mediaUrl(variant.key))).statusCode).toBe(200);
  });

  it('give stories without a photo, and every other page, the generated share image', async () => {
    for (const path of ['/article/no-photo', '/', '/latest', '/section/world', '/search?q=bridge', '/ar/', '/following']) {
      const meta = metaOf((await get(path)).body);
      expect(meta.get('og:image'), path).toBe(`${SITE_URL}/share-image.png`);
      expect(meta.get('og:image:width'), path).toBe('1200');
      expect(meta.get('og:image:height'), path).toBe('630');
      expect(meta.get('og:image:alt'), path).toBe('Dateline Test');
      expect(meta.get('twitter:image'), path).toBe(`${SITE_URL}/share-image.png`);
    }
  });

  it('serve the generated images as PNGs of their stated size, with a validator and a day of caching', async () => {
    for (const [path, width, height] of [['/share-image.png', 1200, 630], ['/publisher-logo.png', 512, 512]] as const) {
      const res = await get(path, { 'accept-encoding': 'br, gzip' });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-type']).toBe('image/png');
      expect(res.headers['content-encoding']).toBeUndefined();
      expect(res.headers['cache-control']).toBe('public, max-age=86400, s-maxage=300, stale-while-revalidate=86400');
      expect(await sharp(res.rawPayload).metadata()).toMatchObject({ format: 'png', width, height });
      expect((await get(path, { 'if-none-match': res.headers.etag as string })).statusCode).toBe(304);
    }
  });
});

describe('the generated share image follows the site name, in any script', () => {
  it('draws each new name once, and the pages describe it by the name', async () => {
    const base = { siteDescription: 'Test edition', feedFullText: 'on' };
    const etags = new Set<string>();
    for (const siteName of ['الأخبار اليومية', '每日新闻 ニュース', 'Daily 📰 News', 'Tom & Jerry </title><script>alert(1)</script>']) {
      expect((await admin.post('/newsroom/settings', { ...base, siteName })).statusCode, siteName).toBe(200);
      const png = await get('/share-image.png');
      expect(await sharp(png.rawPayload).metadata(), siteName).toMatchObject({ format: 'png', width: 1200, height: 630 });
      etags.add(png.headers.etag as string);
      const page = await get('/article/no-photo');
      expect(metaOf(page.body).get('og:image:alt'), siteName).toBe(siteName);
      expect(page.body).not.toContain('<script>alert(1)');
    }
    expect(etags.size).toBe(4);
    expect((await admin.post('/newsroom/settings', { ...base, siteName: 'Dateline Test' })).statusCode).toBe(200);
  });
});

describe('the share image and publisher logo settings', () => {
  it('offer the media library on the settings page, apply an admin\'s choice on every page, and go back to the generated ones', async () => {
    const form = await admin.get('/newsroom/settings');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`name="shareImage" value="${photo.id}"`);
    expect(form.body).toContain('name="publisherLogo" value="" checked');

    const base = { siteName: 'Dateline Test', siteDescription: 'Test edition', feedFullText: 'on' };
    const saved = await admin.post('/newsroom/settings', { ...base, shareImage: photo.id, publisherLogo: squarePhoto.id });
    expect(saved.statusCode).toBe(200);
    expect(saved.body).toContain(`name="shareImage" value="${photo.id}" checked`);
    const meta = metaOf((await get('/article/no-photo')).body);
    expect(meta.get('og:image')).toMatch(new RegExp(`^${SITE_URL}/media/${photo.id.slice(0, 2)}/${photo.id}-1600\\.jpg$`));
    expect(meta.get('og:image:alt')).toBe('Boats in the harbour at dusk — قوارب في الميناء');
    const logo = (jsonLdOf((await get('/article/no-photo')).body).publisher as Json).logo as Json;
    // A 400 px photo has one JPEG variant, 320 px wide: still above Google's 112 px minimum.
    expect(logo).toEqual({ '@type': 'ImageObject', url: `${SITE_URL}/media/${squarePhoto.id.slice(0, 2)}/${squarePhoto.id}-320.jpg`, width: 320, height: 320 });
    expect(metaOf((await get('/ar/')).body).get('og:image')).toBe(meta.get('og:image'));

    const gone = await admin.post('/newsroom/settings', { ...base, shareImage: 'no-such-photo-id', publisherLogo: '' });
    expect(gone.statusCode).toBe(400);
    expect(gone.body).toContain('no longer in the media library');

    expect((await admin.post('/newsroom/settings', { ...base, shareImage: '', publisherLogo: '' })).statusCode).toBe(200);
    expect(metaOf((await get('/article/no-photo')).body).get('og:image')).toBe(`${SITE_URL}/share-image.png`);
  });
});

describe('NewsArticle JSON-LD against Google\'s article properties', () => {
  it('is complete for a story with a photo: every large variant of it, widest first', async () => {
    const data = jsonLdOf((await get('/article/harbour-photo')).body);
    expect(googleArticleProblems(data)).toEqual([]);
    const images = data.image as Json[];
    expect(images.map((i) => i.width)).toEqual([1600, 1024, 640, 320]);
    expect(images[0]).toEqual({ '@type': 'ImageObject', url: `${SITE_URL}/media/${photo.id.slice(0, 2)}/${photo.id}-1600.jpg`, width: 1600, height: 900 });
    expect(data.publisher).toEqual({
      '@type': 'NewsMediaOrganization', name: 'Dateline Test', url: `${SITE_URL}/`,
      logo: { '@type': 'ImageObject', url: `${SITE_URL}/publisher-logo.png`, width: 512, height: 512 },
    });
  });

  it('is complete without a photo (the share image) and for bylines in any script', async () => {
    const data = jsonLdOf((await get('/article/no-photo')).body);
    expect(googleArticleProblems(data)).toEqual([]);
    expect(data.image).toEqual([{ '@type': 'ImageObject', url: `${SITE_URL}/share-image.png`, width: 1200, height: 630 }]);
    expect(data.author).toEqual([{ '@type': 'Person', name: '王小明', url: `${SITE_URL}/author/wang-xiaoming` }]);
  });

  it('gives agency and house copy an Organization author with a url', async () => {
    const agency = jsonLdOf((await get('/article/agency-copy')).body);
    expect(googleArticleProblems(agency)).toEqual([]);
    expect(agency.author).toEqual([{ '@type': 'Organization', name: 'AFP', url: 'https://www.afp.com/' }]);
    const house = jsonLdOf((await get('/article/house-copy')).body);
    expect(googleArticleProblems(house)).toEqual([]);
    expect(house.author).toEqual([{ '@type': 'Organization', name: 'Dateline Test', url: `${SITE_URL}/` }]);
  });

  it('is complete in the Arabic edition, in its language and under its prefix', async () => {
    const section = (await site.storage.sections.list('ar'))[0]!;
    await site.storage.articles.insertMany([
      makeArticle({ slug: 'مرفأ-يعاد-فتحه', headline: 'إعادة فتح المرفأ بعد العاصفة', section: { slug: section.slug, name: section.name }, edition: 'ar', authors: [{ slug: 'سارة-أحمد', name: 'سارة أحمد' }] }),
      makeArticle({ slug: 'محادثات-جنيف', headline: 'استئناف المحادثات في جنيف', section: { slug: section.slug, name: section.name }, edition: 'ar', authors: [], source: { kind: 'agency', agency: 'Reuters', wireId: null } }),
    ]);
    const bylined = await get(`/ar/article/${encodeURIComponent('مرفأ-يعاد-فتحه')}`);
    expect(bylined.statusCode).toBe(200);
    const data = jsonLdOf(bylined.body);
    expect(googleArticleProblems(data)).toEqual([]);
    expect(data.inLanguage).toBe('ar');
    expect(data.url).toBe(`${SITE_URL}/ar/article/${encodeURIComponent('مرفأ-يعاد-فتحه')}`);
    expect(data.author).toEqual([{ '@type': 'Person', name: 'سارة أحمد', url: `${SITE_URL}/ar/author/${encodeURIComponent('سارة-أحمد')}` }]);
    expect(metaOf(bylined.body).get('og:image')).toBe(`${SITE_URL}/share-image.png`);
    const agency = jsonLdOf((await get(`/ar/article/${encodeURIComponent('محادثات-جنيف')}`)).body);
    expect(googleArticleProblems(agency)).toEqual([]);
    expect(agency.author).toEqual([{ '@type': 'Organization', name: 'Reuters', url: 'https://www.reuters.com/' }]);
  });

  it('names an agency it does not know without a url rather than a wrong one', async () => {
    // The Arabic demo stories come from a translation corpus credited as an agency (NTREX-128): no website to point to.
    const demo = (await site.storage.articles.listPublished({ limit: 50, edition: 'ar' })).items.find((s) => s.slug !== 'مرفأ-يعاد-فتحه' && s.slug !== 'محادثات-جنيف')!;
    const data = jsonLdOf((await get(`/ar/article/${encodeURIComponent(demo.slug)}`)).body);
    expect(data.author).toEqual([{ '@type': 'Organization', name: 'NTREX-128' }]);
    expect(googleArticleProblems(data)).toEqual(['author url of NTREX-128']);
  });
});
