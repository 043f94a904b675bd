/**
 * @module A store's writes in one transaction: its own, or the caller's when the store was built over one
 * (a unit of work such as the wire desk's, see sql-wire-desk-transaction.ts). Kysely does not nest transactions.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/** A store built over a caller's transaction commits with it: give such a store no `onCommit` of its own. */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
