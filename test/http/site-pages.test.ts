/**
 * The editions' static pages over HTTP: editors and admins write them in the newsroom (writers cannot), readers get
 * them per edition through the body renderer with hostile input escaped, linked from the footer once written; and
 * sections can be followed (the button on a section page, the Following page's fragment).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';
import { makeArticle } from '../support/make-article.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

const JSON_ACCEPT = { accept: 'application/json' };

describe('static pages', () => {
  let site: TestSite;
  let editor: StaffSession;
  let admin: StaffSession;
  let reporter: StaffSession;
  let contributor: StaffSession;

  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, arabic: true });
    [editor, admin, reporter, contributor] = await Promise.all([staffSession(site, 'editor'), staffSession(site, 'admin'), staffSession(site, 'reporter'), staffSession(site, 'contributor')]);
  });
  afterAll(() => site.close());

  const get = (url: string) => site.app.inject({ method: 'GET', url });

  it('answers 404 for a page not written yet, and the footer does not link it', async () => {
    expect((await get('/about')).statusCode).toBe(404);
    expect((await get('/ar/privacy')).statusCode).toBe(404);
    expect((await get('/')).body).not.toContain('class="footer-pages"');
  });

  it('lets editors and admins write pages, never writers', async () => {
    for (const writer of [reporter, contributor]) {
      const res = await writer.post('/newsroom/pages/en/about', { title: 'Hijack', text: 'x' }, JSON_ACCEPT);
      expect([res.statusCode, res.json().error.code]).toEqual([403, 'PERMISSION_DENIED']);
      expect((await writer.get('/newsroom/pages')).statusCode).toBe(403);
      expect((await writer.get('/newsroom/pages/en/about')).statusCode).toBe(403);
    }
    expect((await get('/about')).statusCode).toBe(404);
    const saved = await editor.post('/newsroom/pages/en/about', { title: 'About us', text: 'We are a newsroom.\n\n## Our staff\n\n- Editors\n- Reporters\n\nWrite to [the desk](mailto:desk@news.test).' }, JSON_ACCEPT);
    expect(saved.statusCode).toBe(200);
    expect(saved.json().page.body).toEqual([
      { type: 'paragraph', text: 'We are a newsroom.' },
      { type: 'heading', level: 2, text: 'Our staff' },
      { type: 'list', ordered: false, items: ['Editors', 'Reporters'] },
      { type: 'paragraph', text: 'Write to the desk.', runs: [{ text: 'Write to ' }, { text: 'the desk', href: 'mailto:desk@news.test' }, { text: '.' }] },
    ]);
    const ar = await admin.post('/newsroom/pages/ar/contact', { title: 'اتصل بنا', text: 'راسلونا على البريد. 📮 Кириллица 中文' }, JSON_ACCEPT);
    expect(ar.statusCode).toBe(200);
  });

  it('renders each edition\'s page in its own language, linked from that edition\'s footer only', async () => {
    const about = await get('/about');
    expect(about.statusCode).toBe(200);
    expect(about.body).toContain('<h1 dir="auto">About us</h1>');
    expect(about.body).toContain('<h2>Our staff</h2>');
    expect(about.body).toContain('<a href="mailto:desk@news.test" rel="noopener nofollow">the desk</a>');
    expect(about.body).toMatch(/<nav class="footer-pages" aria-label="About this site"><ul><li><a href="\/about">About us<\/a><\/li><\/ul><\/nav>/);
    const contact = await get('/ar/contact');
    expect(contact.body).toContain('<html lang="ar" dir="rtl"');
    expect(contact.body).toContain('راسلونا على البريد. 📮 Кириллица 中文');
    expect(contact.body).toContain('<a href="/ar/contact">اتصل بنا</a>');
    expect(contact.body).not.toContain('href="/ar/about"');
    expect((await get('/contact')).statusCode).toBe(404);
    expect((await get('/ar/about')).statusCode).toBe(404);
  });

  it('escapes hostile input and keeps only http(s)/mailto links', async () => {
    const hostile = '<script>alert(1)</script> <img src=x onerror=alert(2)>\n\n[click](javascript:alert(3)) and [ok](https://example.org/a?b=1&c=2)\n\n## <b>bold</b>';
    const res = await editor.post('/newsroom/pages/en/privacy', { title: 'Privacy </title><script>alert(4)</script>', text: hostile }, JSON_ACCEPT);
    expect(res.statusCode).toBe(200);
    const page = await get('/privacy');
    expect(page.body).not.toMatch(/<script>alert|<img src=x|href="javascript|<b>bold/);
    expect(page.body).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &lt;img src=x onerror=alert(2)&gt;');
    expect(page.body).toContain('[click](javascript:alert(3)) and <a href="https://example.org/a?b=1&amp;c=2" rel="noopener nofollow">ok</a>');
    expect(page.body).toContain('<title>Privacy &lt;/title&gt;&lt;script&gt;alert(4)&lt;/script&gt;');
    // The form shows the text again as written.
    const form = await editor.get('/newsroom/pages/en/privacy');
    expect(form.body).toContain('[ok](https://example.org/a?b=1&amp;c=2)');
    expect(form.body).not.toContain('<script>alert(1)');
  });

  it('refuses an empty title, an unknown page or edition', async () => {
    const empty = await editor.post('/newsroom/pages/en/about', { title: '  ', text: 'x' }, JSON_ACCEPT);
    expect([empty.statusCode, empty.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const unknown = await editor.post('/newsroom/pages/en/careers', { title: 'Jobs', text: 'x' }, JSON_ACCEPT);
    expect([unknown.statusCode, unknown.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const edition = await editor.post('/newsroom/pages/fr/about', { title: 'À propos', text: 'x' }, JSON_ACCEPT);
    expect([edition.statusCode, edition.json().error.code]).toEqual([404, 'EDITION_NOT_FOUND']);
    expect((await get('/about')).body).toContain('<h1 dir="auto">About us</h1>');
  });

  it('updates a page in place and lists the pages per edition in the newsroom', async () => {
    await admin.post('/newsroom/pages/en/about', { title: 'About Dateline', text: 'Rewritten.' }, JSON_ACCEPT);
    const about = await get('/about');
    expect(about.body).toContain('<h1 dir="auto">About Dateline</h1>');
    expect(about.body).not.toContain('Our staff');
    const list = await editor.get('/newsroom/pages');
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/newsroom/pages/ar/corrections-policy"');
  });
});

describe('following sections', () => {
  let site: TestSite;
  beforeAll(async () => { site = await createTestSite({ arabic: true }); });
  afterAll(() => site.close());

  it('puts a Follow button on a section page', async () => {
    const res = await site.app.inject({ method: 'GET', url: '/section/world' });
    expect(res.body).toContain('data-follow-section="world" data-topic-name="World" aria-pressed="false"');
  });

  it('lists followed sections and their stories on the Following page, and names the unknown ones', async () => {
    const sections = await site.storage.sections.list('ar');
    const arabic = sections[0]!;
    const res = await site.app.inject({ method: 'GET', url: `/following/stories?sections=world,${encodeURIComponent(arabic.slug)},no-such-section` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('data-unknown-sections="no-such-section"');
    expect(res.body).toContain('aria-label="Sections you follow"');
    expect(res.body).toContain('<a href="/section/world" dir="auto">World</a>');
    // A section of the Arabic edition links to its own edition's page.
    expect(res.body).toContain(`<a href="/ar/section/${encodeURIComponent(arabic.slug)}" dir="auto">`);
    expect(res.body).toContain(`data-follow-section="${arabic.slug}"`);
    expect(res.body).toContain('aria-pressed="true"');
    expect((res.body.match(/<article class="card/g) ?? []).length).toBeGreaterThan(1);
    const none = await site.app.inject({ method: 'GET', url: '/following/stories?sections=gone' });
    expect(none.body).toContain('data-unknown-sections="gone"');
  });

  it('lists followed authors (any script) with their stories and names the unknown ones', async () => {
    const author = { slug: 'لينا-القحطاني', name: 'لينا القحطاني' };
    await site.storage.articles.insert(makeArticle({ slug: 'followed-writer-story', headline: 'Desalination plant opens', authors: [author] }));
    const res = await site.app.inject({ method: 'GET', url: `/following/stories?authors=${encodeURIComponent(`${author.slug},كاتب-مجهول,писатель,🦊`)}` });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('aria-label="Writers you follow"');
    expect(res.body).toContain(`data-follow-author="${author.slug}"`);
    expect(res.body).toContain('Desalination plant opens');
    expect(res.body).toContain(`data-unknown-authors="كاتب-مجهول,писатель,🦊"`);
    expect((res.body.match(/<article class="card/g) ?? []).length).toBeGreaterThan(0);
  });
});
