/** @module The newsroom's translation groups over Kysely: a story as a group member, a group's members, joining and leaving (each change one transaction). */
import type { Kysely } from 'kysely';
import type { ArticleStatus } from '../../../core/articles/article.js';
import { directionOf, pathPrefixOf, type TextDirection } from '../../../core/editions/edition.js';
import type { ArticleWorkflowStore, TranslationJoin, TranslationMember } from '../../../core/articles/article-workflow-store.js';
import type { Database } from '../database.js';
import { inTransaction } from '../join-transaction.js';

type TranslationGroupQueries = Pick<ArticleWorkflowStore, 'findTranslationMember' | 'listTranslationGroup' | 'joinTranslationGroup' | 'leaveTranslationGroup'>;

interface MemberRow {
  id: string; slug: string; headline: string; status: string; created_by: string | null; translation_group: string | null; edition_id: string;
  edition_name: string | null; edition_language: string | null; edition_direction: string | null; edition_position: number | null;
}

function memberFromRow(r: MemberRow): TranslationMember {
  // An edition row that is gone (never in practice: editions are not deleted) still names the story's edition by its code.
  const language = r.edition_language ?? r.edition_id;
  return {
    id: r.id, slug: r.slug, headline: r.headline, status: r.status as ArticleStatus, createdBy: r.created_by, translationGroup: r.translation_group,
    edition: {
      id: r.edition_id, name: r.edition_name ?? r.edition_id, language, direction: (r.edition_direction as TextDirection | null) ?? directionOf(language),
      pathPrefix: pathPrefixOf(r.edition_id, r.edition_position),
    },
  };
}

export function createArticleTranslationGroups(db: Kysely<Database>, onCommit: () => void): TranslationGroupQueries {
  const members = () => db.selectFrom('articles').leftJoin('editions', 'editions.id', 'articles.edition_id').select([
    'articles.id', 'articles.slug', 'articles.headline', 'articles.status', 'articles.created_by', 'articles.translation_group', 'articles.edition_id',
    'editions.name as edition_name', 'editions.language as edition_language', 'editions.direction as edition_direction', 'editions.position as edition_position',
  ]);

  return {
    async findTranslationMember(id) {
      const row = await members().where('articles.id', '=', id).executeTakeFirst();
      return row ? memberFromRow(row) : null;
    },
    async listTranslationGroup(group) {
      const rows = await members().where('articles.translation_group', '=', group).orderBy('editions.position').orderBy('articles.id').execute();
      return rows.map(memberFromRow);
    },
    async joinTranslationGroup({ group, ids, mergeGroups }: TranslationJoin) {
      await inTransaction(db, async (trx) => {
        await trx.updateTable('articles').set({ translation_group: group })
          .where((eb) => eb.or([eb('id', 'in', ids), ...(mergeGroups.length ? [eb('translation_group', 'in', mergeGroups)] : [])]))
          .execute();
      });
      onCommit();
    },
    async leaveTranslationGroup(id) {
      await inTransaction(db, async (trx) => {
        const row = await trx.selectFrom('articles').select('translation_group').where('id', '=', id).executeTakeFirst();
        const group = row?.translation_group;
        if (!group) return;
        await trx.updateTable('articles').set({ translation_group: null }).where('id', '=', id).execute();
        // A group of one links nothing: its last story is no one's translation any more.
        const left = await trx.selectFrom('articles').select('id').where('translation_group', '=', group).execute();
        if (left.length === 1) await trx.updateTable('articles').set({ translation_group: null }).where('id', '=', left[0]!.id).execute();
      });
      onCommit();
    },
  };
}
