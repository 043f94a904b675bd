/** Short links answer as their story does: 301 to it while published (purgeable by its surrogate key), 410 once unpublished, 404 for a draft. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { surrogateKey } from '../../src/adapters/edge/surrogate-key.js';
import type { StaffUser } from '../../src/core/staff/staff-user.js';
import { addStaff } from '../support/newsroom-session.js';
import { createTestSite, SITE_URL, type TestSite } from '../support/test-site.js';

let site: TestSite;
let editor: StaffUser;

beforeAll(async () => {
  site = await createTestSite({ newsroom: true, arabic: true });
  editor = (await addStaff(site, 'editor')).user;
});
afterAll(async () => {
  await site?.close();
});

async function story(headline: string, section = { slug: 'world', name: 'World' }, publish = true) {
  const { id, slug } = await site.newsroom!.newsroom.createArticle(editor, { section, headline, highlights: ['Key'], body: [{ type: 'paragraph', text: 'Text.' }] });
  const act = async (action: 'publish' | 'unpublish') => {
    const state = (await site.storage.articles.findState(id))!;
    await site.newsroom!.newsroom.act(editor, id, { action, fields: state.fields, note: action === 'unpublish' ? 'Withdrawn: legal review.' : null, scheduledAt: null, autosave: false, expectedVersion: state.version });
  };
  if (publish) await act('publish');
  const code = (await site.storage.articles.findState(id))!.shortCode!;
  return { id, slug, code, act };
}

const get = (url: string) => site.app.inject({ method: 'GET', url });

describe('short links', () => {
  it('redirect with the story surrogate key, so purging the story purges the redirect', async () => {
    const s = await story('Typhoon 台風 nears Okinawa 🌀');
    const res = await get(`/s/${s.code}`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`${SITE_URL}/article/${encodeURIComponent(s.slug)}`);
    expect(res.headers['surrogate-key']).toBe(surrogateKey(`article:${s.slug}`));
    expect(res.headers.xkey).toBe(res.headers['surrogate-key']);
    expect(res.headers['cache-control']).toBe('public, max-age=300');
  });

  it('answer 410 for an unpublished story, as the story does, and 404 for a draft or an unknown code', async () => {
    const s = await story('Bridge closed — الجسر مغلق');
    await s.act('unpublish');
    const gone = await get(`/s/${s.code}`);
    expect(gone.statusCode).toBe(410);
    expect((await get(`/article/${encodeURIComponent(s.slug)}`)).statusCode).toBe(410);
    expect(gone.headers.location).toBeUndefined();
    expect(gone.headers['surrogate-key']).toBeUndefined();
    expect(gone.headers['cache-control']).toBe('private, no-store');

    const draft = await story('Draft 草稿 not yet public', undefined, false);
    expect((await get(`/s/${draft.code}`)).statusCode).toBe(404);
    expect((await get('/s/zzzzzzz')).statusCode).toBe(404);
  });

  it('lead to the Arabic edition and answer its gone page in Arabic', async () => {
    const arabicSection = (await site.storage.sections.list('ar'))[0]!;
    const s = await story('افتتاح الجسر الجديد في الرياض', { slug: arabicSection.slug, name: arabicSection.name });
    const res = await get(`/s/${s.code}`);
    expect(res.statusCode).toBe(301);
    expect(res.headers.location).toBe(`${SITE_URL}/ar/article/${encodeURIComponent(s.slug)}`);
    expect(res.headers['surrogate-key']).toMatch(/^article:(%[0-9A-F]{2}|-)+$/);
    await s.act('unpublish');
    const gone = await get(`/s/${s.code}`);
    expect(gone.statusCode).toBe(410);
    expect(gone.body).toContain('lang="ar"');
  });
});
