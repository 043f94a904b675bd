/** @module The article repository over Kysely: the one ArticleStore, holding all SQL of the articles table and its links (this folder). */
import type { Kysely } from 'kysely';
import type { ArticleStore } from '../../../core/articles/article-store.js';
import type { Database } from '../database.js';
import type { SearchWriter } from '../../search/search-writer.js';
import { createArticleReaderQueries } from './article-reader-queries.js';
import { createArticleWorkflowQueries } from './article-workflow-queries.js';
import { createArticleCorrectionQueries } from './article-correction-queries.js';

/**
 * Every write joins a transaction `db` already is (join-transaction.ts), so the wire desk can bind the whole
 * repository to one. `onCommit` runs after imports' inserts commit, so this process's caches drop what they
 * changed; newsroom changes reach readers' caches through story events (tags) instead, so drafts and
 * autosaves never flush the page cache.
 */
export function createSqlArticleRepository(db: Kysely<Database>, search: SearchWriter, onCommit: () => void = () => {}): ArticleStore {
  return { ...createArticleReaderQueries(db, search, onCommit), ...createArticleWorkflowQueries(db, search, () => {}), ...createArticleCorrectionQueries(db) };
}
