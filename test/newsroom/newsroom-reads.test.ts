/**
 * Every role against every newsroom read of a story, over HTTP: role × read × own/other × status. A story a role may
 * not read answers 404, exactly as a story that does not exist, and nothing of it (not its headline) shows.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, type ArticleStatus } from '../../src/core/articles/article.js';
import { ROLES, type Role } from '../../src/core/staff/staff-user.js';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';

/** What each role may read, by hand from the README's promise: writers their own stories and published ones; the desk all. */
const MAY_READ: Record<Role, { own: readonly ArticleStatus[]; other: readonly ArticleStatus[] }> = {
  contributor: { own: ARTICLE_STATUSES, other: ['published'] },
  reporter: { own: ARTICLE_STATUSES, other: ['published'] },
  editor: { own: ARTICLE_STATUSES, other: ARTICLE_STATUSES },
  admin: { own: ARTICLE_STATUSES, other: ARTICLE_STATUSES },
};

/** Each newsroom read of one story: its URL, and whether the answer shows the story. */
const READS: Record<string, { url: (id: string, token: string) => string; shows: (body: string, id: string, token: string) => boolean }> = {
  edit: { url: (id) => `/newsroom/stories/${id}/edit`, shows: (body, _id, token) => body.includes(token) },
  preview: { url: (id) => `/newsroom/stories/${id}/preview`, shows: (body, _id, token) => body.includes(token) },
  revisions: { url: (id) => `/newsroom/stories/${id}/revisions`, shows: (body, _id, token) => body.includes(token) },
  diff: { url: (id) => `/newsroom/stories/${id}/revisions/diff?from=1&to=2`, shows: (body, _id, token) => body.includes(token) },
  search: { url: (_id, token) => `/newsroom/stories?q=${encodeURIComponent(token)}`, shows: (body, id) => body.includes(`/newsroom/stories/${id}/edit`) },
};

const FORM = {
  highlights: 'Dockers walk out · Докеры бастуют', dateline: 'ROTTERDAM', section: 'world', topics: 'Rotterdam', authors: 'Staff Writer',
  body: JSON.stringify([{ type: 'paragraph', text: 'Cranes stood idle on Monday. 港口停工。 توقفت الرافعات 🏗️' }]), note: 'New figures.', scheduled_at: '2099-01-01T10:00',
};

