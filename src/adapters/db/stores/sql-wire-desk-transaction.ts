/** @module The wire desk's transaction over Kysely: every store a desk action uses, bound to one transaction (SQLite and PostgreSQL). */
import type { Kysely } from 'kysely';
import type { WireDeskTransaction } from '../../../core/wire/wire-desk-transaction.js';
import type { SearchWriter } from '../../search/search-writer.js';
import type { Database } from '../database.js';
import { createSqlArticleRepository } from '../article-repository/sql-article-repository.js';
import { createSqlSectionStore } from './sql-catalog-stores.js';
import { createSqlWireStore } from './sql-wire-store.js';

/**
 * The stores join this transaction instead of opening their own (join-transaction.ts). None counts its commits
 * for the page cache: a desk action writes a draft, or a published story whose story event drops its pages.
 */
export function createSqlWireDeskTransaction(db: Kysely<Database>, search: SearchWriter): WireDeskTransaction {
  return (work) => db.transaction().execute((trx) => work({
    articles: createSqlArticleRepository(trx, search),
    sections: createSqlSectionStore(trx),
    items: createSqlWireStore(trx),
  }));
}
