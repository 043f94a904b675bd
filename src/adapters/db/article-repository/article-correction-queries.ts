/** @module The article repository's public corrections: every correction of an edition's published stories, newest first. */
import type { Kysely } from 'kysely';
import type { ArticleStore } from '../../../core/articles/article-store.js';
import type { Database } from '../database.js';
import { fromIso, toIso } from './article-rows.js';

export function createArticleCorrectionQueries(db: Kysely<Database>): Pick<ArticleStore, 'listPublicCorrections'> {
  return {
    async listPublicCorrections({ edition, limit, before }) {
      let q = db.selectFrom('corrections')
        .innerJoin('articles', 'articles.id', 'corrections.article_id')
        .select(['corrections.note', 'corrections.created_at', 'articles.slug', 'articles.headline'])
        .where('articles.status', '=', 'published').where('articles.edition_id', '=', edition);
      if (before) q = q.where('corrections.created_at', '<', toIso(before));
      const rows = await q.orderBy('corrections.created_at', 'desc').orderBy('corrections.id', 'desc').limit(limit).execute();
      return rows.map((r) => ({ note: r.note, createdAt: fromIso(r.created_at), article: { slug: r.slug, headline: r.headline } }));
    },
  };
}
