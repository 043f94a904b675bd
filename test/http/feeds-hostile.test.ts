/** @module HTTP tests that markup-like text in headlines, highlights and bylines keeps every feed and sitemap well-formed and round-trips as text. */
import { randomUUID } from 'node:crypto';
import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CAPTURED_AT, createTestSite, fixtureText, SITE_URL, type TestSite } from '../support/test-site.js';

const DEMO_HEADLINE = 'Russia and North Korea sign partnership deal that appears to be the strongest since Cold War';
const DEMO_HIGHLIGHT = 'Russian leader hails ‘close friendship’ between the two countries based on ‘equality and respect of mutual interests’';
/** Two "]]>": a CDATA writer that splits only the first one would end the section early (feeds write no CDATA now). */
const HOSTILE_HEADLINE = 'Leak <script>alert(1)</script> ]]> & </title> "AT&amp;T" ]]> it\'s <b>bold</b>';
const HOSTILE_HIGHLIGHT = 'Highlight <img src=x onerror=alert(1)> ]]> & </description> ]]> &lt;';
const BYLINE_SLUG = 'jane-oneil';
/** U+0007 cannot appear in XML at all, so the XML formats drop it and JSON keeps it. */
const BYLINE_NAME = 'Jane "JD" O\'Neil & <Co>\u0007';
const RECENT_HEADLINE = 'Recent <i>]]></i> &amp; </news:title> story';

let site: TestSite;
let hostileSlug: string;
let recentSlug: string;
/** The hostile story's highlights: the hostile one first, then the capture's own. */
let hostileHighlights: string[];

const get = (url: string) => site.app.inject({ method: 'GET', url });
const parser = new Parser();

/** The feeds' summary: every highlight as a list item (decoded back to text for comparison). */
const highlightList = () => `<ul>${hostileHighlights.map((h) => `<li>${h}</li>`).join('')}</ul>`;

