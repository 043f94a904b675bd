/** The wire desk over HTTP: items pushed by an agency reach the queue; use makes a draft with provenance; add to story; spike. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { parseWireDocument } from '../../src/adapters/wire/parse-wire-file.js';
import { fixturePath } from '../support/fixture-path.js';
import { addStaff, staffSession, type StaffSession } from '../support/newsroom-session.js';
import { ROLES, type Role } from '../../src/core/staff/staff-user.js';
import { WIRE_DESK_ACTIONS, WIRE_DESK_RULES, type WireDeskAction } from '../../src/core/wire/wire-desk-rules.js';

const NINJS_DIR = fixturePath('wire/ninjs/2.1');

function ninjs(uri: string, headline: string, paragraphs: string[]): string {
  return JSON.stringify({ uri, version: '1', type: 'text', headline, located: 'Geneva', by: 'Staff', body_html: paragraphs.map((p) => `<p>${p}</p>`).join(''), versioncreated: '2025-01-17T12:00:00Z' });
}

/** A site of its own with the newsroom, an editor signed in, and a push source of `agency` that `push` sends to. */
async function deskSite(agency: string) {
  const site = await createTestSite({ newsroom: true, withFixture: false });
  const editor = await staffSession(site, 'editor');
  const added = await site.wire!.sources.add({ name: agency, kind: 'push' });
  if (!added.ok) throw new Error('source');
  const push = (payload: string | Buffer) => site.app.inject({
    method: 'POST', url: `/wire/push/${added.value.source.slug}`, headers: { authorization: `Bearer ${added.value.pushToken}`, 'content-type': 'application/json' }, payload,
  });
  return { site, editor, push };
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

  it('credits a byline to the staff author of the same name, and a different name that makes the same slug to a new author', async () => {
    await addStaff(site, 'reporter', 'John Smith');
    const authorsOfUse = async (uri: string, byline: string) => {
      const item = { ...JSON.parse(ninjs(uri, `Byline ${uri}`, ['Text of the story.'])) as Record<string, unknown>, by: byline };
      const id = (await push(JSON.stringify(item))).json().itemIds[0] as string;
      const used = await reporter.post(`/newsroom/wire/${id}/use`, {});
      const storyId = /stories\/([\w-]+)\/edit/.exec(used.headers.location as string)![1]!;
      const rows = await site.storage.db.selectFrom('article_authors').innerJoin('authors', 'authors.id', 'article_authors.author_id')
        .select(['authors.slug', 'authors.name']).where('article_authors.article_id', '=', storyId).orderBy('article_authors.position').execute();
      return rows.map((r) => [r.slug, r.name]);
    };
    // "John Smíth" slugifies like the staff's "John Smith" but is another person: a new author, never the staff's.
    expect(await authorsOfUse('urn:test:byline-1', 'John Smíth')).toEqual([['john-smith-2', 'John Smíth']]);
    expect(await authorsOfUse('urn:test:byline-2', 'john  smith')).toEqual([['john-smith', 'John Smith']]);
    expect(await authorsOfUse('urn:test:byline-3', 'John Smíth')).toEqual([['john-smith-2', 'John Smíth']]);
  });

  it('uses an item as a draft with its provenance, and the item shows which story it became', async () => {
    await push(ninjs('urn:test:2', 'Dam project approved', ['The council approved the dam on Monday.']));
    const id = (await reporter.get('/newsroom/wire/rows', { accept: 'application/json' })).json().rows.find((r: { html: string }) => r.html.includes('Dam project approved')).id;
    const used = await reporter.post(`/newsroom/wire/${id}/use`, {});
    expect(used.statusCode).toBe(303);
    const storyId = /stories\/([\w-]+)\/edit/.exec(used.headers.location as string)![1]!;
    const state = (await site.storage.articles.findState(storyId))!;
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
    const v = String((await site.storage.articles.findState(storyId))!.version);
    await editor.post(`/newsroom/stories/${storyId}`, { version: v, action: 'publish', headline: 'Storm hits coast', highlights: 'Winds of 120 km/h', authors: 'Desk', body: JSON.stringify([{ type: 'paragraph', text: 'A storm hit the coast.' }]) });
    await push(ninjs('urn:test:3', 'Storm: two missing', ['A storm hit the coast.', 'Two fishermen are missing, the coastguard said.']));
    const id = (await editor.get('/newsroom/wire/rows', { accept: 'application/json' })).json().rows.find((r: { html: string }) => r.html.includes('two missing')).id;
    const slug = (await site.storage.articles.findState(storyId))!.slug;
    const res = await editor.post(`/newsroom/wire/${id}/add-to-story`, { story: `http://news.test/article/${slug}` });
    expect(res.statusCode).toBe(303);
    const after = (await site.storage.articles.findState(storyId))!;
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
    const entries = await site.wire!.ingest.list({ limit: 50 });
    const a = entries.find((e) => e.headline === 'Bridge to reopen next week')!.id;
    const b = entries.find((e) => e.headline === 'Bridge reopening set')!.id;
    expect((await site.wire!.ingest.find(a))!.clusterId).toBe((await site.wire!.ingest.find(b))!.clusterId);
    expect((await editor.get(`/newsroom/wire/${a}`)).body).toContain('Bridge reopening set');
    // On the desk they are one story: the longer copy leads, the other is inside its row.
    const rows = (await editor.get('/newsroom/wire/rows', { accept: 'application/json' })).json().rows as { id: string; html: string }[];
    const bridge = rows.filter((r) => r.html.includes('Bridge'));
    expect(bridge.map((r) => r.id)).toEqual([b]);
    expect(bridge[0]!.html).toContain('Bridge to reopen next week');
  });

  it('ingests a real agency ninjs item through push and lists it', async () => {
    const file = readdirSync(NINJS_DIR).find((f) => f.startsWith('businesswire'))!;
    const bytes = readFileSync(join(NINJS_DIR, file));
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
    const { site, editor, push } = await deskSite('Time Agency');
    try {
      const item = (uri: string, headline: string) => push(ninjs(uri, headline, [`${headline} in a paragraph of its own.`]));
      await item('urn:time:old', 'Older item from this morning');
      site.clock.set(new Date(site.clock.now().getTime() + 5 * 3600_000));
      await item('urn:time:new', 'Newer item from this afternoon');
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
    const { site, editor, push } = await deskSite('Guard Agency');
    try {
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
      const spikedUse = await editor.post(`/newsroom/wire/${spiked}/use`, {}, { accept: 'application/json' });
      expect(spikedUse.statusCode).toBe(409);
      expect(spikedUse.json().error.code).toBe('WIRE_ITEM_STATUS_CONFLICT');
      expect((await editor.post(`/newsroom/wire/${spiked}/add-to-story`, { story: 'anything' }, { accept: 'application/json' })).statusCode).toBe(409);
      const missing = await editor.post('/newsroom/wire/no-such-item/use', {}, { accept: 'application/json' });
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.code).toBe('WIRE_ITEM_NOT_FOUND');
      const big = await push(Buffer.alloc(6 * 1024 * 1024, 32));
      expect(big.statusCode).toBe(413);
      expect(big.headers['content-type']).toContain('application/json');
      expect(big.json().error.code).toBe('REQUEST_TOO_LARGE');
    } finally {
      await site.close();
    }
  });
});

