/**
 * Scheduling in the story's edition's time zone, shown beside the field. An honest preview (banner, noindex, no public address, short URL, share or follow tools, no stream into public
 * stories, no "Updated 0 sec ago") and an unpublish that asks for a reason and keeps it in the revision history.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';

const body = JSON.stringify([{ type: 'paragraph', text: 'Rescuers reached the village at dawn. 救援人员 · спасатели · رجال الإنقاذ 🚁' }]);
const FORM = { headline: 'Floods cut off Pamir village — قرية معزولة', highlights: 'Rescuers reach village\nRoads closed', dateline: 'khorog', section: 'world', topics: 'Floods, Tajikistan', authors: 'Ann Reporter', body };

describe('newsroom preview and unpublish over HTTP', () => {
  let site: TestSite;
  let editor: StaffSession;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, arabic: true });
    editor = await staffSession(site, 'editor');
  });
  afterAll(() => site.close());

  const state = async (id: string) => (await site.storage.articles.findState(id))!;
  async function draft(): Promise<string> {
    const res = await editor.post('/newsroom/stories', { headline: FORM.headline, section: 'world' });
    const id = /\/newsroom\/stories\/([\w-]+)\/edit/.exec(res.headers.location as string)![1]!;
    expect((await editor.post(`/newsroom/stories/${id}`, { ...FORM, version: String((await state(id)).version), action: 'save' })).statusCode).toBe(303);
    return id;
  }
  async function published(): Promise<string> {
    const id = await draft();
    expect((await editor.post(`/newsroom/stories/${id}`, { ...FORM, version: String((await state(id)).version), action: 'publish' })).statusCode).toBe(303);
    return id;
  }

  it('previews a draft as not published: banner, noindex, no public address, tools, stream or update time', async () => {
    const id = await draft();
    const res = await editor.get(`/newsroom/stories/${id}/preview`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['x-robots-tag']).toBe('noindex');
    expect(res.headers['cache-control']).toContain('no-store');
    expect(res.body).toContain('<meta name="robots" content="noindex">');
    expect(res.body).toMatch(/<p class="preview-banner"[^>]*>Preview — not published<\/p>/);
    expect(res.body).toContain('Floods cut off Pamir village — قرية معزولة');
    expect(res.body).toContain('спасатели');
    // Nothing the infinite-scroll script could move the address bar to, nor stream into.
    expect(res.body).not.toContain('data-url=');
    expect(res.body).not.toContain('data-stream');
    expect(res.body).not.toContain('data-next-fragment');
    expect(res.body).not.toMatch(/class="(short-url|share|follow|story-time)"/);
    expect(res.body).not.toContain('/s/');
    expect(res.body).not.toContain('data-ticking');
    expect(res.body).not.toContain('application/ld+json');
  });

  it('says so in the edition’s language on an Arabic preview', async () => {
    const id = await draft();
    const ar = (await site.storage.sections.list()).find((s) => s.edition === 'ar');
    expect(ar, 'the Arabic edition has sections').toBeDefined();
    expect((await editor.post(`/newsroom/stories/${id}`, { ...FORM, section: ar!.slug, version: String((await state(id)).version), action: 'save' })).statusCode).toBe(303);
    const res = await editor.get(`/newsroom/stories/${id}/preview`);
    expect(res.body).toContain('dir="rtl"');
    expect(res.body).toContain('معاينة — غير منشورة');
  });

  it('previews a published story with a banner that it is the saved version, not the live page', async () => {
    const id = await published();
    const res = await editor.get(`/newsroom/stories/${id}/preview`);
    expect(res.body).toContain('Preview — this saved version');
    expect(res.body).not.toContain('data-url=');
  });

  it('asks before unpublishing: the editor offers a dialog and a page, not a one-click button', async () => {
    const id = await published();
    const edit = await editor.get(`/newsroom/stories/${id}/edit`);
    expect(edit.body).not.toContain('value="unpublish"');
    expect(edit.body).toContain(`href="/newsroom/stories/${id}/unpublish" data-unpublish-dialog="unpublish-dialog"`);
    expect(edit.body).toMatch(/<dialog id="unpublish-dialog"[\s\S]*name="reason"[^>]*required/);
    const page = await editor.get(`/newsroom/stories/${id}/unpublish`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toMatch(/<textarea id="unpublish-reason" name="reason"[^>]*required/);
  });

  it('refuses to unpublish without a reason and changes nothing', async () => {
    const id = await published();
    const before = await state(id);
    for (const reason of ['', '   ']) {
      const res = await editor.post(`/newsroom/stories/${id}/unpublish`, { reason, version: String(before.version) });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('Unpublishing needs a reason');
      expect(res.body).toContain('aria-invalid="true"');
    }
    const json = await editor.post(`/newsroom/stories/${id}/unpublish`, { reason: '', version: String(before.version) }, { accept: 'application/json' });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.code).toBe('VALIDATION_FAILED');
    // The editor's own form cannot skip the question either.
    const oneClick = await editor.post(`/newsroom/stories/${id}`, { ...FORM, version: String(before.version), action: 'unpublish' });
    expect(oneClick.statusCode).toBe(400);
    const after = await state(id);
    expect(after.status).toBe('published');
    expect(after.version).toBe(before.version);
    expect((await site.app.inject({ method: 'GET', url: `/article/${after.slug}` })).statusCode).toBe(200);
  });

  it('unpublishes with a reason, which the revision history shows', async () => {
    const id = await published();
    const reason = 'Legal hold: names under a court order — أمر قضائي 法院 🛑 <script>';
    const res = await editor.post(`/newsroom/stories/${id}/unpublish`, { reason, version: String((await state(id)).version) });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe(`/newsroom/stories/${id}/edit?done=unpublish`);
    const after = await state(id);
    expect(after.status).toBe('unpublished');
    expect((await site.app.inject({ method: 'GET', url: `/article/${after.slug}` })).statusCode).toBe(410);
    const revisions = await editor.get(`/newsroom/stories/${id}/revisions`);
    expect(revisions.body).toContain('Unpublished');
    expect(revisions.body).toContain('Legal hold: names under a court order — أمر قضائي 法院 🛑 &lt;script&gt;');
  });

  it('schedules in the story’s edition’s time zone and says which', async () => {
    const id = await draft();
    const ar = (await site.storage.sections.list()).find((s) => s.edition === 'ar')!;
    expect((await editor.post(`/newsroom/stories/${id}`, { ...FORM, section: ar.slug, version: String((await state(id)).version), action: 'save' })).statusCode).toBe(303);
    const edit = await editor.get(`/newsroom/stories/${id}/edit`);
    expect(edit.body).toContain('Publish at (Asia/Riyadh, GMT+03:00)');
    expect(edit.body).toContain('In the time zone of the <bdi lang="ar">العربية</bdi> edition');
    // 18:30 in Riyadh is 15:30 UTC, whatever the site's own zone (UTC here).
    const res = await editor.post(`/newsroom/stories/${id}`, { ...FORM, section: ar.slug, version: String((await state(id)).version), action: 'schedule', scheduled_at: '2025-01-18T18:30' });
    expect(res.statusCode).toBe(303);
    expect((await state(id)).scheduledAt?.toISOString()).toBe('2025-01-18T15:30:00.000Z');
    const again = await editor.get(`/newsroom/stories/${id}/edit`);
    expect(again.body).toContain('value="2025-01-18T18:30"');
    expect(again.body).toContain('2025-01-18 18:30</time> (Asia/Riyadh, GMT+03:00)');
  });
});