describe('roles × newsroom reads × own/other × status', () => {
  let site: TestSite;
  const sessions = new Map<Role, StaffSession>();
  let admin: StaffSession;
  /** Owner of the "someone else's" stories: a reporter who is none of the sessions under test. */
  let someoneElse: StaffSession;
  /** story id and the word only its headline has, by owner (role, or 'other') and status. */
  const stories = new Map<string, { id: string; token: string }>();

  /** A story created by `owner`, saved once by the admin with a headline holding `token` (revision 2), then brought to `status`. */
  async function storyIn(owner: StaffSession, status: ArticleStatus, token: string): Promise<string> {
    const res = await owner.post('/newsroom/stories', { headline: 'Ébauche · مسودة · 草稿', section: 'world' });
    const id = /stories\/([\w-]+)\/edit/.exec(res.headers.location as string)![1]!;
    const step = async (action: string) => {
      const version = String((await site.storage.articles.findState(id))!.version);
      const r = await admin.post(`/newsroom/stories/${id}`, { ...FORM, headline: `Port strike ${token} — Москва 北京 بيروت 🗞️`, version, action });
      expect(r.statusCode, `${action}: ${r.body.slice(0, 300)}`).toBe(303);
    };
    await step('save');
    if (status === 'in_review') await step('submit');
    if (status === 'scheduled') await step('schedule');
    if (status === 'published' || status === 'unpublished') await step('publish');
    if (status === 'unpublished') await step('unpublish');
    expect((await site.storage.articles.findState(id))!.status).toBe(status);
    return id;
  }

  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    for (const role of ROLES) sessions.set(role, await staffSession(site, role));
    admin = sessions.get('admin')!;
    someoneElse = await staffSession(site, 'reporter');
    for (const owner of [...ROLES, 'other'] as const) {
      for (const status of ARTICLE_STATUSES) {
        const token = `zq${owner}${status.replace('_', '')}x`;
        stories.set(`${owner}/${status}`, { id: await storyIn(owner === 'other' ? someoneElse : sessions.get(owner)!, status, token), token });
      }
    }
  });
  afterAll(() => site.close());

  for (const role of ROLES) {
    for (const read of Object.keys(READS)) {
      for (const mine of [true, false]) {
        for (const status of ARTICLE_STATUSES) {
          const allowed = (mine ? MAY_READ[role].own : MAY_READ[role].other).includes(status);
          it(`${role} ${allowed ? 'may' : 'may not'} ${read} ${mine ? 'their own' : "someone else's"} ${status} story`, async () => {
            const { id, token } = stories.get(`${mine ? role : 'other'}/${status}`)!;
            const { url, shows } = READS[read]!;
            const res = await sessions.get(role)!.get(url(id, token));
            if (read === 'search') expect(res.statusCode).toBe(200);
            else expect(res.statusCode, res.body.slice(0, 300)).toBe(allowed ? 200 : 404);
            expect(shows(res.body, id, token)).toBe(allowed);
          });
        }
      }
    }
  }

  it('answers a story a writer may not read exactly as one that does not exist (HTML and JSON)', async () => {
    const reporter = sessions.get('reporter')!;
    const { id } = stories.get('other/scheduled')!;
    const missing = id.replace(/[0-9a-f]/g, '0');
    for (const headers of [{}, { accept: 'application/json' }] as Record<string, string>[]) {
      const hidden = await reporter.get(`/newsroom/stories/${id}/edit`, headers);
      const absent = await reporter.get(`/newsroom/stories/${missing}/edit`, headers);
      expect(hidden.statusCode).toBe(404);
      expect(hidden.body.replaceAll(id, 'ID')).toBe(absent.body.replaceAll(missing, 'ID'));
    }
    expect((await reporter.get(`/newsroom/stories/${id}/edit`, { accept: 'application/json' })).json().error.code).toBe('ARTICLE_NOT_FOUND');
  });

  it('links a wire item to the story it became only for staff who may read that story', async () => {
    const added = await site.wire!.sources.add({ name: 'Агентство 通讯社', kind: 'push' });
    if (!added.ok) throw new Error('source');
    const item = JSON.stringify({ uri: 'urn:test:reads:1', version: '1', type: 'text', headline: 'Talks resume — переговоры 会谈', located: 'Geneva', body_html: '<p>Negotiators met on Friday.</p>', versioncreated: '2025-01-17T12:00:00Z' });
    const pushed = await site.app.inject({ method: 'POST', url: `/wire/push/${added.value.source.slug}`, headers: { authorization: `Bearer ${added.value.pushToken}`, 'content-type': 'application/json' }, payload: item });
    expect(pushed.statusCode).toBe(202);
    const itemId = (pushed.json() as { itemIds: string[] }).itemIds[0]!;
    const used = await someoneElse.post(`/newsroom/wire/${itemId}/use`, {});
    const storyId = /stories\/([\w-]+)\/edit/.exec(used.headers.location as string)![1]!;
    const link = `href="/newsroom/stories/${storyId}/edit"`;
    for (const [session, shown] of [[someoneElse, true], [sessions.get('reporter')!, false], [sessions.get('contributor')!, false], [sessions.get('editor')!, true]] as const) {
      const page = await session.get(`/newsroom/wire/${itemId}`);
      expect(page.statusCode).toBe(200);
      expect(page.body.includes(link)).toBe(shown);
    }
  });

  it('gives nothing back from a form posted to a story the writer may not read, whatever is wrong with the form', async () => {
    const contributor = sessions.get('contributor')!;
    const { id, token } = stories.get('other/draft')!;
    // A lead photo that does not exist would be named before the workflow refuses the save.
    const res = await contributor.post(`/newsroom/stories/${id}`, { ...FORM, headline: 'x', lead_media_id: 'no-such-photo', version: '1', action: 'save' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain(token);
    const autosave = await contributor.post(`/newsroom/stories/${id}/autosave`, { ...FORM, headline: 'x', version: '1' });
    expect(autosave.statusCode).toBe(404);
    expect(autosave.json().error.code).toBe('ARTICLE_NOT_FOUND');
  });
});