describe('wire desk in one transaction', () => {
  it('creates no story and leaves the item new when marking it used fails, and uses it once that write works', async () => {
    const { site, editor, push } = await deskSite('Atomic Agency');
    try {
      const [entry] = (await push(ninjs('urn:atomic:1', 'Item whose marking fails', ['The second write fails.']))).json().itemIds as string[];
      const stories = async () => Number((await site.storage.db.selectFrom('articles').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
      const before = await stories();
      // A constraint that refuses the second write (the item's status) after the story has been written.
      await sql`CREATE TRIGGER refuse_used BEFORE UPDATE OF status ON wire_items WHEN NEW.status = 'used' BEGIN SELECT RAISE(ABORT, 'marking refused'); END`.execute(site.storage.db);
      const failed = await editor.post(`/newsroom/wire/${entry!}/use`, {}, { accept: 'application/json' });
      expect(failed.statusCode).toBe(500);
      expect(await stories()).toBe(before);
      expect(await site.wire!.ingest.find(entry!)).toMatchObject({ status: 'new', usedArticleId: null });

      await sql`DROP TRIGGER refuse_used`.execute(site.storage.db);
      expect((await editor.post(`/newsroom/wire/${entry!}/use`, {})).statusCode).toBe(303);
      expect(await stories()).toBe(before + 1);
      expect((await site.wire!.ingest.find(entry!))?.status).toBe('used');
    } finally {
      await site.close();
    }
  });
});

describe('roles × wire desk actions, over HTTP', () => {
  let desk: Awaited<ReturnType<typeof deskSite>>;
  const sessions = new Map<Role, StaffSession>();
  let n = 0;
  beforeAll(async () => {
    desk = await deskSite('Matrix Agency');
    for (const role of ROLES) sessions.set(role, await staffSession(desk.site, role));
  });
  afterAll(() => desk.site.close());

  /** A fresh item in the status the action starts from (spiked by an admin, for restore). */
  async function itemFor(action: WireDeskAction): Promise<string> {
    const item = JSON.parse(ninjs(`urn:matrix:${++n}`, `Matrix item ${n}`, [`Paragraph of matrix item ${n}.`])) as Record<string, unknown>;
    // A photo at a private address the push source may not reach: taking it gets past the desk's rules, then its fetch is refused.
    if (action === 'take-photo') item.associations = [{ type: 'picture', headline: 'صورة 📷', renditions: [{ href: 'http://127.0.0.1:9/photo.jpg', mimetype: 'image/jpeg' }] }];
    const pushed = await desk.push(JSON.stringify(item));
    const id = pushed.json().itemIds[0] as string;
    if (action === 'restore') expect((await sessions.get('admin')!.post(`/newsroom/wire/${id}/spike`, {})).statusCode).toBe(303);
    return id;
  }

  for (const role of ROLES) {
    for (const action of WIRE_DESK_ACTIONS) {
      const allowed = role === 'editor' || role === 'admin' || action === 'use' || action === 'add-to-story' || action === 'take-photo';
      it(`${role} ${allowed ? 'may' : 'may not'} ${action}`, async () => {
        const session = sessions.get(role)!;
        const id = await itemFor(action);
        // Copy goes into a draft of the role's own, which every role may save.
        const draft = action === 'add-to-story' ? await session.post('/newsroom/stories', { headline: `Draft ${n}`, section: 'world' }) : null;
        const story = draft ? /stories\/([\w-]+)\/edit/.exec(draft.headers.location as string)![1]! : '';
        const res = await session.post(`/newsroom/wire/${id}/${action === 'take-photo' ? 'photos/0' : action}`, draft ? { story } : {}, { accept: 'application/json' });
        if (allowed && action === 'take-photo') expect(res.json().error.code, res.body.slice(0, 300)).toBe('WIRE_PHOTO_UNAVAILABLE');
        else if (allowed) expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
        else {
          expect(res.statusCode).toBe(403);
          expect(res.json().error.code).toBe('PERMISSION_DENIED');
        }
        expect((await desk.site.wire!.ingest.find(id))!.status).toBe(allowed ? WIRE_DESK_RULES[action].to ?? 'new' : action === 'restore' ? 'spiked' : 'new');
      });
    }
  }
});
