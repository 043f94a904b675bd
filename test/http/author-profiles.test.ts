/**
 * Author profiles over HTTP: who may edit which profile (role × own/other, byline-only authors), the form's checks,
 * and the author page with photo, role, bio, links and its ProfilePage / Person JSON-LD, hostile text escaped.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/core/staff/staff-user.js';
import { makeArticle } from '../support/make-article.js';
import { addStaff, signIn, type StaffSession } from '../support/newsroom-session.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

const JSON_ACCEPT = { accept: 'application/json' };

function jsonLdOf(body: string): Record<string, unknown>[] {
  return [...body.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => JSON.parse(m[1]!) as Record<string, unknown>);
}

describe('author profiles', () => {
  let site: TestSite;
  const staff = new Map<Role, { session: StaffSession; slug: string }>();
  let photoId: string;

  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, withFixture: false, arabic: true });
    for (const role of ROLES) {
      const { email, password, user } = await addStaff(site, role, `Ann ${role} Lee`);
      staff.set(role, { session: await signIn(site, email, password), slug: user.author!.slug });
    }
    // A byline-only author, as the wire desk makes from an agency's byline: no staff account behind it.
    await site.storage.db.insertInto('authors').values({ id: 'wire-author', slug: 'omar-haddad', name: 'عمر حداد', bio: null, photo_id: null, job_title: null, links: null }).execute();
    const jpeg = await sharp({ create: { width: 800, height: 800, channels: 3, background: { r: 90, g: 120, b: 160 } } }).jpeg().toBuffer();
    photoId = (await site.newsroom!.media.upload(jpeg, { caption: 'Portrait', credit: 'Staff', alt: 'A portrait' }, null)).id;
  });
  afterAll(() => site.close());

  describe('who may edit: role × own / another staff member / a byline-only author', () => {
    for (const role of ROLES) {
      it(`${role}`, async () => {
        const me = staff.get(role)!;
        const other = staff.get(role === 'admin' ? 'editor' : 'admin')!;
        const own = await me.session.post(`/newsroom/authors/${me.slug}`, { jobTitle: `${role} desk`, bio: '', links: '', photo: '' }, JSON_ACCEPT);
        expect(own.statusCode).toBe(200);
        expect(own.json().author.jobTitle).toBe(`${role} desk`);
        expect((await me.session.get(`/newsroom/authors/${me.slug}`)).statusCode).toBe(200);
        for (const slug of [other.slug, 'omar-haddad']) {
          const res = await me.session.post(`/newsroom/authors/${slug}`, { jobTitle: 'Hijacked', bio: '', links: '', photo: '' }, JSON_ACCEPT);
          const page = await me.session.get(`/newsroom/authors/${slug}`);
          if (role === 'admin') {
            expect([slug, res.statusCode, page.statusCode]).toEqual([slug, 200, 200]);
          } else {
            expect([slug, res.statusCode, res.json().error.code, page.statusCode]).toEqual([slug, 403, 'PERMISSION_DENIED', 403]);
          }
        }
        const list = await me.session.get('/newsroom/authors');
        expect(list.statusCode).toBe(200);
        expect(list.body.includes('/newsroom/authors/omar-haddad')).toBe(role === 'admin');
        expect(list.body).toContain(`/newsroom/authors/${me.slug}`);
      });
    }

    it('keeps what a refused edit tried to change out of the profile', async () => {
      const author = await site.storage.authors.findBySlug(staff.get('admin')!.slug);
      expect(author?.jobTitle).toBe('admin desk');
    });

    it('answers AUTHOR_NOT_FOUND for an author that does not exist', async () => {
      const res = await staff.get('admin')!.session.post('/newsroom/authors/nobody-here', { jobTitle: '', bio: '', links: '', photo: '' }, JSON_ACCEPT);
      expect([res.statusCode, res.json().error.code]).toEqual([404, 'AUTHOR_NOT_FOUND']);
    });
  });

  it('refuses links that are not http(s) and photos not in the library, showing the form again', async () => {
    const { session, slug } = staff.get('reporter')!;
    const bad = await session.post(`/newsroom/authors/${slug}`, { jobTitle: 'x', bio: '', links: 'javascript:alert(1)', photo: '' }, JSON_ACCEPT);
    expect([bad.statusCode, bad.json().error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const form = await session.post(`/newsroom/authors/${slug}`, { jobTitle: 'x', bio: '', links: 'javascript:alert(1)', photo: '' });
    expect(form.statusCode).toBe(400);
    expect(form.body).toContain('Each link must be a full http:// or https:// address.');
    expect(form.body).toContain('javascript:alert(1)</textarea>');
    const photo = await session.post(`/newsroom/authors/${slug}`, { jobTitle: 'x', bio: '', links: '', photo: 'no-such-photo' }, JSON_ACCEPT);
    expect([photo.statusCode, photo.json().error.code]).toEqual([404, 'MEDIA_NOT_FOUND']);
  });

  it('shows photo, role, bio and links on the author page in both editions, with a Person in JSON-LD, hostile text escaped', async () => {
    const { session, slug } = staff.get('reporter')!;
    const hostile = '<script>alert("bio")</script> Кириллица, 記者, مراسلة 🛰️';
    const saved = await session.post(`/newsroom/authors/${slug}`, {
      jobTitle: 'Political correspondent </script><b>', bio: hostile, photo: photoId,
      links: 'https://x.com/annlee\nhttps://ann.example/about?a=1&b=2',
    }, JSON_ACCEPT);
    expect(saved.statusCode).toBe(200);
    for (const prefix of ['', '/ar']) {
      const page = await site.app.inject({ method: 'GET', url: `${prefix}/author/${slug}` });
      expect(page.statusCode).toBe(200);
      expect(page.body).not.toContain('<script>alert');
      expect(page.body).toContain('&lt;script&gt;alert(&quot;bio&quot;)&lt;/script&gt; Кириллица, 記者, مراسلة 🛰️');
      expect(page.body).toContain('Political correspondent &lt;/script&gt;&lt;b&gt;');
      expect(page.body).toMatch(/<img src="\/media\/[^"]+" srcset="[^"]+"/);
      expect(page.body).toContain('href="https://ann.example/about?a=1&amp;b=2" rel="me noopener"');
      expect(page.body).toContain(prefix ? 'صورة Ann reporter Lee' : 'Portrait of Ann reporter Lee');
      const profile = jsonLdOf(page.body).find((d) => d['@type'] === 'ProfilePage');
      const person = profile?.mainEntity as Record<string, unknown>;
      expect(person).toMatchObject({
        '@type': 'Person', name: 'Ann reporter Lee', url: `http://news.test${prefix}/author/${slug}`,
        jobTitle: 'Political correspondent </script><b>', description: hostile,
        sameAs: ['https://x.com/annlee', 'https://ann.example/about?a=1&b=2'],
      });
      expect((person.image as { url: string }).url).toMatch(/^http:\/\/news\.test\/media\//);
    }
  });

  it('gives the bylines of a story their role, photo and links in its NewsArticle JSON-LD', async () => {
    const { slug } = staff.get('reporter')!;
    const name = 'Ann reporter Lee';
    await site.storage.articles.insert(makeArticle({ slug: 'profiled-byline', authors: [{ slug, name }, { slug: 'no-profile-yet', name: 'Sam Doe' }] }));
    const page = await site.app.inject({ method: 'GET', url: '/article/profiled-byline' });
    expect(page.statusCode).toBe(200);
    const article = jsonLdOf(page.body).find((d) => d['@type'] === 'NewsArticle');
    const [person, plain] = article?.author as Record<string, unknown>[];
    expect(person).toMatchObject({ '@type': 'Person', name, jobTitle: 'Political correspondent </script><b>', sameAs: ['https://x.com/annlee', 'https://ann.example/about?a=1&b=2'] });
    expect(person!.image).toMatch(/^http:\/\/news\.test\/media\/.+\.jpg$/);
    expect(plain).toEqual({ '@type': 'Person', name: 'Sam Doe', url: 'http://news.test/author/no-profile-yet' });
    expect(page.body).not.toContain('</script><b>');
  });

  it('shows a byline-only author an admin edited, and nothing extra for an author without a profile', async () => {
    const admin = staff.get('admin')!.session;
    await admin.post('/newsroom/authors/omar-haddad', { jobTitle: 'مراسل رويترز', bio: 'يغطي الشرق الأوسط', links: '', photo: '' }, JSON_ACCEPT);
    const page = await site.app.inject({ method: 'GET', url: '/ar/author/omar-haddad' });
    expect(page.body).toContain('<p class="author-role" dir="auto">مراسل رويترز</p>');
    await site.storage.db.insertInto('authors').values({ id: 'bare-author', slug: 'bare-author', name: 'Bare Author', bio: null, photo_id: null, job_title: null, links: null }).execute();
    const bare = await site.app.inject({ method: 'GET', url: '/author/bare-author' });
    expect(bare.statusCode).toBe(200);
    expect(bare.body).not.toContain('class="author-profile"');
  });
});
