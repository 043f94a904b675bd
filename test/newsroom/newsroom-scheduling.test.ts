/** Scheduled publishing: due stories publish when the scheduler runs (also after a restart), and exactly once with two schedulers. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';
import { openStorage } from '../../src/main/storage.js';
import { createNewsroomServices } from '../../src/main/newsroom-services.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const FORM = {
  headline: 'Budget vote set for Friday', highlights: 'Parliament votes on Friday', section: 'world', authors: 'Desk Editor',
  body: JSON.stringify([{ type: 'paragraph', text: 'The vote is expected to pass.' }]),
};

describe('scheduled publishing', () => {
  let site: TestSite;
  let editor: StaffSession;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    editor = await staffSession(site, 'editor');
  });
  afterAll(() => site.close());

  it('publishes a scheduled story once its time has passed, not before', async () => {
    const res = await editor.post('/newsroom/stories', { headline: FORM.headline, section: 'world' });
    const id = /stories\/([\w-]+)\/edit/.exec(res.headers.location as string)![1]!;
    const version = String((await site.storage.articles.findState(id))!.version);
    const past = await editor.post(`/newsroom/stories/${id}`, { ...FORM, version, action: 'schedule', scheduled_at: '2020-01-01T10:00' });
    expect(past.statusCode).toBe(400);
    expect(past.body).toContain('must be in the future');
    // The clock starts at 2025-01-17T15:00Z (UTC site): schedule for 16:00.
    const ok = await editor.post(`/newsroom/stories/${id}`, { ...FORM, version, action: 'schedule', scheduled_at: '2025-01-17T16:00' });
    expect(ok.statusCode).toBe(303);
    expect(await site.newsroom!.newsroom.publishDueArticles()).toEqual([]);
    site.clock.set(new Date('2025-01-17T16:30:00Z'));
    expect(await site.newsroom!.newsroom.publishDueArticles()).toEqual(['budget-vote-set-for-friday']);
    const state = (await site.storage.articles.findState(id))!;
    expect(state.status).toBe('published');
    expect((await site.app.inject({ method: 'GET', url: '/article/budget-vote-set-for-friday' })).statusCode).toBe(200);
  });

  // Two schedulers that both saw the same due stories race to publish them; the conditional update on
  // (status, version, scheduled_at) lets exactly one win each story. (Two processes are the same race; the
  // multi-process run over PostgreSQL is in the scale-out suite.)
  it('publishes each story exactly once when two schedulers race over the same database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dateline-sched-'));
    const url = `sqlite:${join(dir, 'two.db')}`;
    const clock = { now: () => new Date('2030-01-01T12:00:00Z') };
    const a = await openStorage(url);
    try {
      const options = { clock, mediaDir: join(dir, 'media'), maxUploadBytes: 1_000_000, maxPixels: 1_000_000 };
      const servicesA = createNewsroomServices(a, options);
      const admin = await servicesA.auth.addUser({ email: 'a@news.test', name: 'Admin', role: 'admin', password: 'a long password here' });
      let due = 0;
      for (let i = 0; i < 20; i++) {
        const { id } = await servicesA.newsroom.createArticle(admin, { section: { slug: 'world', name: 'World' }, headline: `Scheduled story ${i}` });
        const state = (await a.articles.findState(id))!;
        await servicesA.newsroom.act(admin, id, {
          action: 'schedule', fields: { ...state.fields, highlights: ['One'], body: [{ type: 'paragraph', text: 'Text.' }] },
          note: null, scheduledAt: new Date('2030-01-01T12:30:00Z'), autosave: false, expectedVersion: state.version,
        });
        due++;
      }
      const later = { now: () => new Date('2030-01-01T13:00:00Z') };
      const laterA = createNewsroomServices(a, { ...options, clock: later });
      const laterB = createNewsroomServices(a, { ...options, clock: later });
      const [fromA, fromB] = await Promise.all([laterA.newsroom.publishDueArticles(), laterB.newsroom.publishDueArticles()]);
      expect(fromA.length + fromB.length).toBe(due);
      expect(new Set([...fromA, ...fromB]).size).toBe(due);
      const published = await a.db.selectFrom('revisions').select((eb) => eb.fn.countAll<number>().as('n')).where('kind', '=', 'published').executeTakeFirstOrThrow();
      expect(Number(published.n)).toBe(due);
    } finally {
      await a.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
