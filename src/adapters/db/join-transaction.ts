/**
 * @module A store's writes in one transaction: its own, or the caller's when the store was built over one
 * (a unit of work such as the wire desk's, see sql-wire-desk-transaction.ts). Kysely does not nest transactions.
 */
import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * A store built over a caller's transaction commits with it: give such a store no `onCommit` of its own.
 * When the write or the COMMIT fails and the ROLLBACK after it fails too (the connection is gone, or the engine had
 * already rolled back, as SQLite does on SQLITE_FULL), the first error is thrown: it says why (Kysely's own
 * `transaction().execute` would throw the ROLLBACK's). The failed ROLLBACK rides along as `rollbackError`.
 */
export async function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db);
  const trx = await db.startTransaction().execute();
  try {
    const result = await work(trx);
    await trx.commit().execute();
    return result;
  } catch (error) {
    if (!trx.isCommitted && !trx.isRolledBack) {
      await trx.rollback().execute().catch((rollbackError: unknown) => withRollbackFailure(error, rollbackError));
    }
    throw error;
  }
}

function withRollbackFailure(original: unknown, rollbackError: unknown): void {
  if (typeof original === 'object' && original !== null && Object.isExtensible(original)) {
    Object.assign(original, { rollbackError: rollbackError instanceof Error ? rollbackError.message : String(rollbackError) });
  }
}