function decodeEntities(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The demo capture with the first story's headline (all its copies) and first highlight replaced. */
function hostileCapture(): string {
  const text = fixtureText();
  expect(text.split(DEMO_HEADLINE).length - 1).toBeGreaterThanOrEqual(4);
  return text.replaceAll(DEMO_HEADLINE, HOSTILE_HEADLINE).replaceAll(DEMO_HIGHLIGHT, HOSTILE_HIGHLIGHT);
}

/** A recent story with a byline (the text capture has none), so the author feed and news sitemap see hostile text too. */
async function insertBylinedStory(): Promise<string> {
  const at = new Date(CAPTURED_AT.getTime() - 3600_000);
  const slug = 'recent-hostile-story';
  await site.storage.articles.insert({
    id: randomUUID(), slug, headline: RECENT_HEADLINE, highlights: [HOSTILE_HIGHLIGHT], dateline: null,
    body: [{ type: 'paragraph', text: 'Body.' }], lead: null, section: { slug: 'world', name: 'World' },
    topics: [], authors: [{ slug: BYLINE_SLUG, name: BYLINE_NAME }], source: { kind: 'staff' }, status: 'published',
    firstPublishedAt: at, updatedAt: at, updateNote: null, contentKey: null, shortCode: 'Zz9Hst1',
    createdAt: at, revisionId: randomUUID(), actor: 'test',
  });
  return slug;
}

beforeAll(async () => {
  site = await createTestSite({ withFixture: false });
  const imported = await site.importText(hostileCapture());
  expect(imported.imported).toBe(6);
  recentSlug = await insertBylinedStory();
  const all = (await site.storage.articles.listPublished({ limit: 30 })).items;
  const hostile = all.find((s) => s.headline === HOSTILE_HEADLINE);
  expect(hostile?.highlights[0]).toBe(HOSTILE_HIGHLIGHT);
  hostileSlug = hostile!.slug;
  hostileHighlights = hostile!.highlights;
});
afterAll(async () => {
  await site.close();
});

const FEEDS = ['/feed', '/section/world/feed'];

describe('hostile text in feeds', () => {
  it('RSS parses and gives back the headline as plain text and the highlight as escaped HTML, with no CDATA and no live markup', async () => {
    for (const feed of FEEDS) {
      const res = await get(`${feed}.xml`);
      expect(res.statusCode, feed).toBe(200);
      expect(res.body).not.toContain('<![CDATA[');
      expect(res.body).not.toMatch(/<script|<img|<b>|<i>/);
      const items = (await parser.parseString(res.body)).items;
      const item = items.find((i) => i.link === `${SITE_URL}/article/${hostileSlug}`)!;
      expect(item.title).toBe(HOSTILE_HEADLINE);
      // The description is HTML: the highlight is in it as text, so the HTML holds no tag of its own.
      expect(item.content).not.toMatch(/<img|<\/description/);
      expect(decodeEntities(item.content!)).toBe(highlightList());
      expect(items.find((i) => i.link?.endsWith(recentSlug))?.title).toBe(RECENT_HEADLINE);
    }
  });

  it('Atom parses, its type="text" title is the exact headline and its type="html" summary holds the highlight as text', async () => {
    for (const feed of FEEDS) {
      const res = await get(`${feed}.atom`);
      expect(res.statusCode, feed).toBe(200);
      expect(res.body).not.toContain('<![CDATA[');
      expect(res.body).not.toMatch(/<script|<img|<b>|<i>/);
      expect(res.body).not.toContain('type="html"><![CDATA[');
      const item = (await parser.parseString(res.body)).items.find((i) => i.link === `${SITE_URL}/article/${hostileSlug}`)!;
      expect(item.title).toBe(HOSTILE_HEADLINE);
      expect(item.summary).not.toMatch(/<img/);
      expect(decodeEntities(item.summary!)).toBe(highlightList());
    }
  });

  it('JSON Feed keeps the title and summary as text, and its content_html holds no live markup', async () => {
    for (const feed of FEEDS) {
      const res = await get(`${feed}.json`);
      expect(res.statusCode, feed).toBe(200);
      const items = (JSON.parse(res.body) as { items: { url: string; title: string; summary: string; content_html: string }[] }).items;
      const item = items.find((i) => i.url === `${SITE_URL}/article/${hostileSlug}`)!;
      expect(item.title).toBe(HOSTILE_HEADLINE);
      expect(item.summary).toBe(hostileHighlights.join('\n'));
      expect(item.content_html).not.toMatch(/<script|<img src=x|onerror/);
      const recent = items.find((i) => i.url.endsWith(recentSlug))!;
      expect(recent.content_html).toContain('<p>Body.</p>');
    }
  });

  it('the author feed credits the byline in every format, without characters XML forbids', async () => {
    const xmlName = BYLINE_NAME.replace('\u0007', '');
    const rss = await parser.parseString((await get(`/author/${BYLINE_SLUG}/feed.xml`)).body);
    expect(rss.title).toBe(`${xmlName} | Dateline Test`);
    expect(rss.items.map((i) => [i.title, i.creator])).toEqual([[RECENT_HEADLINE, xmlName]]);
    const atomRes = await get(`/author/${BYLINE_SLUG}/feed.atom`);
    const atom = await parser.parseString(atomRes.body);
    expect((atom.items[0] as { author?: string }).author).toBe(xmlName);
    expect(atomRes.body).toContain(`<uri>${SITE_URL}/author/${BYLINE_SLUG}</uri>`);
    const json = JSON.parse((await get(`/author/${BYLINE_SLUG}/feed.json`)).body) as { authors: { name: string }[]; items: { authors: { name: string; url: string }[] }[] };
    expect(json.authors).toEqual([{ name: BYLINE_NAME, url: `${SITE_URL}/author/${BYLINE_SLUG}` }]);
    expect(json.items[0]!.authors).toEqual([{ name: BYLINE_NAME, url: `${SITE_URL}/author/${BYLINE_SLUG}` }]);
  });
});

describe('hostile text in the news sitemap', () => {
  it('is well-formed XML and the title round-trips through its escaping', async () => {
    const res = await get('/news-sitemaps/1.xml');
    expect(res.statusCode).toBe(200);
    await expect(parser.parseString(res.body)).rejects.toThrow('Feed not recognized as RSS 1 or 2.');
    const titles = [...res.body.matchAll(/<news:title>([^<]*)<\/news:title>/g)].map((m) => decodeEntities(m[1]!));
    expect(titles).toContain(RECENT_HEADLINE);
    expect(res.body).not.toMatch(/<i>|]]>/);
  });
});
