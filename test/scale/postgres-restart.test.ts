/** A serving Dateline on a private PostgreSQL that is stopped and started again: fast 503s while it is away, then recovery without a restart. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, signIn, type StaffSession } from '../support/newsroom-session.js';
import { postgresBinariesMissingReason, startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres.js';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { waitUntil } from '../support/wait-until.js';

const skip = postgresBinariesMissingReason();

describe.skipIf(skip !== null)(`PostgreSQL restarting under a serving Dateline${skip ? ` (skipped: ${skip})` : ''}`, { timeout: 120_000 }, () => {
  let server: PrivatePostgres;
  let uncached: TestSite;
  let cached: TestSite;
  let paths: string[];
  let editor: StaffSession;
  const crashes: unknown[] = [];
  const recordCrash = (error: unknown) => { crashes.push(error); };

  beforeAll(async () => {
    process.on('uncaughtException', recordCrash);
    process.on('unhandledRejection', recordCrash);
    server = await startPrivatePostgres();
    // Page cache off: every request queries PostgreSQL. A second site on the same database keeps its cache on.
    uncached = await createTestSite({ databaseUrl: server.url, pageCache: false, newsroom: true });
    cached = await createTestSite({ databaseUrl: server.url, withFixture: false });
    const story = await uncached.storage.db.selectFrom('articles').select('slug').where('status', '=', 'published').executeTakeFirstOrThrow();
    const { email, password } = await addStaff(uncached, 'editor');
    editor = await signIn(uncached, email, password);
    paths = ['/', `/article/${story.slug}`, '/section/world', '/feed.xml', '/search?q=Seoul'];
  });

  afterAll(async () => {
    await uncached?.close();
    await cached?.close();
    server?.destroy();
    process.off('uncaughtException', recordCrash);
    process.off('unhandledRejection', recordCrash);
  });

  const get = (site: TestSite, url: string, accept = 'text/html') => site.app.inject({ method: 'GET', url, headers: { accept } });

  it('serves, answers 503 with Retry-After while the server is stopped, and recovers once it is back', async () => {
    for (const path of paths) expect((await get(uncached, path)).statusCode, path).toBe(200);
    expect((await get(cached, paths[1]!)).statusCode).toBe(200);

    server.stop();

    for (let round = 0; round < 3; round++) {
      for (const path of paths) {
        const res = await get(uncached, path);
        expect(res.statusCode, path).toBe(503);
        expect(res.headers['retry-after']).toBe('5');
        expect(res.headers['cache-control']).toContain('no-store');
        expect(res.body).toContain('Temporarily unavailable');
        expect(res.body).not.toMatch(/Error:|at .*\.(ts|js):\d+/);
      }
    }
    const api = await get(uncached, paths[1]!, 'application/json');
    expect(api.statusCode).toBe(503);
    const desk = await editor.get('/newsroom');
    expect(desk.statusCode).toBe(503);
    expect(desk.headers['retry-after']).toBe('5');
    expect(desk.body).toContain('Temporarily unavailable');
    // The page cache keeps answering what it holds while the database is away.
    expect((await get(cached, paths[1]!)).statusCode).toBe(200);

    server.start();

    await waitUntil(async () => (await get(uncached, '/')).statusCode === 200, 'Dateline to serve again from the restarted PostgreSQL', { attempts: 100, intervalMs: 50 });
    for (const path of paths) expect((await get(uncached, path)).statusCode, path).toBe(200);
    expect((await editor.get('/newsroom')).statusCode).toBe(200);
    expect(crashes).toEqual([]);
  });
});
