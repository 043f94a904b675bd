/** Every role against every newsroom action, over HTTP: the server checks the role on each one. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ArticleStatus } from '../../src/core/articles/article.js';
import type { Role } from '../../src/core/staff/staff-user.js';
import { ARTICLE_ACTIONS, type ArticleAction } from '../../src/core/workflow/article-actions.js';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { signIn, addStaff, type StaffSession } from '../support/newsroom-session.js';

const FORM = {
  headline: 'Port strike enters second week', highlights: 'Dockers walk out', dateline: 'ROTTERDAM', section: 'world', topics: 'Rotterdam',
  authors: 'Staff Writer', body: JSON.stringify([{ type: 'paragraph', text: 'Cranes stood idle on Monday.' }]), note: 'New figures.', scheduled_at: '2099-01-01T10:00',
};

/** What each role may do on its own story and on someone else's, from a story in the given status. */
const EXPECTED: Record<Role, { own: ArticleAction[]; other: ArticleAction[] }> = {
  contributor: { own: ['save'], other: [] },
  reporter: { own: ['save', 'submit', 'return'], other: [] },
  editor: { own: [...ARTICLE_ACTIONS], other: [...ARTICLE_ACTIONS] },
  admin: { own: [...ARTICLE_ACTIONS], other: [...ARTICLE_ACTIONS] },
};

/** The status an action starts from in this table. */
const FROM: Record<ArticleAction, ArticleStatus> = {
  save: 'draft', submit: 'draft', return: 'in_review', publish: 'draft', schedule: 'draft', unschedule: 'scheduled', update: 'published',
  minor: 'published', correct: 'published', unpublish: 'published', republish: 'unpublished', restore: 'draft',
};

describe('roles × newsroom actions', () => {
  let site: TestSite;
  const sessions = new Map<Role, StaffSession>();
  let admin: StaffSession;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    for (const role of ['contributor', 'reporter', 'editor', 'admin'] as Role[]) {
      const { email, password } = await addStaff(site, role);
      sessions.set(role, await signIn(site, email, password));
    }
    admin = sessions.get('admin')!;
  });
  afterAll(() => site.close());

  /** A story owned by `owner`, brought to `status` by the admin. */
  async function storyIn(owner: StaffSession, status: ArticleStatus): Promise<string> {
    const res = await owner.post('/newsroom/stories', { headline: FORM.headline, section: 'world' });
    const id = /stories\/([\w-]+)\/edit/.exec(res.headers.location as string)![1]!;
    const step = async (action: string) => {
      const version = String((await site.storage.articles.findState(id))!.version);
      const r = await admin.post(`/newsroom/stories/${id}`, { ...FORM, version, action });
      expect(r.statusCode, `${action}: ${r.body.slice(0, 300)}`).toBe(303);
    };
    await step('save');
    if (status === 'in_review') await step('submit');
    if (status === 'scheduled') await step('schedule');
    if (status === 'published' || status === 'unpublished') await step('publish');
    if (status === 'unpublished') await step('unpublish');
    return id;
  }

  for (const role of ['contributor', 'reporter', 'editor', 'admin'] as Role[]) {
    for (const action of ARTICLE_ACTIONS) {
      for (const mine of [true, false]) {
        const allowed = (mine ? EXPECTED[role].own : EXPECTED[role].other).includes(action);
        it(`${role} ${allowed ? 'may' : 'may not'} ${action} ${mine ? 'their own' : "someone else's"} ${FROM[action]} story`, async () => {
          const session = sessions.get(role)!;
          const id = await storyIn(mine ? session : admin, FROM[action]);
          const version = String((await site.storage.articles.findState(id))!.version);
          const res = await session.post(`/newsroom/stories/${id}`, { ...FORM, version, action, revision: '1' }, { accept: 'application/json' });
          if (allowed) expect(res.statusCode, res.body.slice(0, 300)).toBe(303);
          else if (!mine && !EXPECTED[role].other.length && FROM[action] !== 'published') {
            // A writer may not even read someone else's unpublished story (article-reads.ts): it answers as if it did not exist.
            expect(res.statusCode).toBe(404);
            expect(res.json().error.code).toBe('ARTICLE_NOT_FOUND');
          } else {
            expect(res.statusCode).toBe(403);
            expect(res.json().error.code).toBe('WORKFLOW_TRANSITION_FORBIDDEN');
          }
        });
      }
    }
  }

  it('answers an impossible transition with a stable code', async () => {
    const editor = sessions.get('editor')!;
    const id = await storyIn(editor, 'draft');
    const version = String((await site.storage.articles.findState(id))!.version);
    const res = await editor.post(`/newsroom/stories/${id}`, { ...FORM, version, action: 'unpublish' }, { accept: 'application/json' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('WORKFLOW_TRANSITION_INVALID');
  });

  it('lets only admins manage staff', async () => {
    expect((await sessions.get('editor')!.get('/newsroom/users')).statusCode).toBe(403);
    expect((await admin.get('/newsroom/users')).statusCode).toBe(200);
  });
});
