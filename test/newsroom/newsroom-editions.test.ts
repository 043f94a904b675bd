/** Editions in the newsroom: the admin page, sections per edition, an Arabic story from draft to its /ar/ page, and its link to an English story. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slugify } from '../../src/core/shared/slug.js';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';
import { act, addArabicEdition, addSection, ARABIC_EDITION, arabicStoryForm, createArticle, linksTo, publishedStory, readerPath, storyForm } from './edition-test-support.js';

const HEADLINE = 'زيارة ولي العهد إلى سيول';

describe('editions in the newsroom', () => {
  let site: TestSite;
  let admin: StaffSession;
  let editor: StaffSession;
  let arabicSection = '';
  let arabic = { id: '', slug: '' };
  let english = { id: '', slug: '' };
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    admin = await staffSession(site, 'admin');
    editor = await staffSession(site, 'editor');
  });
  afterAll(() => site.close());

  it('lets an admin add the Arabic edition: right to left from its language, served under /ar/', async () => {
    expect((await admin.get('/newsroom')).body).toContain('href="/newsroom/editions"');
    expect((await editor.get('/newsroom')).body).not.toContain('href="/newsroom/editions"');
    await addArabicEdition(admin);
    expect(site.deps.editions.byId('ar')).toMatchObject({ direction: 'rtl', pathPrefix: '/ar', name: 'العربية', timeZone: 'Asia/Riyadh' });
    expect((await site.storage.editions.list()).map((e) => e.id)).toEqual(['en', 'ar']);
    const page = await admin.get('/newsroom/editions');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<td lang="ar" dir="rtl">العربية</td>');
    expect(page.body).toContain('href="/ar/"');
  });

  it('refuses a taken code and invalid fields with clear messages, and keeps what was typed', async () => {
    const dup = await admin.post('/newsroom/editions', ARABIC_EDITION);
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('There is already an edition with the code “ar”');
    const bad = await admin.post('/newsroom/editions', { ...ARABIC_EDITION, id: 'fr', name: 'Français', language: 'fr', locale: 'fr_FR', timeZone: 'Europe/Nowhere' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Not a BCP 47 locale');
    expect(bad.body).toContain('Not an IANA time zone');
    expect(bad.body).toContain('value="Français"');
    expect((await admin.post('/newsroom/editions', { ...ARABIC_EDITION, id: 'api' })).body).toContain('a path the site already uses');
    expect(site.deps.editions.all()).toHaveLength(2);
  });

  it('edits an edition but never its code or position', async () => {
    const form = await admin.get('/newsroom/editions/ar');
    expect(form.body).toMatch(/<input id="e-id" type="text" value="ar" readonly/);
    const saved = await admin.post('/newsroom/editions/ar', { ...ARABIC_EDITION, id: 'xx', numberingSystem: 'arab', name: 'عربي' });
    expect(saved.statusCode).toBe(200);
    expect(site.deps.editions.byId('ar')).toMatchObject({ name: 'عربي', numberingSystem: 'arab', position: 1 });
    expect(site.deps.editions.byId('xx')).toBeNull();
    expect((await admin.post('/newsroom/editions/ar', ARABIC_EDITION)).statusCode).toBe(200);
    expect((await admin.get('/newsroom/editions/zz')).statusCode).toBe(404);
    expect((await admin.post('/newsroom/editions/zz', ARABIC_EDITION)).statusCode).toBe(404);
  });

  it('keeps editions to admins', async () => {
    expect((await editor.get('/newsroom/editions')).statusCode).toBe(403);
    expect((await editor.post('/newsroom/editions', { ...ARABIC_EDITION, id: 'fr' })).statusCode).toBe(403);
    expect((await editor.post('/newsroom/editions/ar', ARABIC_EDITION)).statusCode).toBe(403);
  });

  it('adds a section to the Arabic edition; the sections list names each section\'s edition', async () => {
    arabicSection = await addSection(site, admin, 'سياسة', 'ar');
    expect(await site.storage.sections.findBySlug(arabicSection)).toMatchObject({ edition: 'ar', name: 'سياسة' });
    const list = await admin.get('/newsroom/sections');
    expect(list.body).toContain('<select id="s-edition" name="edition">');
    expect(list.body).toContain(`href="/ar/section/${encodeURIComponent(arabicSection)}"`);
    expect(list.body).toMatch(/<td lang="ar">العربية<\/td>/);
    expect((await admin.post('/newsroom/sections', { name: 'Nowhere', edition: 'zz' })).statusCode).toBe(400);
  });

  it('puts a story in its section\'s edition, groups the Section select by edition and edits its body right to left', async () => {
    const id = await createArticle(editor, HEADLINE, arabicSection);
    expect((await site.storage.articles.findState(id))!).toMatchObject({ edition: 'ar', translationGroup: null });
    const page = await editor.get(`/newsroom/stories/${id}/edit`);
    expect(page.body).toContain('<optgroup label="English" lang="en">');
    expect(page.body).toContain('<optgroup label="العربية" lang="ar">');
    expect(page.body).toMatch(new RegExp(`<option value="${arabicSection}" selected dir="auto">سياسة</option>`));
    expect(page.body).toContain('dir="rtl" lang="ar" data-direction="rtl"');
    expect(page.body).toMatch(/<input id="headline"[^>]* dir="auto"/);
    expect(page.body).toContain(`value="${HEADLINE}"`);
    // Moving it to an English section moves it to the English edition, and back.
    await act(site, editor, id, 'save', arabicStoryForm('world'));
    expect((await site.storage.articles.findState(id))!.edition).toBe('en');
    await act(site, editor, id, 'save', arabicStoryForm(arabicSection));
    expect((await site.storage.articles.findState(id))!.edition).toBe('ar');
    arabic = { id, slug: '' };
  });

  it('publishes the Arabic story at /ar/article/… in its edition, right to left; preview renders the same way', async () => {
    await act(site, editor, arabic.id, 'publish', arabicStoryForm(arabicSection));
    const state = (await site.storage.articles.findState(arabic.id))!;
    arabic.slug = state.slug;
    expect(state.slug).toBe(slugify(HEADLINE));
    const page = await site.app.inject({ method: 'GET', url: readerPath('/ar', state.slug) });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('dir="rtl"');
    expect(page.body).toContain(HEADLINE);
    expect(await site.storage.articles.findPublishedBySlug(state.slug)).toMatchObject({ edition: { id: 'ar' } });
    const preview = await editor.get(`/newsroom/stories/${arabic.id}/preview`);
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain('dir="rtl"');
    // The editor's "View live" link and the story lists point at the Arabic address and isolate the headline.
    expect((await editor.get(`/newsroom/stories/${arabic.id}/edit`)).body).toContain(`href="${readerPath('/ar', state.slug)}"`);
    const desk = await editor.get('/newsroom/stories?status=published');
    expect(desk.body).toContain(`<a href="/newsroom/stories/${arabic.id}/edit" dir="auto" lang="ar">${HEADLINE}</a>`);
  });

  it('links it to an English story: each article page then links to the other; unlinking removes both links', async () => {
    english = await publishedStory(site, editor, storyForm());
    const arPath = readerPath('/ar', arabic.slug);
    const enPath = readerPath('', english.slug);
    // Read once, so both pages sit in the page cache: linking must drop them.
    expect(linksTo((await site.app.inject({ method: 'GET', url: arPath })).body, enPath)).toBe(false);
    expect(linksTo((await site.app.inject({ method: 'GET', url: enPath })).body, arPath)).toBe(false);

    const linked = await editor.post(`/newsroom/stories/${arabic.id}/translations`, { address: `http://news.test${enPath}` });
    expect(linked.statusCode, linked.body.slice(0, 300)).toBe(303);
    expect(linked.headers.location).toBe(`/newsroom/stories/${arabic.id}/edit?done=linked`);
    const [a, e] = [(await site.storage.articles.findState(arabic.id))!, (await site.storage.articles.findState(english.id))!];
    expect(a.translationGroup).toBe(arabic.id);
    expect(e.translationGroup).toBe(arabic.id);
    expect(linksTo((await site.app.inject({ method: 'GET', url: arPath })).body, enPath)).toBe(true);
    expect(linksTo((await site.app.inject({ method: 'GET', url: enPath })).body, arPath)).toBe(true);
    const box = (await editor.get(`/newsroom/stories/${english.id}/edit`)).body;
    expect(box).toContain(`<a href="/newsroom/stories/${arabic.id}/edit" dir="auto" lang="ar">${HEADLINE}</a>`);

    const unlinked = await editor.post(`/newsroom/stories/${english.id}/translations/unlink`, {});
    expect(unlinked.statusCode).toBe(303);
    expect((await site.storage.articles.findState(arabic.id))!.translationGroup).toBeNull();
    expect(linksTo((await site.app.inject({ method: 'GET', url: arPath })).body, enPath)).toBe(false);
    expect(linksTo((await site.app.inject({ method: 'GET', url: enPath })).body, arPath)).toBe(false);
  });
});
