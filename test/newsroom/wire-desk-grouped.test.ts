/**
 * The wire desk grouped by story, over HTTP: one row per cluster with each agency's copy in a <details>, live rows
 * keyed by cluster, filters, the compare view (what one copy adds to another), and "Use" making a clean draft
 * (dateline out of the lede, byline people as authors, the agency credited). Headlines in Arabic, CJK and emoji;
 * hostile text stays text.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';

const HOSTILE = '<script>alert("x")</script><img src=x onerror=alert(1)>';
const SHARED = [
  'محادثات السلام استؤنفت في جنيف يوم الجمعة بعد توقف دام ثلاثة أشهر، وفق ما أعلنه الوسطاء في بيان مشترك صدر صباح اليوم.',
  'Negotiators from both delegations met for six hours at the Palais des Nations and agreed to meet again next week, officials said.',
  '双方代表团在万国宫会谈了六个小时，并同意下周再次会面，官员们说。会谈气氛被描述为建设性的。',
];

function ninjs(uri: string, headline: string, paragraphs: string[], extra: Record<string, string> = {}): string {
  return JSON.stringify({ uri, version: '1', type: 'text', headline, body_html: paragraphs.map((p) => `<p>${p}</p>`).join(''), versioncreated: '2025-01-17T12:00:00Z', ...extra });
}

describe('the wire desk grouped by story', () => {
  let site: TestSite;
  let editor: StaffSession;
  const pushers = new Map<string, (payload: string) => Promise<string>>();

  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, withFixture: false });
    editor = await staffSession(site, 'editor');
    for (const name of ['وكالة الأنباء', '共同通信', `Hostile ${HOSTILE}`, 'AP']) {
      const added = await site.wire!.sources.add({ name, kind: 'push' });
      if (!added.ok) throw new Error(`source ${name}`);
      const { source, pushToken } = added.value;
      pushers.set(name, async (payload) => {
        const res = await site.app.inject({
          method: 'POST', url: `/wire/push/${encodeURIComponent(source.slug)}`, payload,
          headers: { authorization: `Bearer ${pushToken}`, 'content-type': 'application/json' },
        });
        expect(res.statusCode, res.body).toBe(202);
        return res.json().itemIds[0] as string;
      });
    }
  });
  afterAll(() => site.close());

  const push = (agency: string, payload: string) => pushers.get(agency)!(payload);
  let arabic = '';
  let cjk = '';
  let hostile = '';

  it('shows one row per story, the most complete copy leading, with each agency\'s copy in a details element', async () => {
    arabic = await push('وكالة الأنباء', ninjs('urn:ar:1', 'استئناف محادثات السلام في جنيف 🕊️', SHARED));
    cjk = await push('共同通信', ninjs('urn:jp:1', 'ジュネーブで和平交渉再開 🇨🇭', [...SHARED, '次回の会合は来週火曜日に予定されている。']));
    hostile = await push(`Hostile ${HOSTILE}`, ninjs('urn:x:1', `Talks ${HOSTILE}`, [...SHARED, `A quote: ${HOSTILE}`, 'Delegates left the building at dusk.']));
    const clusterId = (await site.wire!.ingest.find(arabic))!.clusterId;
    expect([(await site.wire!.ingest.find(cjk))!.clusterId, (await site.wire!.ingest.find(hostile))!.clusterId]).toEqual([clusterId, clusterId]);
    await push('AP', ninjs('urn:ap:other', 'Unrelated: harvest festival opens', ['The harvest festival opened in the valley with music and dancing.']));

    const page = await editor.get('/newsroom/wire');
    expect(page.statusCode).toBe(200);
    expect(page.body.match(/<tr data-wire-id=/g)).toHaveLength(2);
    const row = page.body.slice(page.body.indexOf(`data-wire-cluster="${clusterId}"`)).split('</tr>')[0]!;
    // The hostile copy is the longest: it leads.
    expect(row).toContain(`<a href="/newsroom/wire/${hostile}" dir="auto">Talks &lt;script&gt;`);
    expect(row).toContain('<summary>3 agencies · 3 versions</summary>');
    expect(row).toContain('وكالة الأنباء');
    expect(row).toContain('共同通信');
    expect(row).toContain('استئناف محادثات السلام في جنيف 🕊️');
    expect(row).toContain(`href="/newsroom/wire/${hostile}/compare/${cjk}"`);
    expect(page.body).not.toContain('<script>alert');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).not.toMatch(/<td>—<\/td>/);
  });

  it('answers live rows per story, whose stamp changes when a copy joins', async () => {
    const rows = async () => (await editor.get('/newsroom/wire/rows', { accept: 'application/json' })).json().rows as { id: string; cluster: string; stamp: string; html: string }[];
    const before = await rows();
    expect(before).toHaveLength(2);
    const clusterId = (await site.wire!.ingest.find(arabic))!.clusterId;
    const story = before.find((r) => r.cluster === clusterId)!;
    expect(story.id).toBe(hostile);
    site.clock.set(new Date(site.clock.now().getTime() + 60_000));
    const late = await push('AP', ninjs('urn:ap:talks', 'Peace talks resume in Geneva', [...SHARED, 'The AP saw the draft agenda.']));
    const after = (await rows()).find((r) => r.cluster === clusterId)!;
    expect(after.stamp).not.toBe(story.stamp);
    expect(after.stamp).toBe(`${late} 4`);
    expect(after.html).toContain('4 agencies · 4 versions');
  });

  it('keeps the filters: one agency shows its own copies only; one cluster shows every copy', async () => {
    const byAgency = await editor.get(`/newsroom/wire?agency=${encodeURIComponent('共同通信')}`);
    expect(byAgency.body.match(/<tr data-wire-id=/g)).toHaveLength(1);
    expect(byAgency.body).toContain('ジュネーブで和平交渉再開 🇨🇭');
    expect(byAgency.body).not.toContain('<details');
    const clusterId = (await site.wire!.ingest.find(arabic))!.clusterId;
    const cluster = await editor.get(`/newsroom/wire?cluster=${clusterId}`);
    expect(cluster.body.match(/<tr data-wire-id=/g)).toHaveLength(1);
    expect(cluster.body).not.toContain('harvest festival');
  });

  it('compares two copies: what one adds as <ins>, what it lacks as <del>, hostile text escaped', async () => {
    const res = await editor.get(`/newsroom/wire/${arabic}/compare/${hostile}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<h1>What <bdi>Hostile &lt;script&gt;');
    expect(res.body).toMatch(/<ins>[^<]*Delegates left the building at dusk\.<\/ins>|<ins>[^<]*Delegates/);
    expect(res.body).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(res.body).toMatch(/<del>[^<]*استئناف/);
    expect(res.body).not.toContain('<script>alert');
    expect(res.body).toMatch(/\d+ words added, \d+ left out/);
    const same = await editor.get(`/newsroom/wire/${cjk}/compare/${cjk}`);
    expect(same.body).toContain('No differences in the text.');
    const missing = await editor.get(`/newsroom/wire/${arabic}/compare/no-such-item`, { accept: 'application/json' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('WIRE_ITEM_NOT_FOUND');
    const bad = await editor.get(`/newsroom/wire/${arabic}/compare/${encodeURIComponent('<script>')}`, { accept: 'application/json' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain('<script>');
    const anonymous = await site.app.inject({ method: 'GET', url: `/newsroom/wire/${arabic}/compare/${cjk}` });
    expect([302, 303, 401]).toContain(anonymous.statusCode);
  });
});

describe('Use → a clean draft', () => {
  it('moves the dateline out of the lede, carries the byline\'s people as authors (reused by name), credits the agency', async () => {
    const site = await createTestSite({ newsroom: true, withFixture: false });
    try {
      const reporter = await staffSession(site, 'reporter');
      const added = await site.wire!.sources.add({ name: 'AP', kind: 'push' });
      if (!added.ok) throw new Error('source');
      const push = async (payload: string) => (await site.app.inject({
        method: 'POST', url: '/wire/push/ap', payload, headers: { authorization: `Bearer ${added.value.pushToken}`, 'content-type': 'application/json' },
      })).json().itemIds[0] as string;
      const first = await push(ninjs('urn:ap:grosseto', 'Rescuers search Tuscan coast', ['GROSSETO, Italy (AP) -- Rescuers searched the coast on Saturday.', 'More later.'], {
        located: 'GROSSETTO, ITALY', by: "By FRANCES D'EMILIO and 李娜 Associated Press",
      }));
      const used = await reporter.post(`/newsroom/wire/${first}/use`, {});
      expect(used.statusCode).toBe(303);
      const storyId = /stories\/([\w-]+)\/edit/.exec(used.headers.location as string)![1]!;
      const fields = (await site.storage.articles.findState(storyId))!.fields;
      expect(fields.dateline).toBe('GROSSETTO, ITALY');
      expect(fields.body[0]).toEqual({ type: 'paragraph', text: 'Rescuers searched the coast on Saturday.' });
      expect(fields.source).toEqual({ kind: 'agency', agency: 'AP', wireId: 'urn:ap:grosseto' });
      expect(fields.authors.map((a) => a.name)).toEqual(["Frances D'Emilio", '李娜']);
      expect(await site.storage.authors.findByName('李娜')).toMatchObject({ name: '李娜' });
      expect((await site.storage.authors.findBySlug(fields.authors[0]!.slug))?.bio).toBeNull();

      // The same reporter again: the authors are the ones already stored.
      const second = await push(ninjs('urn:ap:grosseto-2', 'Search widens', ['GROSSETO, Italy (AP) — The search widened.'], { by: 'By 李娜, AP' }));
      const again = /stories\/([\w-]+)\/edit/.exec((await reporter.post(`/newsroom/wire/${second}/use`, {})).headers.location as string)![1]!;
      const next = (await site.storage.articles.findState(again))!.fields;
      expect(next.authors).toEqual([fields.authors[1]]);
      expect(next.dateline).toBe('GROSSETO, ITALY');
      expect(next.body[0]).toEqual({ type: 'paragraph', text: 'The search widened.' });
    } finally {
      await site.close();
    }
  });
});
