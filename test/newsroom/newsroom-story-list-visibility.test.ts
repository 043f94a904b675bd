/**
 * The story list, its search and the desk show each role only the stories it may read, filtered in the query: every
 * page holds its full count and the "Older stories" link skips none and repeats none.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';
import { act, createArticle, storyForm } from './edition-test-support.js';

const TOKEN = 'Списокzk';

/** The ids a list page links to, and the link to its next page (if any). */
function pageOf(body: string): { ids: string[]; next: string | null } {
  const ids = [...body.matchAll(/href="\/newsroom\/stories\/([\w-]+)\/edit"/g)].map((m) => m[1]!);
  const next = /rel="next" href="([^"]+)"/.exec(body)?.[1]?.replaceAll('&amp;', '&') ?? null;
  return { ids, next };
}

/** Every page of a list, following "Older stories"; the size of each page. */
async function allPages(session: StaffSession, url: string): Promise<{ ids: string[]; sizes: number[] }> {
  const ids: string[] = [];
  const sizes: number[] = [];
  for (let next: string | null = url; next;) {
    const res = await session.get(next);
    expect(res.statusCode).toBe(200);
    const page = pageOf(res.body);
    ids.push(...page.ids);
    sizes.push(page.ids.length);
    next = page.next;
  }
  return { ids, sizes };
}

describe('story lists by who may read them', () => {
  let site: TestSite;
  let reporter: StaffSession;
  let contributor: StaffSession;
  let editor: StaffSession;
  let someoneElse: StaffSession;
  const own: string[] = [];
  const othersPublished: string[] = [];
  const othersHidden: string[] = [];

  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
    [reporter, contributor, editor, someoneElse] = [await staffSession(site, 'reporter'), await staffSession(site, 'contributor'), await staffSession(site, 'editor'), await staffSession(site, 'reporter')];
    // 28 drafts of the reporter's, 3 published and 37 unpublished stories of someone else's, interleaved.
    for (let i = 0; i < 40; i++) {
      if (i < 28) own.push(await createArticle(reporter, `${TOKEN} mine ${i} 🗞️`, 'world'));
      const id = await createArticle(someoneElse, `${TOKEN} theirs ${i} 北京`, 'world');
      if (i < 3) {
        await act(site, editor, id, 'publish', storyForm({ headline: `${TOKEN} published ${i} بيروت` }));
        othersPublished.push(id);
      } else {
        if (i % 4 === 1) await act(site, someoneElse, id, 'submit', storyForm({ headline: `${TOKEN} in review ${i}` }));
        if (i % 4 === 2) await act(site, editor, id, 'schedule', storyForm({ headline: `${TOKEN} scheduled ${i}`, scheduled_at: '2099-01-01T10:00' }));
        othersHidden.push(id);
      }
    }
  });
  afterAll(() => site.close());

  it('pages a reporter\'s search through exactly their own stories and the published ones, 30 to a page', async () => {
    const { ids, sizes } = await allPages(reporter, `/newsroom/stories?q=${encodeURIComponent(TOKEN)}`);
    expect(sizes).toEqual([30, 1]);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.slice().sort()).toEqual([...own, ...othersPublished].sort());
  });

  it('pages an editor\'s search through every story', async () => {
    const { ids, sizes } = await allPages(editor, `/newsroom/stories?q=${encodeURIComponent(TOKEN)}`);
    expect(sizes).toEqual([30, 30, 8]);
    expect(ids.slice().sort()).toEqual([...own, ...othersPublished, ...othersHidden].sort());
  });

  it('keeps the status and "mine" filters within what the writer may read', async () => {
    expect((await allPages(reporter, '/newsroom/stories?status=draft')).ids.slice().sort()).toEqual(own.slice().sort());
    expect((await allPages(reporter, '/newsroom/stories?status=in_review')).ids).toEqual([]);
    expect((await allPages(reporter, '/newsroom/stories?status=scheduled')).ids).toEqual([]);
    expect((await allPages(reporter, `/newsroom/stories?status=published&q=${encodeURIComponent(TOKEN)}`)).ids.slice().sort()).toEqual(othersPublished.slice().sort());
    expect((await allPages(reporter, '/newsroom/stories?mine=1')).ids.slice().sort()).toEqual(own.slice().sort());
    // A contributor with no stories of their own sees the published ones only, the imported demo stories among them.
    const seen = (await allPages(contributor, '/newsroom/stories')).ids;
    expect(seen.filter((id) => othersHidden.includes(id) || own.includes(id))).toEqual([]);
    for (const id of seen) expect((await site.storage.articles.findState(id))!.status).toBe('published');
  });

  it('leaves someone else\'s stories in review and scheduled off a writer\'s desk', async () => {
    const deskIds = (session: StaffSession) => session.get('/newsroom').then((res) => pageOf(res.body).ids);
    const inReviewOrScheduled = othersHidden.filter((_, i) => i % 4 !== 0);
    expect((await deskIds(reporter)).filter((id) => othersHidden.includes(id))).toEqual([]);
    expect((await deskIds(contributor)).filter((id) => othersHidden.includes(id))).toEqual([]);
    expect((await deskIds(editor)).some((id) => inReviewOrScheduled.includes(id))).toBe(true);
  });
});
