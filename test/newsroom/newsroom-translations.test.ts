/** Translation links over HTTP: who may link and unlink (roles × own/other), what is refused and why, and how groups merge and dissolve. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../src/core/staff/staff-user.js';
import { TRANSLATION_ACTIONS, type TranslationAction } from '../../src/core/workflow/article-actions.js';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { addStaff, signIn, type StaffSession } from '../support/newsroom-session.js';
import { act, addArabicEdition, addSection, arabicStoryForm, createArticle, publishedStory, storyForm } from './edition-test-support.js';

const ROLES: Role[] = ['contributor', 'reporter', 'editor', 'admin'];
/** Linking is the desk's call: editors and admins on any story, writers on none (not even their own). */
const MAY: Record<Role, boolean> = { contributor: false, reporter: false, editor: true, admin: true };
const JSON_ACCEPT = { accept: 'application/json' };

describe('translation links', () => {
  let site: TestSite;
  const sessions = new Map<Role, StaffSession>();
  let admin: StaffSession;
  let arabicSection = '';
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    for (const role of ROLES) {
      const { email, password } = await addStaff(site, role);
      sessions.set(role, await signIn(site, email, password));
    }
    admin = sessions.get('admin')!;
    await addArabicEdition(admin);
    arabicSection = await addSection(site, admin, 'عالم', 'ar');
  });
  afterAll(() => site.close());

  const group = async (id: string) => (await site.storage.articles.findState(id))!.translationGroup;
  const link = (session: StaffSession, id: string, address: string, headers: Record<string, string> = JSON_ACCEPT) =>
    session.post(`/newsroom/stories/${id}/translations`, { address }, headers);
  const unlink = (session: StaffSession, id: string) => session.post(`/newsroom/stories/${id}/translations/unlink`, {}, JSON_ACCEPT);
  /** An English draft owned by `owner` and an Arabic draft of the admin's; addresses by newsroom URL and by slug. */
  async function pair(owner: StaffSession): Promise<{ en: string; ar: string; arSlug: string }> {
    const en = await createArticle(owner, 'Harbour reopens', 'world');
    const ar = await createArticle(admin, 'إعادة فتح الميناء', arabicSection);
    return { en, ar, arSlug: (await site.storage.articles.findState(ar))!.slug };
  }

  for (const role of ROLES) {
    for (const action of TRANSLATION_ACTIONS as readonly TranslationAction[]) {
      for (const mine of [true, false]) {
        it(`${role} ${MAY[role] ? 'may' : 'may not'} ${action} ${mine ? 'their own' : "someone else's"} story`, async () => {
          const session = sessions.get(role)!;
          const { en, ar } = await pair(mine ? session : admin);
          if (action === 'unlink') expect((await link(admin, en, `/newsroom/stories/${ar}/edit`)).statusCode).toBe(200);
          const res = action === 'link' ? await link(session, en, `/newsroom/stories/${ar}/edit`) : await unlink(session, en);
          if (MAY[role]) {
            expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
            expect(await group(en)).toBe(action === 'link' ? en : null);
          } else {
            // Someone else's draft is not even readable by a writer (article-reads.ts): it answers as if it did not exist.
            expect(res.statusCode).toBe(mine ? 403 : 404);
            expect(res.json().error.code).toBe(mine ? 'PERMISSION_DENIED' : 'ARTICLE_NOT_FOUND');
            expect(await group(en)).toBe(action === 'link' ? null : en);
          }
        });
      }
    }
  }

  it('shows the Translations form only to those who may link', async () => {
    for (const role of ROLES) {
      const session = sessions.get(role)!;
      const id = await createArticle(session, 'Who sees the box', 'world');
      const page = (await session.get(`/newsroom/stories/${id}/edit`)).body;
      expect(page).toContain('<h2 id="translations-h">Translations</h2>');
      expect(page.includes('id="translation-address"'), role).toBe(MAY[role]);
    }
  });

  it('refuses the story itself, the same edition, a second translation in one edition and unknown addresses, each with VALIDATION_FAILED', async () => {
    const editor = sessions.get('editor')!;
    const { en, ar, arSlug } = await pair(editor);
    const otherEnglish = await createArticle(editor, 'Another English story', 'world');
    const otherArabic = await createArticle(editor, 'قصة عربية أخرى', arabicSection);
    const refused = async (id: string, address: string, words: string) => {
      const res = await link(editor, id, address);
      expect(res.statusCode, address).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION_FAILED');
      expect(res.json().error.message).toContain(words);
    };
    await refused(en, `/newsroom/stories/${en}/edit`, 'cannot be its own translation');
    await refused(en, `/newsroom/stories/${otherEnglish}/edit`, 'is in the same edition (English)');
    await refused(en, '/article/no-such-story', 'No story has the address');
    await refused(en, '/section/world', 'Paste the address');
    await refused(en, '   ', 'Paste the address');
    expect((await unlink(editor, en)).json().error.message).toContain('not linked to any translation');

    expect((await link(editor, en, `http://news.test/ar/article/${encodeURIComponent(arSlug)}`)).statusCode).toBe(200);
    await refused(en, `/newsroom/stories/${ar}/edit`, 'is already linked to this story');
    await refused(en, `/newsroom/stories/${otherArabic}/edit`, 'This story already has a translation in العربية');
    await refused(otherEnglish, arSlug, 'already has a translation in English: “Harbour reopens”');
  });

  it('answers a browser with the editor again, the problem next to the address and nothing linked', async () => {
    const editor = sessions.get('editor')!;
    const { en } = await pair(editor);
    const res = await link(editor, en, '/article/no-such-story', {});
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('text/html');
    expect(res.body).toContain('<p class="field-error" id="translation-error" role="alert">No story has the address “/article/no-such-story”.</p>');
    expect(await group(en)).toBeNull();
  });

  it('merges groups (one story per edition) and dissolves a group left with one story', async () => {
    const editor = sessions.get('editor')!;
    expect((await admin.post('/newsroom/editions', { id: 'fr', language: 'fr', name: 'Français', locale: 'fr-FR', numberingSystem: 'latn', timeZone: 'Europe/Paris', direction: '' })).statusCode).toBe(200);
    const frSection = await addSection(site, admin, 'Monde', 'fr');
    const { en, ar } = await pair(editor);
    const fr = await createArticle(editor, 'Le port rouvre', frSection);
    const ar2 = await createArticle(editor, 'قصة ثانية', arabicSection);
    expect((await link(editor, ar, `/newsroom/stories/${en}/edit`)).statusCode).toBe(200);
    expect((await link(editor, fr, `/newsroom/stories/${ar}/edit`)).statusCode).toBe(200);
    expect(new Set([await group(en), await group(ar), await group(fr)])).toEqual(new Set([ar]));
    const box = (await editor.get(`/newsroom/stories/${en}/edit`)).body;
    expect(box).toContain(`href="/newsroom/stories/${ar}/edit" dir="auto" lang="ar"`);
    expect(box).toContain(`href="/newsroom/stories/${fr}/edit" dir="auto" lang="fr"`);
    expect((await link(editor, ar2, `/newsroom/stories/${fr}/edit`)).json().error.message).toContain('already has a translation in العربية');

    expect((await unlink(editor, ar)).statusCode).toBe(200);
    expect([await group(ar), await group(en), await group(fr)]).toEqual([null, ar, ar]);
    expect((await unlink(editor, fr)).statusCode).toBe(200);
    expect([await group(en), await group(fr)]).toEqual([null, null]);
  });

  it('takes a story out of its group when it moves to an edition the group already has', async () => {
    const editor = sessions.get('editor')!;
    const { en, ar } = await pair(editor);
    expect((await link(editor, en, `/newsroom/stories/${ar}/edit`)).statusCode).toBe(200);
    await act(site, editor, en, 'save', arabicStoryForm(arabicSection, { headline: 'Harbour reopens' }));
    expect((await site.storage.articles.findState(en))!).toMatchObject({ edition: 'ar', translationGroup: null });
    expect(await group(ar)).toBeNull();
  });

  it('tells readers\' caches about every published story of the group', async () => {
    const editor = sessions.get('editor')!;
    const en = await publishedStory(site, editor, storyForm({ headline: 'Harbour reopens at dawn' }));
    const ar = await publishedStory(site, editor, arabicStoryForm(arabicSection, { headline: 'إعادة فتح الميناء فجرا' }));
    const draft = await createArticle(editor, 'مسودة', arabicSection);
    const seen: string[] = [];
    const stop = site.newsroom!.events.subscribe((e) => { if (e.type === 'story.updated') seen.push(e.slug); });
    try {
      expect((await link(editor, en.id, `/newsroom/stories/${ar.id}/edit`)).statusCode).toBe(200);
      expect(seen.sort()).toEqual([ar.slug, en.slug].sort());
      seen.length = 0;
      expect((await unlink(editor, ar.id)).statusCode).toBe(200);
      expect(seen.sort()).toEqual([ar.slug, en.slug].sort());
      seen.length = 0;
      // A draft's link changes no reader page but the published partner's.
      expect((await link(editor, en.id, `/newsroom/stories/${draft}/edit`)).statusCode).toBe(200);
      expect(seen).toEqual([en.slug]);
    } finally {
      stop();
    }
  });
});
