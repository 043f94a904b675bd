/** @module The article repository's public corrections: every correction of an edition's published stories, newest first. */
import type { Kysely } from 'kysely';
import type { ArticleStore } from '../../../core/articles/article-store.js';
import type { Database } from '../database.js';
import { decodeCursor, encodeCursor, fromIso } from './article-rows.js';

export function createArticleCorrectionQueries(db: Kysely<Database>): Pick<ArticleStore, 'listPublicCorrections'> {
  return {
    async listPublicCorrections({ edition, limit, before }) {
      let q = db.selectFrom('corrections')
        .innerJoin('articles', 'articles.id', 'corrections.article_id')
        .select(['corrections.id', 'corrections.note', 'corrections.created_at', 'articles.slug', 'articles.headline'])
        .where('articles.status', '=', 'published').where('articles.edition_id', '=', edition);
      // Keyset over (created_at, id), the order the page is sorted in, so corrections sharing a time are never skipped.
      const after = before ? decodeCursor(before) : null;
      if (before && !after) return { items: [], next: null };
      if (after) {
        q = q.where((eb) => eb.or([
          eb('corrections.created_at', '<', after.updatedAt),
          eb.and([eb('corrections.created_at', '=', after.updatedAt), eb('corrections.id', '<', after.id)]),
        ]));
      }
      const rows = await q.orderBy('corrections.created_at', 'desc').orderBy('corrections.id', 'desc').limit(limit + 1).execute();
      const shown = rows.slice(0, limit);
      const last = shown.at(-1);
      return {
        items: shown.map((r) => ({ note: r.note, createdAt: fromIso(r.created_at), article: { slug: r.slug, headline: r.headline } })),
        next: rows.length > limit && last ? encodeCursor(last.created_at, last.id) : null,
      };
    },
  };
}
