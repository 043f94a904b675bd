/** Smoke test: the whole reader site on PostgreSQL, through the same createTestSite path as the SQLite HTTP tests. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresTestDatabase, postgresUnavailableReason, type PostgresTestDatabase } from '../support/postgres-test-database.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

const unavailable = await postgresUnavailableReason();

describe.skipIf(unavailable)(`reader site on PostgreSQL${unavailable ? ` (skipped: ${unavailable})` : ''}`, () => {
  let database: PostgresTestDatabase;
  let site: TestSite;
  beforeAll(async () => {
    database = await createPostgresTestDatabase();
    site = await createTestSite({ databaseUrl: database.url });
  });
  afterAll(async () => {
    await site?.close();
    await database?.drop();
  });
  const get = (url: string) => site.app.inject({ method: 'GET', url });

  it('serves home, an article, search with highlights, and a feed', async () => {
    const home = await get('/');
    expect(home.statusCode).toBe(200);
    expect(home.body).toContain('South Korea plane crash investigators find feathers in engines');

    const [lead] = (await site.storage.articles.listPublished({ limit: 1 })).items;
    const article = await get(`/article/${lead?.slug}`);
    expect(article.statusCode).toBe(200);
    expect(article.body).toContain(lead?.headline);

    const search = await get('/search?q=feathers');
    expect(search.statusCode).toBe(200);
    expect(search.body).toMatch(/1 story matches/);
    expect(search.body).toContain('<mark>feathers</mark>');
    expect((await get('/search?q=%22North+Korea%22')).body).toMatch(/stories? match/);

    const feed = await get('/feed.xml');
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('application/rss+xml; charset=utf-8');
    expect(feed.body.match(/<item>/g)).toHaveLength(6);
    expect((await get('/sitemap.xml')).statusCode).toBe(200);
  });
});
