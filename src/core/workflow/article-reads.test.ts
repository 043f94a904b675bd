/** The read rules cell by cell (read × role × own/other × status), and the list filter derived from them agreeing with every cell. */
import { describe, expect, it } from 'vitest';
import { ARTICLE_STATUSES, type ArticleStatus } from '../articles/article.js';
import { ROLES, type Role } from '../staff/staff-user.js';
import { ARTICLE_READS, articleVisibility, canReadArticle, isOwnArticle } from './article-reads.js';

/** What each role may read, written out by hand from the rule the newsroom promises (README, Roles). */
function expected(role: Role, own: boolean, status: ArticleStatus): boolean {
  if (role === 'editor' || role === 'admin') return true;
  return own || status === 'published';
}

const ME = 'staff-me';
const story = (own: boolean, status: ArticleStatus) => ({ status, createdBy: own ? ME : 'staff-someone-else' });

describe('read rules: role × read × own/other × status', () => {
  for (const role of ROLES) {
    for (const read of ARTICLE_READS) {
      for (const own of [true, false]) {
        for (const status of ARTICLE_STATUSES) {
          const allowed = expected(role, own, status);
          it(`${role} ${allowed ? 'may' : 'may not'} ${read} ${own ? 'their own' : "someone else's"} ${status} story`, () => {
            expect(canReadArticle(read, { id: ME, role }, story(own, status))).toBe(allowed);
          });
        }
      }
    }
  }
});

describe('the list filter derived from the rules', () => {
  it('is no filter at all for the desk, and for writers selects exactly the stories they may read', () => {
    expect(articleVisibility('list', { id: ME, role: 'editor' })).toBeNull();
    expect(articleVisibility('list', { id: ME, role: 'admin' })).toBeNull();
    for (const role of ['contributor', 'reporter'] as const) {
      const visibility = articleVisibility('list', { id: ME, role })!;
      expect(visibility.staffId).toBe(ME);
      for (const own of [true, false]) {
        for (const status of ARTICLE_STATUSES) {
          const s = story(own, status);
          // The same predicate the SQL query applies.
          const selected = visibility.anyStatuses.includes(status) || (s.createdBy === visibility.staffId && visibility.ownStatuses.includes(status));
          expect(selected, `${role} ${own ? 'own' : 'other'} ${status}`).toBe(canReadArticle('list', { id: ME, role }, s));
        }
      }
    }
  });

  it('counts a story nobody created (imports, old wire copy) as nobody\'s own', () => {
    expect(isOwnArticle({ createdBy: null }, { id: ME })).toBe(false);
    expect(canReadArticle('edit', { id: ME, role: 'reporter' }, { status: 'draft', createdBy: null })).toBe(false);
    expect(canReadArticle('edit', { id: ME, role: 'reporter' }, { status: 'published', createdBy: null })).toBe(true);
  });
});
