/**
 * @module The newsroom's reads of stories, each held to the read rules (article-reads.ts): a story the staff member may
 * not read is not found, and lists are filtered by the store's query, so pages and their cursors stay whole. Shared by every transport.
 */
import type { ArticleStore, Page } from '../articles/article-store.js';
import type { ArticleListItem, ArticleState, NewsroomListQuery, Revision, RevisionSummary } from '../articles/article-workflow-store.js';
import { DomainError } from '../shared/domain-error.js';
import type { StaffUser } from '../staff/staff-user.js';
import { articleVisibility, canReadArticle, type ArticleRead } from './article-reads.js';

export interface NewsroomReadDeps {
  articles: Pick<ArticleStore, 'findState' | 'list' | 'listRevisions' | 'findRevision'>;
}

type Reader = Pick<StaffUser, 'id' | 'role'>;

/** The one answer for a story that does not exist and for one the staff member may not read: nothing tells them apart. */
export function articleNotFound(id: string): DomainError {
  return new DomainError('ARTICLE_NOT_FOUND', 'There is no story with this id.', { id });
}

export function createNewsroomReads(deps: NewsroomReadDeps) {
  const { articles } = deps;

  /** The story's state, if this staff member may read it this way. */
  async function readArticle(staff: Reader, id: string, read: ArticleRead): Promise<ArticleState> {
    const state = await articles.findState(id);
    if (!state || !canReadArticle(read, staff, state)) throw articleNotFound(id);
    return state;
  }

  /** A page of the stories this staff member may read, filtered in the query. */
  async function listArticles(staff: Reader, query: Omit<NewsroomListQuery, 'visibleTo'>): Promise<Page<ArticleListItem>> {
    const visibleTo = articleVisibility('list', staff);
    return articles.list(visibleTo ? { ...query, visibleTo } : query);
  }

  async function listRevisions(staff: Reader, id: string): Promise<{ state: ArticleState; revisions: RevisionSummary[] }> {
    const state = await readArticle(staff, id, 'revisions');
    return { state, revisions: await articles.listRevisions(id) };
  }

  /** Two revisions of a story, to show what changed between them. */
  async function compareRevisions(staff: Reader, id: string, from: number, to: number): Promise<{ from: Revision; to: Revision }> {
    await readArticle(staff, id, 'diff');
    const [a, b] = await Promise.all([articles.findRevision(id, from), articles.findRevision(id, to)]);
    if (!a || !b) throw new DomainError('REVISION_NOT_FOUND', 'There is no such revision of this story.');
    return { from: a, to: b };
  }

  return { readArticle, listArticles, listRevisions, compareRevisions };
}
