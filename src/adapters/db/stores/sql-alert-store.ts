/** @module AlertStore over Kysely: the `alerts` rounds and the story an alert is made from (main database). */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { fromIso, toIso } from '../article-repository/article-rows.js';
import { summaryOf, articlePath, type ArticleStatus, type BodyBlock } from '../../../core/articles/article.js';
import { directionOf, pathPrefixOf, type TextDirection } from '../../../core/editions/edition.js';
import type { AlertAudience, AlertRound } from '../../../core/alerts/alert.js';
import type { AlertStore } from '../../../core/alerts/alert-store.js';

type AlertRow = Database['alerts'];

const roundOf = (r: { [K in keyof AlertRow]: AlertRow[K] }): AlertRound => ({
  id: r.id, articleId: r.article_id, round: r.round, audience: r.audience as AlertAudience, title: r.title, body: r.body, url: r.url,
  recipients: r.recipients, createdBy: r.created_by, createdAt: fromIso(r.created_at),
});

export function createSqlAlertStore(db: Kysely<Database>): AlertStore {
  return {
    async findStory(articleId) {
      const row = await db.selectFrom('articles').innerJoin('editions', 'editions.id', 'articles.edition_id')
        .select(['articles.id', 'articles.slug', 'articles.status', 'articles.headline', 'articles.highlights', 'articles.body',
          'editions.id as edition_id', 'editions.language', 'editions.direction', 'editions.position'])
        .where('articles.id', '=', articleId).executeTakeFirst();
      if (!row) return null;
      const topics = await db.selectFrom('article_topics').select('topic_id').where('article_id', '=', articleId).where('accepted', '=', 1)
        .orderBy('position').execute();
      const summary = summaryOf({ highlights: JSON.parse(row.highlights) as string[], body: JSON.parse(row.body) as BodyBlock[] });
      const pathPrefix = pathPrefixOf(row.edition_id, row.position);
      const direction: TextDirection = row.direction === 'rtl' || row.direction === 'ltr' ? row.direction : directionOf(row.language);
      return {
        id: row.id, status: row.status as ArticleStatus, headline: row.headline, summary,
        path: articlePath({ slug: row.slug, edition: { pathPrefix } }),
        edition: { id: row.edition_id, language: row.language, direction }, topicIds: topics.map((t) => t.topic_id),
      };
    },

    async listRounds(articleId) {
      const rows = await db.selectFrom('alerts').selectAll().where('article_id', '=', articleId).orderBy('round').execute();
      return rows.map(roundOf);
    },

    async findRound(id) {
      const row = await db.selectFrom('alerts').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? roundOf(row) : null;
    },

    async insertRound(r) {
      const result = await db.insertInto('alerts').values({
        id: r.id, article_id: r.articleId, round: r.round, audience: r.audience, title: r.title, body: r.body, url: r.url,
        recipients: r.recipients, created_by: r.createdBy, created_at: toIso(r.createdAt),
      }).onConflict((oc) => oc.columns(['article_id', 'round']).doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
    },

    async setRecipients(id, recipients) {
      await db.updateTable('alerts').set({ recipients }).where('id', '=', id).execute();
    },

    async listUnfinishedRounds(before) {
      const rows = await db.selectFrom('alerts').selectAll().where('recipients', 'is', null).where('created_at', '<', toIso(before))
        .orderBy('created_at').orderBy('id').execute();
      return rows.map(roundOf);
    },
  };
}
