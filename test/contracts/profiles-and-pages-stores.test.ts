/** The author profile columns and the static pages table (migration 0009) through their stores, on SQLite and on PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../support/postgres-test-database.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

const unavailable = await postgresUnavailableReason();

function contract(open: () => Promise<{ site: TestSite; close: () => Promise<void> }>) {
  let site: TestSite;
  let close: () => Promise<void>;
  beforeAll(async () => ({ site, close } = await open()));
  afterAll(() => close());

  it('saves an author profile and reads it back; an unknown author is not updated', async () => {
    await site.storage.db.insertInto('authors').values({ id: 'a1', slug: 'lina-saad', name: 'لينا سعد', bio: null, photo_id: null, job_title: null, links: null }).execute();
    const links = [{ label: 'X', url: 'https://x.com/lina' }, { label: 'Website', url: 'https://lina.example/مدونة' }];
    expect(await site.storage.authors.updateProfile('lina-saad', { bio: 'مراسلة 🛰️', jobTitle: 'Reporter 記者', photoId: null, links })).toBe(true);
    expect(await site.storage.authors.findBySlug('lina-saad')).toEqual({ slug: 'lina-saad', name: 'لينا سعد', bio: 'مراسلة 🛰️', jobTitle: 'Reporter 記者', photoId: null, links });
    expect(await site.storage.authors.updateProfile('nobody', { bio: null, jobTitle: null, photoId: null, links: [] })).toBe(false);
    expect((await site.storage.authors.list()).map((a) => a.slug)).toContain('lina-saad');
  });

  it('inserts and replaces an edition\'s page, one per kind', async () => {
    const at = new Date('2026-12-06T08:00:00.000Z');
    await site.storage.sitePages.save({ edition: 'en', kind: 'about', title: 'About', body: [{ type: 'paragraph', text: 'One' }], updatedAt: at, updatedBy: null });
    await site.storage.sitePages.save({ edition: 'en', kind: 'about', title: 'About us', body: [{ type: 'paragraph', text: 'Two' }], updatedAt: at, updatedBy: null });
    await site.storage.sitePages.save({ edition: 'en', kind: 'privacy', title: 'Privacy', body: [], updatedAt: at, updatedBy: null });
    expect(await site.storage.sitePages.find('en', 'about')).toEqual({ edition: 'en', kind: 'about', title: 'About us', body: [{ type: 'paragraph', text: 'Two' }], updatedAt: at, updatedBy: null });
    expect((await site.storage.sitePages.list('en')).map((p) => p.kind)).toEqual(['about', 'privacy']);
    expect(await site.storage.sitePages.find('en', 'contact')).toBeNull();
    expect(await site.storage.sitePages.list('ar')).toEqual([]);
  });
}

describe('profiles and pages stores on SQLite', () => {
  contract(async () => {
    const site = await createTestSite({ withFixture: false });
    return { site, close: () => site.close() };
  });
});

describe.skipIf(unavailable)(`profiles and pages stores on PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  contract(async () => {
    const database: PostgresTestDatabase = await createPostgresTestDatabase();
    const site = await createTestSite({ withFixture: false, databaseUrl: database.url });
    return { site, close: async () => { await site.close(); await database.drop(); } };
  });
});
