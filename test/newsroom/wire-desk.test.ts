/** The wire desk over HTTP: items pushed by an agency reach the queue; use makes a draft with provenance; add to story; spike. */
import { readFileSync, readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { parseWireDocument } from '../../src/adapters/wire/parse-wire-file.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';

const NINJS_DIR = new URL('../../../shared/fixtures/wire/ninjs/2.1/', import.meta.url);

function ninjs(uri: string, headline: string, paragraphs: string[]): string {
  return JSON.stringify({ uri, version: '1', type: 'text', headline, located: 'Geneva', by: 'Staff', body_html: paragraphs.map((p) => `<p>${p}</p>`).join(''), versioncreated: '2025-01-17T12:00:00Z' });
}

describe('wire desk', () => {
  let site: TestSite;
  let reporter: StaffSession;
  let editor: StaffSession;
  let token: string;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    reporter = await staffSession(site, 'reporter');
    editor = await staffSession(site, 'editor');
    const added = await site.wire!.sources.add({ name: 'Test Agency', kind: 'push' });
    if (!added.ok) throw new Error('source');
    token = added.value.pushToken!;
  });
  afterAll(() => site.close());

  const push = (body: string) => site.app.inject({ method: 'POST', url: '/wire/push/test-agency', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, payload: body });

  it('takes pushed items into the queue, newest first, and previews them with their cluster', async () => {
    expect((await push(ninjs('urn:test:1', 'Talks resume in Geneva', ['Negotiators met on Friday in Geneva.', 'A second round is planned.']))).statusCode).toBe(202);
    const queue = await reporter.get('/newsroom/wire');
    expect(queue.statusCode).toBe(200);
    expect(queue.body).toContain('Talks resume in Geneva');
    const rows = await reporter.get('/newsroom/wire/rows?status=new', { accept: 'application/json' });
    const id = rows.json().rows[0].id as string;
    const preview = await reporter.get(`/newsroom/wire/${id}`);
    expect(preview.body).toContain('Negotiators met on Friday in Geneva.');
    expect(preview.body).toContain('Use: new draft');
  });

  it('uses an item as a draft with its provenance, and the item shows which story it became', async () => {
    await push(ninjs('urn:test:2', 'Dam project approved', ['The council approved the dam on Monday.']));
    const id = (await reporter.get('/newsroom/wire/rows', { accept: 'application/json' })).json().rows.find((r: { html: string }) => r.html.includes('Dam project approved')).id;
    const used = await reporter.post(`/newsroom/wire/${id}/use`, {});
    expect(used.statusCode).toBe(303);
    const storyId = /stories\/([\w-]+)\/edit/.exec(used.headers.location as string)![1]!;
    const state = (await site.storage.stories.findState(storyId))!;
    expect(state.status).toBe('draft');
    expect(state.createdBy).toBe(reporter.userId);
    expect(state.fields.source).toEqual({ kind: 'agency', agency: expect.any(String), wireId: 'urn:test:2' });
    expect(state.fields.body.map((b) => ('text' in b ? b.text : ''))).toEqual(['The council approved the dam on Monday.']);
    const item = await site.wire!.ingest.find(id);
    expect(item).toMatchObject({ status: 'used', usedArticleId: storyId });
    expect((await reporter.get(`/newsroom/wire/${id}`)).body).toContain('became');
  });

  it('adds a newer item to a published story as a public update', async () => {
    const created = await editor.post('/newsroom/stories', { headline: 'Storm hits coast', section: 'world' });
    const storyId = /stories\/([\w-]+)\/edit/.exec(created.headers.location as string)![1]!;
    const v = String((await site.storage.stories.findState(storyId))!.version);
    await editor.post(`/newsroom/stories/${storyId}`, { version: v, action: 'publish', headline: 'Storm hits coast', highlights: 'Winds of 120 km/h', authors: 'Desk', body: JSON.stringify([{ type: 'paragraph', text: 'A storm hit the coast.' }]) });
    await push(ninjs('urn:test:3', 'Storm: two missing', ['A storm hit the coast.', 'Two fishermen are missing, the coastguard said.']));
    const id = (await editor.get('/newsroom/wire/rows', { accept: 'application/json' })).json().rows.find((r: { html: string }) => r.html.includes('two missing')).id;
    const slug = (await site.storage.stories.findState(storyId))!.slug;
    const res = await editor.post(`/newsroom/wire/${id}/add-to-story`, { story: `http://news.test/article/${slug}` });
    expect(res.statusCode).toBe(303);
    const after = (await site.storage.stories.findState(storyId))!;
    expect(after.updateNote).toContain('Updated with reporting');
    expect(after.fields.body).toHaveLength(2);
    const page = await site.app.inject({ method: 'GET', url: `/article/${slug}` });
    expect(page.body).toContain('Two fishermen are missing');
  });

  it('lets editors, not reporters, spike an item, which leaves the queue', async () => {
    await push(ninjs('urn:test:4', 'Minor item to spike', ['Nothing much happened.']));
    const id = (await editor.get('/newsroom/wire/rows', { accept: 'application/json' })).json().rows.find((r: { html: string }) => r.html.includes('Minor item to spike')).id;
    expect((await reporter.post(`/newsroom/wire/${id}/spike`, {})).statusCode).toBe(403);
    expect((await editor.post(`/newsroom/wire/${id}/spike`, {})).statusCode).toBe(303);
    expect((await editor.get('/newsroom/wire')).body).not.toContain('Minor item to spike');
    expect((await editor.get('/newsroom/wire?status=spiked')).body).toContain('Minor item to spike');
  });

  it('clusters the same story from two agencies and shows it on the preview', async () => {
    const text = ['Officials confirmed the bridge will reopen to traffic next week after months of repairs to its cables and deck.', 'The work cost more than expected, the ministry said in a statement on Tuesday.'];
    await push(ninjs('urn:test:5', 'Bridge to reopen next week', text));
    await push(ninjs('urn:other:9', 'Bridge reopening set', [...text, 'Local businesses welcomed the news.']));
    const rows = (await editor.get('/newsroom/wire/rows', { accept: 'application/json' })).json().rows as { id: string; html: string }[];
    const a = rows.find((r) => r.html.includes('Bridge to reopen next week'))!.id;
    const b = rows.find((r) => r.html.includes('Bridge reopening set'))!.id;
    expect((await site.wire!.ingest.find(a))!.clusterId).toBe((await site.wire!.ingest.find(b))!.clusterId);
    expect((await editor.get(`/newsroom/wire/${a}`)).body).toContain('Bridge reopening set');
  });

  it('ingests a real agency ninjs item through push and lists it', async () => {
    const file = readdirSync(NINJS_DIR).find((f) => f.startsWith('businesswire'))!;
    const bytes = readFileSync(new URL(file, NINJS_DIR));
    const parsed = parseWireDocument(file, bytes, new Date());
    if (!parsed.ok) throw new Error(parsed.error);
    const res = await push(bytes.toString('utf8'));
    expect(res.statusCode).toBe(202);
    const entries = await site.wire!.ingest.list({ limit: 50 });
    expect(entries.map((e) => e.headline)).toContain(parsed.items[0]!.headline);
  });
});

