/** @module The article repository's newsroom side over Kysely: stories in every status, conditional workflow changes, revisions and corrections. */
import type { Kysely } from 'kysely';
import { bodyText, type ArticleStatus } from '../../../core/articles/article.js';
import type {
  ArticleWorkflowStore, ChangeOutcome, Correction, NewRevision, NewsroomListQuery, Revision, RevisionKind, RevisionSummary, ArticleChange, ArticleState,
} from '../../../core/articles/article-workflow-store.js';
import { PUBLIC_REVISION_KINDS } from '../../../core/articles/article-workflow-store.js';
import type { ArticleFields } from '../../../core/articles/article-fields.js';
import type { Database } from '../database.js';
import { inTransaction } from '../join-transaction.js';
import { searchEditionOf, type SearchWriter } from '../../search/search-writer.js';
import { fromIso, leadImageFromRow, leadImageToRow, parseBody, parseHighlights, sourceFromRow, sourceToRow, toIso } from './article-rows.js';
import { ensureSection, insertArticleLinks } from './article-writes.js';
import { readArticleLinks } from './article-link-rows.js';
import { listWorkflowArticles } from './article-workflow-list.js';
import { createArticleTranslationGroups } from './article-translation-groups.js';
import { parseSnapshot, snapshotFields } from './article-snapshot.js';

const dateOrNull = (value: string | null) => (value ? fromIso(value) : null);

