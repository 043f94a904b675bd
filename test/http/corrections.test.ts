/**
 * Corrections as readers see them: dated like every other date, under the headline and at the foot, in JSON-LD as
 * schema.org's `correction`, and on a public corrections page per edition, newest first, linked from the footer.
 * An imported story that arrived already updated says its earlier versions predate the import.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUpdated } from '../../src/core/articles/article.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';
import { CAPTURED_AT, createTestSite, type TestSite } from '../support/test-site.js';

const body = JSON.stringify([{ type: 'paragraph', text: 'The bridge reopened on Monday, officials said.' }]);
const FORM = { highlights: 'Bridge reopens', dateline: 'oslo', section: 'world', topics: 'Bridges', authors: 'Ann Reporter', body };

describe('corrections and imported updates over HTTP', () => {
  let site: TestSite;
  let editor: StaffSession;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, arabic: true });
    editor = await staffSession(site, 'editor');
  });
  afterAll(() => site.close());

  const get = (url: string) => site.app.inject({ method: 'GET', url });
  const version = async (id: string) => String((await site.storage.articles.findState(id))!.version);
  async function publishAndCorrect(headline: string, notes: string[]): Promise<string> {
    const res = await editor.post('/newsroom/stories', { headline, section: 'world' });
    const id = /\/newsroom\/stories\/([\w-]+)\/edit/.exec(res.headers.location as string)![1]!;
    expect((await editor.post(`/newsroom/stories/${id}`, { ...FORM, headline, version: await version(id), action: 'publish' })).statusCode).toBe(303);
    for (const note of notes) {
      site.clock.set(new Date(site.clock.now().getTime() + 26 * 3600_000));
      expect((await editor.post(`/newsroom/stories/${id}`, { ...FORM, headline, note, version: await version(id), action: 'correct' })).statusCode).toBe(303);
    }
    return (await site.storage.articles.findState(id))!.slug;
  }

  it('dates a correction like every other date, under the headline and at the foot, and puts it in JSON-LD', async () => {
    const slug = await publishAndCorrect('Harbour bridge reopens', ['The bridge is 2 km long, not 3 km — الجسر 🌉', 'The minister’s name is Kari Nordmann.']);
    const page = (await get(`/article/${slug}`)).body;
    const header = /<header class="story-header"[\s\S]*?<\/header>/.exec(page)?.[0] ?? '';
    // The latest correction under the headline, with a link to all of them at the foot.
    expect(header).toContain('class="correction-flag"');
    expect(header).toContain('The minister’s name is Kari Nordmann.');
    expect(header).toMatch(/<time datetime="2025-01-19T19:00:00.000Z">19 January 2025<\/time>/);
    expect(header).toContain('All 2 corrections');
    const foot = /<section class="corrections"[\s\S]*?<\/section>/.exec(page)?.[0] ?? '';
    expect(foot).toContain('18 January 2025');
    expect(foot).toContain('الجسر 🌉');
    expect(page).not.toMatch(/>\d{4}-\d{2}-\d{2}</);
    const jsonLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]!) as { correction?: unknown[] };
    expect(jsonLd.correction).toEqual([
      { '@type': 'CorrectionComment', text: 'The bridge is 2 km long, not 3 km — الجسر 🌉', datePublished: '2025-01-18T17:00:00.000Z' },
      { '@type': 'CorrectionComment', text: 'The minister’s name is Kari Nordmann.', datePublished: '2025-01-19T19:00:00.000Z' },
    ]);
  });

  it('lists every correction of the edition newest first on /corrections, linked from the footer', async () => {
    await publishAndCorrect('Ferry timetable changes', ['Ferries leave at 07:10, not 07:00. Паром 渡轮']);
    const res = await get('/corrections');
    expect(res.statusCode).toBe(200);
    const items = [...res.body.matchAll(/<li>\s*<p class="corrections-story"><a href="([^"]+)"/g)].map((m) => m[1]);
    expect(items).toEqual(['/article/ferry-timetable-changes', '/article/harbour-bridge-reopens', '/article/harbour-bridge-reopens']);
    expect(res.body).toContain('Паром 渡轮');
    expect(res.body).toContain('<h1 id="corrections-h">Corrections</h1>');
    expect((await get('/')).body).toContain('<a href="/corrections">Corrections</a>');
    const arabic = await get('/ar/corrections');
    expect(arabic.statusCode).toBe(200);
    expect(arabic.body).toContain('لم يُنشر أي تصحيح.');
    expect(arabic.body).toContain('<a href="/ar/corrections">التصحيحات</a>');
    const bad = await get('/corrections?before=not%20a%20page!');
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('"before" is not a page of the corrections list');
    // Pages follow (time, id): the first page's cursor leads to the rest, and an older page is not for indexing.
    const first = await site.storage.articles.listPublicCorrections({ edition: 'en', limit: 1 });
    const older = await get(`/corrections?before=${encodeURIComponent(first.next!)}`);
    expect([...older.body.matchAll(/class="corrections-story"/g)]).toHaveLength(2);
    expect(older.body).toContain('<meta name="robots" content="noindex">');
  });

  it('pages through corrections that share one time without skipping or repeating any', async () => {
    const before = await site.storage.articles.listPublicCorrections({ edition: 'en', limit: 1000 });
    // Two corrections in one instant (the clock stands still between them).
    const id = /\/newsroom\/stories\/([\w-]+)\/edit/.exec((await editor.post('/newsroom/stories', { headline: 'Same-second corrections', section: 'world' })).headers.location as string)![1]!;
    expect((await editor.post(`/newsroom/stories/${id}`, { ...FORM, headline: 'Same-second corrections', version: await version(id), action: 'publish' })).statusCode).toBe(303);
    for (const note of ['Первая поправка.', '第二个更正。', 'التصحيح الثالث.']) {
      expect((await editor.post(`/newsroom/stories/${id}`, { ...FORM, headline: 'Same-second corrections', note, version: await version(id), action: 'correct' })).statusCode).toBe(303);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { note: string }[]; next: string | null } = await site.storage.articles.listPublicCorrections({ edition: 'en', limit: 1, before: cursor });
      seen.push(...page.items.map((c) => c.note));
      cursor = page.next;
    } while (cursor);
    expect(seen).toHaveLength(before.items.length + 3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(seen).toEqual(expect.arrayContaining(['Первая поправка.', '第二个更正。', 'التصحيح الثالث.']));
  });

  it('says an imported story’s earlier versions predate the import instead of “no earlier version … first published minutes ago”', async () => {
    const stories = (await site.storage.articles.listPublished({ limit: 50, edition: 'en' })).items;
    const updated = [];
    for (const s of stories) {
      const article = await site.storage.articles.findPublishedBySlug(s.slug);
      // Imported: published before the capture was taken (the newsroom's stories above came after).
      if (article && isUpdated(article) && article.firstPublishedAt!.getTime() < CAPTURED_AT.getTime()) updated.push(article);
    }
    const [imported] = updated;
    expect(imported, 'the capture has an Update story').toBeTruthy();
    const res = await get(`/article/${imported!.slug}/changes`);
    expect(res.statusCode).toBe(200);
    expect(res.body).not.toContain('No earlier published version');
    expect(res.body).toContain('This story came to <bdi>Dateline Test</bdi> on');
    expect(res.body).toContain('Its earlier versions were not brought over');
    expect(res.body).toMatch(/First published <time datetime="([^"]+)"/);
    const first = /First published <time datetime="([^"]+)"/.exec(res.body)![1]!;
    expect(new Date(first).getTime()).toBe(imported!.firstPublishedAt!.getTime());
    expect(new Date(first).getTime()).toBeLessThan(CAPTURED_AT.getTime());
  });
});
