/** @module One site-import batch on one database transaction: the article repository and the import's bookkeeping bound to it, committed or rolled back together. */
import type { Kysely } from 'kysely';
import type { SiteImportUnit } from '../../core/site-import/site-import-store.js';
import type { SearchWriter } from '../search/search-writer.js';
import { createSqlArticleRepository } from '../db/article-repository/sql-article-repository.js';
import type { Database } from '../db/database.js';
import { inTransaction } from '../db/join-transaction.js';
import { createSqlSiteImportStore } from '../db/stores/sql-site-import-store.js';
import { createSqlTopicSuggestionQueue } from '../db/stores/sql-topic-suggestion-queue.js';
import { createSqlSitePageStore } from '../db/stores/sql-site-page-store.js';

/** Thrown to roll a dry run's transaction back; carries the work's result out. */
class DryRunRollback<T> extends Error {
  constructor(readonly result: T) {
    super('dry run: rolled back');
  }
}

/**
 * A batch's stories, revisions, search entries, import items and old addresses commit together: a process killed
 * mid-import leaves whole batches, and the next run finds them by their import items and goes on.
 */
export function siteImportTransaction(db: Kysely<Database>, search: SearchWriter) {
  return async <T>(work: (unit: SiteImportUnit) => Promise<T>, options: { rollback: boolean }): Promise<T> => {
    try {
      return await inTransaction(db, async (trx) => {
        const result = await work({
          articles: createSqlArticleRepository(trx, search), items: createSqlSiteImportStore(trx),
          topics: createSqlTopicSuggestionQueue(trx, { skipLocked: false }), pages: createSqlSitePageStore(trx),
        });
        if (options.rollback) throw new DryRunRollback(result);
        return result;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.result as T;
      throw error;
    }
  };
}