describe('wire queue filters', () => {
  it('filters by time received and by agency', async () => {
    const site = await createTestSite({ newsroom: true, withFixture: false });
    try {
      const editor = await staffSession(site, 'editor');
      const added = await site.wire!.sources.add({ name: 'Time Agency', kind: 'push' });
      if (!added.ok) throw new Error('source');
      const push = (uri: string, headline: string) => site.app.inject({
        method: 'POST', url: '/wire/push/time-agency', headers: { authorization: `Bearer ${added.value.pushToken}`, 'content-type': 'application/json' },
        payload: ninjs(uri, headline, [`${headline} in a paragraph of its own.`]),
      });
      await push('urn:time:old', 'Older item from this morning');
      site.clock.set(new Date(site.clock.now().getTime() + 5 * 3600_000));
      await push('urn:time:new', 'Newer item from this afternoon');
      const lastHour = await editor.get('/newsroom/wire?since=1');
      expect(lastHour.body).toContain('Newer item from this afternoon');
      expect(lastHour.body).not.toContain('Older item from this morning');
      expect((await editor.get('/newsroom/wire?since=6')).body).toContain('Older item from this morning');
      expect((await editor.get('/newsroom/wire?agency=Time%20Agency')).body).toContain('Newer item from this afternoon');
      expect((await editor.get('/newsroom/wire?since=1')).body).toContain('<option value="Time Agency"');
      expect((await editor.get('/newsroom/wire?agency=Nobody')).body).not.toContain('Newer item from this afternoon');
    } finally {
      await site.close();
    }
  });
});

describe('wire desk guards', () => {
  it('uses an item once, never a spiked one, and answers push errors in JSON', async () => {
    const site = await createTestSite({ newsroom: true, withFixture: false });
    try {
      const editor = await staffSession(site, 'editor');
      const added = await site.wire!.sources.add({ name: 'Guard Agency', kind: 'push' });
      if (!added.ok) throw new Error('source');
      const push = (payload: string | Buffer) => site.app.inject({ method: 'POST', url: '/wire/push/guard-agency', headers: { authorization: `Bearer ${added.value.pushToken}`, 'content-type': 'application/json' }, payload });
      await push(ninjs('urn:guard:1', 'Item to use once', ['Only once.']));
      await push(ninjs('urn:guard:2', 'Item to spike', ['Spiked.']));
      const rows = (await editor.get('/newsroom/wire/rows', { accept: 'application/json' })).json().rows as { id: string; html: string }[];
      const once = rows.find((r) => r.html.includes('Item to use once'))!.id;
      const spiked = rows.find((r) => r.html.includes('Item to spike'))!.id;
      expect((await editor.post(`/newsroom/wire/${once}/use`, {})).statusCode).toBe(303);
      const again = await editor.post(`/newsroom/wire/${once}/use`, {}, { accept: 'application/json' });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.message).toContain('already been used');
      expect((await editor.post(`/newsroom/wire/${spiked}/spike`, {})).statusCode).toBe(303);
      expect((await editor.post(`/newsroom/wire/${spiked}/use`, {}, { accept: 'application/json' })).statusCode).toBe(409);
      expect((await editor.post(`/newsroom/wire/${spiked}/add-to-story`, { story: 'anything' }, { accept: 'application/json' })).statusCode).toBe(409);
      const big = await push(Buffer.alloc(6 * 1024 * 1024, 32));
      expect(big.statusCode).toBe(413);
      expect(big.headers['content-type']).toContain('application/json');
      expect(big.json().code).toBe('WIRE_PUSH_TOO_LARGE');
    } finally {
      await site.close();
    }
  });
});