export function createArticleWorkflowQueries(db: Kysely<Database>, search: SearchWriter, onCommit: () => void): ArticleWorkflowStore {
  async function findState(id: string): Promise<ArticleState | null> {
    const row = await db.selectFrom('articles')
      .innerJoin('sections', 'sections.id', 'articles.section_id')
      .leftJoin('short_links', 'short_links.article_id', 'articles.id')
      .selectAll('articles')
      .select(['sections.slug as section_slug', 'sections.name as section_name', 'short_links.code as short_code'])
      .where('articles.id', '=', id).executeTakeFirst();
    if (!row) return null;
    const { topics, authors } = await readArticleLinks(db, id);
    const fields: ArticleFields = {
      headline: row.headline, highlights: parseHighlights(row.highlights), dateline: row.dateline,
      section: { slug: row.section_slug, name: row.section_name }, topics, authors,
      source: sourceFromRow(row), lead: leadImageFromRow(row), leadMediaId: row.lead_media_id, body: parseBody(row.body),
    };
    return {
      id: row.id, slug: row.slug, status: row.status as ArticleStatus, version: row.version, fields, createdBy: row.created_by,
      firstPublishedAt: dateOrNull(row.first_published_at), updatedAt: dateOrNull(row.updated_at), updateNote: row.update_note,
      scheduledAt: dateOrNull(row.scheduled_at), createdAt: fromIso(row.created_at), modifiedAt: fromIso(row.modified_at), shortCode: row.short_code,
      edition: row.edition_id, translationGroup: row.translation_group,
    };
  }

  async function insertRevision(trx: Kysely<Database>, articleId: string, revision: NewRevision, fields: ArticleFields, version: number | null) {
    const last = await trx.selectFrom('revisions').select((eb) => eb.fn.max('number').as('n')).where('article_id', '=', articleId).executeTakeFirst();
    await trx.insertInto('revisions').values({
      id: revision.id, article_id: articleId, number: Number(last?.n ?? 0) + 1, kind: revision.kind, actor: revision.actor,
      created_at: toIso(revision.createdAt), snapshot: snapshotFields(fields), version, note: revision.note,
    }).execute();
  }

  /** Topics and authors are replaced; their story_updated_at copies the public time while published, else null. */
  async function replaceLinks(trx: Kysely<Database>, change: ArticleChange, storyUpdatedAt: string | null) {
    await trx.deleteFrom('article_topics').where('article_id', '=', change.id).execute();
    await trx.deleteFrom('article_authors').where('article_id', '=', change.id).execute();
    await insertArticleLinks(trx, change.id, change.fields, storyUpdatedAt, new Map());
  }

  async function applyChange(change: ArticleChange): Promise<ChangeOutcome> {
    const outcome = await inTransaction(db, async (trx): Promise<ChangeOutcome> => {
      const f = change.fields;
      // A section the change names for the first time is made in the story's own edition (an Arabic story's new section is the Arabic edition's).
      const current = await trx.selectFrom('articles').select('edition_id').where('id', '=', change.id).executeTakeFirst();
      const sectionId = await ensureSection(trx, f.section, new Map(), current?.edition_id);
      // A story's edition is its section's: moving it to another edition's section moves it there.
      const editionId = (await trx.selectFrom('sections').select('edition_id').where('id', '=', sectionId).executeTakeFirstOrThrow()).edition_id;
      let update = trx.updateTable('articles').set((eb) => ({
        ...(change.slug ? { slug: change.slug } : {}),
        headline: f.headline, highlights: JSON.stringify(f.highlights), dateline: f.dateline, body: JSON.stringify(f.body),
        ...leadImageToRow(f.lead), lead_media_id: f.leadMediaId, section_id: sectionId, edition_id: editionId,
        ...sourceToRow(f.source),
        status: change.status,
        first_published_at: change.firstPublishedAt ? toIso(change.firstPublishedAt) : null,
        updated_at: change.updatedAt ? toIso(change.updatedAt) : null,
        update_note: change.updateNote, minor_edit: change.minorEdit ? 1 : 0,
        scheduled_at: change.scheduledAt ? toIso(change.scheduledAt) : null,
        modified_at: toIso(change.revision.createdAt), modified_by: change.modifiedBy,
        version: eb('version', '+', 1),
      })).where('id', '=', change.id).where('status', 'in', [...change.fromStatuses]);
      if (change.expectedVersion !== null) update = update.where('version', '=', change.expectedVersion);
      if (change.dueBy) update = update.where('scheduled_at', '<=', toIso(change.dueBy));
      const result = await update.returning('version').executeTakeFirst();
      if (!result) {
        const current = await trx.selectFrom('articles').select(['version', 'status']).where('id', '=', change.id).executeTakeFirst();
        return { ok: false, current: current ? { version: current.version, status: current.status as ArticleStatus } : null };
      }
      const published = change.status === 'published';
      await replaceLinks(trx, change, published && change.updatedAt ? toIso(change.updatedAt) : null);
      if (published) {
        await search.index(trx, { articleId: change.id, ...await searchEditionOf(trx, change.id), sortAt: change.updatedAt ?? change.revision.createdAt, headline: f.headline, highlights: f.highlights, body: bodyText(f.body) });
      } else {
        await search.remove(trx, change.id);
      }
      await insertRevision(trx, change.id, change.revision, f, result.version);
      if (change.correction) {
        await trx.insertInto('corrections').values({
          id: change.correction.id, article_id: change.id, note: change.correction.note, actor: change.modifiedBy, created_at: toIso(change.correction.createdAt),
        }).execute();
      }
      return { ok: true, version: result.version };
    });
    if (outcome.ok) onCommit();
    return outcome;
  }

  async function addRevision(articleId: string, revision: NewRevision, fields: ArticleFields): Promise<void> {
    await inTransaction(db, (trx) => insertRevision(trx, articleId, revision, fields, null));
  }

  const revisionColumns = ['revisions.id', 'revisions.number', 'revisions.kind', 'revisions.actor', 'revisions.created_at', 'revisions.note', 'revisions.version', 'users.name as actor_name'] as const;
  type RevisionRow = { id: string; number: number; kind: string; actor: string | null; created_at: string; note: string | null; version: number | null; actor_name: string | null };
  const summaryOf = (r: RevisionRow): RevisionSummary => ({
    id: r.id, number: r.number, kind: r.kind as RevisionKind, actor: r.actor, actorName: r.actor_name, createdAt: fromIso(r.created_at), note: r.note, version: r.version,
  });
  const revisions = () => db.selectFrom('revisions').leftJoin('users', 'users.id', 'revisions.actor');

  async function listRevisions(articleId: string): Promise<RevisionSummary[]> {
    const rows = await revisions().select(revisionColumns).where('revisions.article_id', '=', articleId).orderBy('revisions.number', 'desc').execute();
    return rows.map(summaryOf);
  }

  async function findRevision(articleId: string, number: number): Promise<Revision | null> {
    const row = await revisions().select([...revisionColumns, 'revisions.snapshot']).where('revisions.article_id', '=', articleId).where('revisions.number', '=', number).executeTakeFirst();
    return row ? { ...summaryOf(row), fields: parseSnapshot(row.snapshot) } : null;
  }

  async function listPublicRevisions(articleId: string): Promise<Revision[]> {
    const rows = await revisions().select([...revisionColumns, 'revisions.snapshot'])
      .where('revisions.article_id', '=', articleId).where('revisions.kind', 'in', [...PUBLIC_REVISION_KINDS, 'created'])
      .orderBy('revisions.number', 'asc').execute();
    // A first revision ('created') is public only when the story was created published (imports, wire copy).
    return rows.filter((r) => r.kind !== 'created' || (JSON.parse(r.snapshot) as { status?: string }).status === 'published').map((r) => ({ ...summaryOf(r), fields: parseSnapshot(r.snapshot) }));
  }

  async function listCorrections(articleId: string): Promise<Correction[]> {
    const rows = await db.selectFrom('corrections').select(['id', 'note', 'created_at']).where('article_id', '=', articleId).orderBy('created_at', 'asc').execute();
    return rows.map((r) => ({ id: r.id, note: r.note, createdAt: fromIso(r.created_at) }));
  }

  async function listDueScheduled(now: Date, limit: number) {
    return db.selectFrom('articles').select(['id', 'version']).where('status', '=', 'scheduled')
      .where('scheduled_at', '<=', toIso(now)).orderBy('scheduled_at', 'asc').limit(limit).execute();
  }

  async function findIdBySlug(slug: string): Promise<string | null> {
    return (await db.selectFrom('articles').select('id').where('slug', '=', slug).executeTakeFirst())?.id ?? null;
  }

  return {
    findState, findIdBySlug, applyChange, addRevision, listRevisions, findRevision, listPublicRevisions, listCorrections, listDueScheduled,
    list: (query: NewsroomListQuery) => listWorkflowArticles(db, query),
    ...createArticleTranslationGroups(db, onCommit),
  };
}
