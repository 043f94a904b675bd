import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';

const body = JSON.stringify([{ type: 'paragraph', text: 'Rescuers reached the village at dawn, officials said.' }]);

function storyForm(overrides: Record<string, string> = {}): Record<string, string> {
  return { headline: 'Floods cut off mountain village', highlights: 'Rescuers reach village\nRoads closed', dateline: 'kabul', section: 'world', topics: 'Afghanistan, Floods', authors: 'Ann Reporter', body, ...overrides };
}

describe('newsroom workflow over HTTP', () => {
  let site: TestSite;
  let reporter: StaffSession;
  let editor: StaffSession;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    reporter = await staffSession(site, 'reporter');
    editor = await staffSession(site, 'editor');
  });
  afterAll(() => site.close());

  async function createArticle(session: StaffSession, headline = 'Floods cut off mountain village'): Promise<string> {
    const res = await session.post('/newsroom/stories', { headline, section: 'world' });
    expect(res.statusCode).toBe(303);
    return /\/newsroom\/stories\/([\w-]+)\/edit/.exec(res.headers.location as string)![1]!;
  }
  const version = async (id: string) => (await site.storage.articles.findState(id))!.version;

  it('sends a visitor without a session to the login page', async () => {
    const res = await site.app.inject({ method: 'GET', url: '/newsroom' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/newsroom/login?next=%2Fnewsroom');
  });

  it('refuses a form without the CSRF token', async () => {
    const res = await site.app.inject({ method: 'POST', url: '/newsroom/stories', headers: { cookie: reporter.cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: 'headline=x' });
    expect(res.statusCode).toBe(403);
    expect(res.body).toContain('expired');
  });

  it('takes a story from draft to review to published, and readers see it with its update', async () => {
    const id = await createArticle(reporter);
    expect((await reporter.post(`/newsroom/stories/${id}`, { ...storyForm(), version: String(await version(id)), action: 'save' })).statusCode).toBe(303);
    const forbidden = await reporter.post(`/newsroom/stories/${id}`, { ...storyForm(), version: String(await version(id)), action: 'publish' });
    expect(forbidden.statusCode).toBe(403);
    expect((await reporter.post(`/newsroom/stories/${id}`, { ...storyForm(), version: String(await version(id)), action: 'submit' })).statusCode).toBe(303);
    expect((await editor.post(`/newsroom/stories/${id}`, { ...storyForm(), version: String(await version(id)), action: 'publish' })).statusCode).toBe(303);
    const state = (await site.storage.articles.findState(id))!;
    expect(state.status).toBe('published');
    expect(state.slug).toBe('floods-cut-off-mountain-village');
    const page = await site.app.inject({ method: 'GET', url: `/article/${state.slug}` });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('KABUL');
    const home = await site.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('Floods cut off mountain village');
    expect((await site.app.inject({ method: 'GET', url: '/news-sitemaps/1.xml' })).body).toContain(state.slug);
    expect((await site.app.inject({ method: 'GET', url: '/topic/afghanistan' })).body).toContain('Floods cut off mountain village');

    site.clock.set(new Date(site.clock.now().getTime() + 3600_000));
    const noNote = await editor.post(`/newsroom/stories/${id}`, { ...storyForm(), version: String(await version(id)), action: 'update' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.body).toContain('An update needs a note');
    const update = await editor.post(`/newsroom/stories/${id}`, {
      ...storyForm({ body: JSON.stringify([{ type: 'paragraph', text: 'Rescuers reached the village at dawn and found 40 families, officials said.' }]) }),
      version: String(await version(id)), action: 'update', note: 'Adds the number of families.',
    });
    expect(update.statusCode).toBe(303);
    const after = await site.app.inject({ method: 'GET', url: `/article/${state.slug}` });
    expect(after.body).toContain('Adds the number of families.');
    expect(after.body).toContain('What changed');
    const changes = await site.app.inject({ method: 'GET', url: `/article/${state.slug}/changes` });
    expect(changes.statusCode).toBe(200);
    expect(changes.body).toMatch(/<ins>[^<]*40 families/);

    expect((await editor.post(`/newsroom/stories/${id}`, { version: String(await version(id)), action: 'unpublish', note: 'Withdrawn: legal review.' })).statusCode).toBe(303);
    expect((await site.app.inject({ method: 'GET', url: `/article/${state.slug}` })).statusCode).toBe(410);
    expect((await site.app.inject({ method: 'GET', url: '/' })).body).not.toContain('Floods cut off mountain village');
    expect((await site.app.inject({ method: 'GET', url: '/search?q=floods' })).body).not.toContain('Floods cut off mountain village');
    expect((await site.app.inject({ method: 'GET', url: '/feed.xml' })).body).not.toContain('Floods cut off mountain village');
    expect((await site.app.inject({ method: 'GET', url: '/news-sitemaps/1.xml' })).body).not.toContain(state.slug);
    expect((await site.app.inject({ method: 'GET', url: '/topic/afghanistan' })).body).not.toContain('Floods cut off mountain village');
  });

  it('gives the second of two concurrent saves a conflict and keeps its text in the revisions', async () => {
    const id = await createArticle(reporter, 'Two editors one story');
    const v = String(await version(id));
    const first = await reporter.post(`/newsroom/stories/${id}/autosave`, { ...storyForm({ headline: 'Version A' }), version: v }, { accept: 'application/json' });
    expect(first.statusCode).toBe(200);
    const second = await editor.post(`/newsroom/stories/${id}/autosave`, { ...storyForm({ headline: 'Version B' }), version: v }, { accept: 'application/json' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('ARTICLE_VERSION_CONFLICT');
    const revisions = await site.storage.articles.listRevisions(id);
    expect(revisions.map((r) => r.kind)).toContain('conflict');
    const conflict = revisions.find((r) => r.kind === 'conflict')!;
    expect((await site.storage.articles.findRevision(id, conflict.number))!.fields.headline).toBe('Version B');
    expect((await site.storage.articles.findState(id))!.fields.headline).toBe('Version A');
  });

  it('shows a word diff between revisions and restores an old one as a new revision', async () => {
    const id = await createArticle(editor, 'Original headline here');
    await editor.post(`/newsroom/stories/${id}`, { ...storyForm({ headline: 'Changed headline here' }), version: String(await version(id)), action: 'save' });
    const diff = await editor.get(`/newsroom/stories/${id}/revisions/diff?from=1&to=2`);
    expect(diff.statusCode).toBe(200);
    expect(diff.body).toContain('<del>Original</del>');
    expect(diff.body).toContain('<ins>Changed</ins>');
    const restore = await editor.post(`/newsroom/stories/${id}`, { version: String(await version(id)), action: 'restore', revision: '1' });
    expect(restore.statusCode).toBe(303);
    const state = (await site.storage.articles.findState(id))!;
    expect(state.fields.headline).toBe('Original headline here');
    expect((await site.storage.articles.listRevisions(id))[0]!.kind).toBe('restored');
  });
});
