/** @module ReadCounts over Kysely: one row per story and hour, batches added by upsert, rows older than the window deleted. */
import type { Kysely } from 'kysely';
import { READ_WINDOW_HOURS, type ReadCounts } from '../../../core/most-read/most-read.js';
import type { Database } from '../database.js';

export function createSqlReadCounts(db: Kysely<Database>): ReadCounts {
  return {
    async add(batch, hour) {
      if (batch.length === 0) return;
      const rows = batch.map((e) => ({ article_id: e.articleId, hour, edition_id: e.edition, reads: e.reads }));
      await db.transaction().execute(async (trx) => {
        // A few hundred rows per statement stays under both engines' parameter limits.
        for (let i = 0; i < rows.length; i += 200) {
          await trx.insertInto('article_reads').values(rows.slice(i, i + 200))
            .onConflict((oc) => oc.columns(['article_id', 'hour']).doUpdateSet((eb) => ({ reads: eb('article_reads.reads', '+', eb.ref('excluded.reads')) })))
            .execute();
        }
        await trx.deleteFrom('article_reads').where('hour', '<', hour - READ_WINDOW_HOURS).execute();
      });
    },
    async top(edition, window, limit) {
      const rows = await db.selectFrom('article_reads')
        .select((eb) => ['article_id', eb.fn.sum<number | string>('reads').as('total')])
        .where('edition_id', '=', edition).where('hour', '>=', window.fromHour).where('hour', '<=', window.toHour)
        .groupBy('article_id')
        .orderBy('total', 'desc').orderBy('article_id')
        .limit(limit)
        .execute();
      // PostgreSQL sums integers into a bigint, which its driver hands over as a string.
      return rows.map((r) => ({ articleId: r.article_id, reads: Number(r.total) }));
    },
  };
}
