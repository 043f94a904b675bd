/** @module The newsroom's story lists: any status, filtered by who may read them, owner, section and headline words, most recently touched first. */
import { sql, type Kysely } from 'kysely';
import type { ArticleStatus } from '../../../core/articles/article.js';
import type { Page } from '../../../core/articles/article-store.js';
import type { NewsroomListQuery, ArticleListItem } from '../../../core/articles/article-workflow-store.js';
import { DomainError } from '../../../core/shared/domain-error.js';
import type { Database } from '../database.js';
import { decodeCursor, encodeCursor, fromIso } from './article-rows.js';

/** LIKE wildcards in the reader's words are matched literally. */
function likePattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export async function listWorkflowArticles(db: Kysely<Database>, query: NewsroomListQuery): Promise<Page<ArticleListItem>> {
  let q = db.selectFrom('articles')
    .innerJoin('sections', 'sections.id', 'articles.section_id')
    .leftJoin('users', 'users.id', 'articles.created_by')
    .select([
      'articles.id', 'articles.slug', 'articles.headline', 'articles.status', 'sections.name as section', 'articles.created_by',
      'users.name as created_by_name', 'articles.modified_at', 'articles.scheduled_at', 'articles.updated_at', 'articles.edition_id',
    ]);
  if (query.statuses?.length) q = q.where('articles.status', 'in', query.statuses);
  if (query.createdBy) q = q.where('articles.created_by', '=', query.createdBy);
  if (query.sectionSlug) q = q.where('sections.slug', '=', query.sectionSlug);
  const visible = query.visibleTo;
  if (visible) {
    // Filtered here, not after: a page holds `limit` stories the reader may see and its cursor skips none of them.
    q = q.where((eb) => eb.or([
      ...(visible.anyStatuses.length ? [eb('articles.status', 'in', [...visible.anyStatuses])] : []),
      ...(visible.ownStatuses.length ? [eb.and([eb('articles.created_by', '=', visible.staffId), eb('articles.status', 'in', [...visible.ownStatuses])])] : []),
    ]));
  }
  const words = query.text?.trim();
  if (words) {
    // SQLite's lower() folds ASCII only: the headline also matches as typed, so "Зеленский" finds "Зеленский" on every engine.
    q = q.where((eb) => eb.or([
      eb(sql<string>`lower(articles.headline)`, 'like', sql<string>`${likePattern(words.toLowerCase())} escape '\\'`),
      eb('articles.headline', 'like', sql<string>`${likePattern(words)} escape '\\'`),
    ]));
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    if (!after) throw new DomainError('VALIDATION_FAILED', 'This page link is not valid.', { cursor: query.cursor });
    q = q.where('articles.modified_at', '<=', after.updatedAt).where((eb) => eb.or([
      eb('articles.modified_at', '<', after.updatedAt), eb('articles.id', '<', after.id),
    ]));
  }
  const rows = await q.orderBy('articles.modified_at', 'desc').orderBy('articles.id', 'desc').limit(query.limit + 1).execute();
  const page = rows.slice(0, query.limit);
  const last = page[page.length - 1];
  return {
    items: page.map((r) => ({
      id: r.id, slug: r.slug, headline: r.headline, status: r.status as ArticleStatus, section: r.section, createdBy: r.created_by,
      createdByName: r.created_by_name, modifiedAt: fromIso(r.modified_at),
      scheduledAt: r.scheduled_at ? fromIso(r.scheduled_at) : null, updatedAt: r.updated_at ? fromIso(r.updated_at) : null, edition: r.edition_id,
    })),
    next: rows.length > query.limit && last ? encodeCursor(last.modified_at, last.id) : null,
  };
}
