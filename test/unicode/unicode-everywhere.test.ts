/**
 * Property test (issue 10): random Unicode of every plane, controls, bidi marks, lone surrogates (where JSON carries
 * them) and combining sequences go into every field a story has, through every door text enters (the newsroom form,
 * a text capture import, a wire push in ninjs JSON). No page, feed or sitemap answers 5xx; every XML output parses;
 * every JSON output parses; every header is ASCII; no HTML carries a control character.
 */
import fc from 'fast-check';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { articlePath } from '../../src/core/articles/article.js';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';

const HOSTILE = [
  '\u0001', '\u0000', '\u0008', '\u001b', '\u007f', '\u0085', '\u009f', '\u202e', '\u202b', '\u2066', '\u2069', '\u200e', '\u200f', '\u061c',
  '\ud800', '\udfff', '\ufeff', '\uffff', '\ufffe', '\ufdd0', '\u{1fffe}', '\u2028', '\u2029', '\r\n', '\r', '\t',
  '👩‍👩‍👧‍👦', '🏳️‍🌈', '👍🏽', 'e\u0301\u0323', '\u0647\u0651\u064e', 'ﷺ', 'ـــ', '<script>alert(1)</script>', ']]>', '&amp;', '"', "'", '`', '%2F', '../',
];
const SCRIPTS = [
  'زيارة ولي العهد إلى سيول', 'فارسی‌ها می‌خوانند', 'שלום עולם', 'Зеленский visits Łódź factory', 'Αθήνα σήμερα', '北京大学', '서울 시장',
  'नमस्ते दुनिया', 'ภาษาไทย', 'Ἀθῆναι', 'مرحبا World 2024',
];

const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 10 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
  fc.constantFrom(...HOSTILE),
  fc.constantFrom(...SCRIPTS),
);
/** Text of several pieces; never blank, so required fields stay filled. */
const text = fc.array(piece, { minLength: 1, maxLength: 5 }).map((parts) => `${parts.join(' ')} x`);
const story = fc.record({
  headline: text, highlight: text, dateline: text, topic: text, author: text, caption: text, credit: text, alt: text,
  paragraph: text, quote: text, agency: text, arabicSection: fc.boolean(),
});

