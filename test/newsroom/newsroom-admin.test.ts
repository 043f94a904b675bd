/** Admin pages and newsroom helpers: sections (add, rename, reorder; menus update at once) and topic type-ahead. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';

describe('newsroom administration', () => {
  let site: TestSite;
  let admin: StaffSession;
  let editor: StaffSession;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    admin = await staffSession(site, 'admin');
    editor = await staffSession(site, 'editor');
  });
  afterAll(() => site.close());

  it('adds, renames and reorders sections; the reader menu follows at once', async () => {
    expect((await site.app.inject({ method: 'GET', url: '/' })).body).not.toContain('Business &amp; Markets');
    const add = await admin.post('/newsroom/sections', { name: 'Business & Markets' });
    expect(add.statusCode).toBe(200);
    expect(add.body).toContain('/section/business-markets');
    expect((await site.app.inject({ method: 'GET', url: '/' })).body).toContain('Business &amp; Markets');
    const dup = await admin.post('/newsroom/sections', { name: 'Business & Markets' });
    expect(dup.statusCode).toBe(400);
    expect(dup.body).toContain('already a section');
    const rename = await admin.post('/newsroom/sections/business-markets', { name: 'Economy', position: '0' });
    expect(rename.statusCode).toBe(200);
    const sections = await site.storage.sections.list();
    expect(sections[0]).toMatchObject({ slug: 'business-markets', name: 'Economy' });
    const empty = await admin.post('/newsroom/sections', { name: '   ' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('needs a name');
  });

  it('keeps sections to admins', async () => {
    expect((await editor.get('/newsroom/sections')).statusCode).toBe(403);
    expect((await editor.post('/newsroom/sections', { name: 'Sneaky' })).statusCode).toBe(403);
  });

  it('suggests topics by the start of their name', async () => {
    const res = await editor.get('/newsroom/topics?q=north', { accept: 'application/json' });
    expect(res.statusCode).toBe(200);
    expect(res.json().items.map((t: { name: string }) => t.name)).toContain('North Korea');
    expect((await editor.get('/newsroom/topics?q=%25%25', { accept: 'application/json' })).json().items).toEqual([]);
  });
});

describe('site settings', () => {
  let site: TestSite;
  let admin: StaffSession;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    admin = await staffSession(site, 'admin');
  });
  afterAll(() => site.close());

  it('lets an admin rename the site: every page and feed shows it at once, and it is stored for the next start', async () => {
    expect((await site.app.inject({ method: 'GET', url: '/' })).body).toContain('Dateline Test');
    const res = await admin.post('/newsroom/settings', { siteName: 'The Gulf <Herald>', siteDescription: 'News from the Gulf & beyond', feedFullText: 'on' });
    expect(res.statusCode).toBe(200);
    const home = await site.app.inject({ method: 'GET', url: '/' });
    expect(home.body).toContain('The Gulf &lt;Herald&gt;');
    expect(home.body).not.toContain('<Herald>');
    expect((await site.app.inject({ method: 'GET', url: '/feed.xml' })).body).toContain('The Gulf &lt;Herald&gt;');
    expect(await site.storage.settings.load()).toEqual({ siteName: 'The Gulf <Herald>', siteDescription: 'News from the Gulf & beyond', feedFullText: 'on', shareImage: '', publisherLogo: '' });
  });

  it('refuses an empty name and keeps settings to admins', async () => {
    const empty = await admin.post('/newsroom/settings', { siteName: '  ', siteDescription: 'x' });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('The site needs a name.');
    const editor = await staffSession(site, 'editor');
    expect((await editor.post('/newsroom/settings', { siteName: 'Mine', siteDescription: '' })).statusCode).toBe(403);
  });
});

describe('the last admin', () => {
  it('cannot be demoted, so someone can always manage the newsroom', async () => {
    const site = await createTestSite({ newsroom: true, withFixture: false });
    try {
      const admin = await staffSession(site, 'admin');
      const res = await admin.post(`/newsroom/users/${admin.userId}/role`, { role: 'reporter' });
      expect(res.statusCode).toBe(400);
      expect(res.body).toContain('last admin');
      expect((await site.storage.users.findById(admin.userId))!.role).toBe('admin');
    } finally {
      await site.close();
    }
  });
});