const ASCII_HEADER = /^[\t\x20-\x7e]*$/;
// eslint-disable-next-line no-control-regex
const FORBIDDEN_IN_HTML = /[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What a browser puts in a URL: lone surrogates become U+FFFD before percent-encoding. */
function urlText(text: string): string {
  return encodeURIComponent(text.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
}

function checkResponse(url: string, res: LightMyRequestResponse): void {
  const where = `${url} → ${res.statusCode}`;
  expect(res.statusCode, where).toBeLessThan(500);
  for (const [name, value] of Object.entries(res.headers)) {
    for (const v of Array.isArray(value) ? value : [String(value)]) expect(v, `${where} header ${name}`).toMatch(ASCII_HEADER);
  }
  const type = String(res.headers['content-type'] ?? '');
  if (res.statusCode !== 200 || !res.body) return;
  if (type.includes('xml')) expect(XMLValidator.validate(res.body), where).toBe(true);
  if (type.includes('json')) expect(() => JSON.parse(res.body), where).not.toThrow();
  if (type.includes('html')) expect(FORBIDDEN_IN_HTML.test(res.body), `${where}: control character in HTML`).toBe(false);
}

describe('any text, everywhere (property)', () => {
  let site: TestSite;
  let editor: StaffSession;
  let pushToken: string;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, arabic: true });
    editor = await staffSession(site, 'editor');
    const added = await site.wire!.sources.add({ name: 'Unicode Agency', kind: 'push' });
    if (!added.ok) throw new Error(added.reason);
    pushToken = added.value.pushToken!;
  });
  afterAll(() => site.close());

  const get = async (url: string) => {
    const res = await site.app.inject({ method: 'GET', url, headers: { 'accept-encoding': 'identity' } });
    checkResponse(url, res);
    return res;
  };

  /** Every reader page, feed and sitemap that can show a story, in its edition and the other. */
  async function visitEverything(slug: string, q: string): Promise<void> {
    const article = await site.storage.articles.findPublishedBySlug(slug);
    expect(article, `published ${slug}`).not.toBeNull();
    const path = articlePath(article!);
    const prefix = article!.edition.pathPrefix;
    const lists = [
      `${prefix}/section/${encodeURIComponent(article!.section.slug)}`,
      ...article!.topics.map((t) => `${prefix}/topic/${encodeURIComponent(t.slug)}`),
      ...article!.authors.map((a) => `${prefix}/author/${encodeURIComponent(a.slug)}`),
    ];
    const urls = [
      '/', '/ar/', path, `${path}/changes`, `${prefix}/fragment/article/${encodeURIComponent(slug)}`, `${prefix}/latest`,
      ...lists, ...lists.flatMap((l) => [`${l}/feed.xml`, `${l}/feed.atom`, `${l}/feed.json`]),
      '/feed.xml', '/feed.atom', '/feed.json', '/ar/feed.xml', '/ar/feed.atom', '/ar/feed.json',
      `${prefix}/search?q=${urlText(q)}`, `/search?q=${urlText(q.slice(0, 150))}`,
      '/sitemap.xml', '/ar/sitemap.xml', '/sitemap-pages.xml', '/ar/sitemap-pages.xml', '/news-sitemap.xml', '/ar/news-sitemap.xml', '/news-sitemaps/1.xml', '/ar/news-sitemaps/1.xml', '/robots.txt',
    ];
    for (const month of await site.storage.articles.listPublishedMonths(article!.edition.id)) urls.push(`${prefix}/sitemaps/${month.month}.xml`);
    if (article!.shortCode) urls.push(`/s/${article!.shortCode}`);
    for (const url of urls) await get(url);
  }

  // Each run stores a story and reads ~40 pages; the runner's per-test limit is raised, nothing is timed.
  it('survives random text in every field of a newsroom story', { timeout: 300_000 }, async () => {
    await fc.assert(fc.asyncProperty(story, async (s) => {
      const section = s.arabicSection ? 'العالم' : 'world';
      const created = await editor.post('/newsroom/stories', { headline: s.headline, section });
      expect(created.statusCode, created.body.slice(0, 300)).toBe(303);
      const id = /\/newsroom\/stories\/([\w-]+)\/edit/.exec(String(created.headers.location))![1]!;
      const body = JSON.stringify([
        { type: 'paragraph', text: s.paragraph }, { type: 'quote', text: s.quote, cite: s.author }, { type: 'heading', text: s.highlight, level: 2 },
      ]);
      const version = (await site.storage.articles.findState(id))!.version;
      const published = await editor.post(`/newsroom/stories/${id}`, {
        version: String(version), action: 'publish', headline: s.headline, highlights: s.highlight, dateline: s.dateline, section,
        topics: s.topic, authors: s.author, source_kind: 'agency', source_agency: s.agency, lead_caption: s.caption, lead_credit: s.credit, lead_alt: s.alt, body,
      });
      if (published.statusCode === 303) {
        const state = (await site.storage.articles.findState(id))!;
        expect(state.fields.headline).toBe(state.fields.headline.normalize('NFC'));
        expect(FORBIDDEN_IN_HTML.test(state.fields.headline)).toBe(false);
        await visitEverything(state.slug, s.headline);
      } else {
        // Refused input is a clear 4xx that names the problem, never a 5xx.
        expect(published.statusCode, published.body.slice(0, 300)).toBeLessThan(500);
      }
      for (const page of [`/newsroom/stories/${id}/edit`, `/newsroom/stories/${id}/preview`, `/newsroom/stories/${id}/revisions`, `/newsroom/stories?q=${urlText(s.headline.slice(0, 90))}`]) {
        const res = await editor.get(page);
        expect(res.statusCode, `${page}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
        expect(FORBIDDEN_IN_HTML.test(res.body), `${page}: control character in HTML`).toBe(false);
      }
    }), { numRuns: 20 });
  });

  it('survives random text in a text capture import', { timeout: 300_000 }, async () => {
    let imported = 0;
    await fc.assert(fc.asyncProperty(story, async (s) => {
      const line = (t: string) => t.replace(/[\r\n\u2028\u2029\u0085]+/g, ' ');
      const h = line(s.headline);
      const capture = [h, '', h, `${line(s.caption)} (${line(s.credit)})`, 'Short Url', 'Updated 5 min 3 sec ago', 'Follow', '', h, '', h,
        `  • ${line(s.highlight)}`, '', `${line(s.dateline).toUpperCase()}: ${line(s.paragraph)}`, line(s.quote), ''].join('\n');
      const summary = await site.importText(capture, s.arabicSection ? 'Imports' : 'World');
      imported += summary.imported;
      for (const slug of summary.slugs) await visitEverything(slug, s.paragraph);
    }), { numRuns: 15 });
    // The property is about stored stories: most random captures must have been read as one.
    expect(imported).toBeGreaterThan(5);
  });

  it('survives random text, lone surrogates included, in a pushed ninjs item', { timeout: 300_000 }, async () => {
    await fc.assert(fc.asyncProperty(story, fc.integer({ min: 1, max: 1e9 }), async (s, n) => {
      const item = {
        uri: `urn:unicode:${n}`, version: '1', type: 'text', headline: s.headline, language: s.arabicSection ? 'ar' : 'en',
        body_text: `${s.paragraph}\n${s.quote}`, byline: s.author, located: s.dateline, copyrightholder: s.agency,
        subject: [{ name: s.topic, uri: `urn:subject:${n}` }],
      };
      const res = await site.app.inject({
        method: 'POST', url: '/wire/push/unicode-agency', headers: { authorization: `Bearer ${pushToken}`, 'content-type': 'application/json' },
        payload: JSON.stringify(item),
      });
      checkResponse('/wire/push', res);
      if (res.statusCode === 202) {
        const id = (res.json() as { itemIds: string[] }).itemIds[0];
        if (id) {
          const page = await editor.get(`/newsroom/wire/${id}`);
          expect(page.statusCode).toBeLessThan(500);
          expect(FORBIDDEN_IN_HTML.test(page.body), 'control character on the wire desk').toBe(false);
        }
      }
      const desk = await editor.get('/newsroom/wire');
      expect(desk.statusCode).toBeLessThan(500);
    }), { numRuns: 20 });
  });
});
