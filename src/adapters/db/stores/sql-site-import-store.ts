/** @module The site import's bookkeeping over Kysely (migration 0011): export items behind stories, old addresses and their lookup. */
import type { Kysely } from 'kysely';
import type { ImportedItem, OldUrlLookup, OldUrlTarget, SiteImportStore } from '../../../core/site-import/site-import-store.js';
import type { OldUrlTargetKind } from '../../../core/site-import/site-post.js';
import type { Database } from '../database.js';
import { leadImageToRow } from '../article-repository/article-rows.js';
import { isSitePageKind } from '../../../core/site-pages/site-page.js';
import { chunks } from './chunks.js';

/** Rows per INSERT: well under either engine's limit of bound parameters. */
const ROWS_PER_INSERT = 200;

/** The store writes on `db`: give it a transaction to have a batch's items and addresses commit with its stories. */
export function createSqlSiteImportStore(db: Kysely<Database>): SiteImportStore {
  return {
    async findItems(sourceKeys) {
      const found = new Map<string, ImportedItem>();
      for (const keys of chunks(sourceKeys, ROWS_PER_INSERT)) {
        if (keys.length === 0) continue;
        const rows = await db.selectFrom('site_import_items').select(['source_key', 'article_id', 'digest']).where('source_key', 'in', keys).execute();
        for (const row of rows) found.set(row.source_key, { articleId: row.article_id, digest: row.digest });
      }
      return found;
    },
    async saveItems(items) {
      // PostgreSQL refuses an upsert that meets one key twice: an item given twice keeps its last state.
      const last = [...new Map(items.map((i) => [i.sourceKey, i])).values()];
      for (const rows of chunks(last, ROWS_PER_INSERT)) {
        await db.insertInto('site_import_items')
          .values(rows.map((i) => ({ source_key: i.sourceKey, article_id: i.articleId, digest: i.digest, imported_at: i.importedAt.toISOString() })))
          .onConflict((oc) => oc.column('source_key').doUpdateSet((eb) => ({
            article_id: eb.ref('excluded.article_id'), digest: eb.ref('excluded.digest'), imported_at: eb.ref('excluded.imported_at'),
          })))
          .execute();
      }
    },
    async setLeads(leads) {
      const changed: string[] = [];
      for (const { articleId, lead, leadMediaId } of leads) {
        const columns = leadImageToRow(lead);
        // Only where it differs: a re-run of an unchanged file writes nothing and announces nothing.
        const result = await db.updateTable('articles').set({ ...columns, lead_media_id: leadMediaId }).where('id', '=', articleId)
          .where((eb) => eb.or([
            eb('lead_image_url', 'is distinct from', columns.lead_image_url), eb('lead_image_caption', 'is distinct from', columns.lead_image_caption),
            eb('lead_image_alt', 'is distinct from', columns.lead_image_alt), eb('lead_media_id', 'is distinct from', leadMediaId),
          ])).executeTakeFirst();
        if (Number(result.numUpdatedRows) > 0) changed.push(articleId);
      }
      return changed;
    },
    async addOldUrls(urls, createdAt) {
      // One path given twice in a batch (a permalink that is also another post's) keeps its first target, as a stored one does.
      const first = new Map<string, (typeof urls)[number]>();
      for (const url of urls) if (!first.has(url.path)) first.set(url.path, url);
      const firstWins = [...first.values()];
      let added = 0;
      for (const rows of chunks(firstWins, ROWS_PER_INSERT)) {
        const result = await db.insertInto('old_urls')
          .values(rows.map((u) => ({ path: u.path, target_kind: u.kind, target_id: u.target, created_at: createdAt.toISOString() })))
          .onConflict((oc) => oc.column('path').doNothing())
          .executeTakeFirst();
        added += Number(result.numInsertedOrUpdatedRows ?? 0);
      }
      return added;
    },
  };
}

/** Reads where an old address leads now: a story by id (only while readers can reach it), a section, topic or author by slug. */
export function createSqlOldUrlLookup(db: Kysely<Database>): OldUrlLookup {
  async function targetOf(kind: OldUrlTargetKind, id: string): Promise<OldUrlTarget | null> {
    if (kind === 'article') {
      const row = await db.selectFrom('articles').select(['slug', 'edition_id', 'status']).where('id', '=', id).executeTakeFirst();
      // A draft or scheduled story is not public yet: its old address answers 404 as any unknown one does.
      return row && (row.status === 'published' || row.status === 'unpublished') ? { kind, slug: row.slug, edition: row.edition_id } : null;
    }
    if (kind === 'section') {
      const row = await db.selectFrom('sections').select(['slug', 'edition_id']).where('slug', '=', id).executeTakeFirst();
      return row ? { kind, slug: row.slug, edition: row.edition_id } : null;
    }
    if (kind === 'page') {
      // `EDITION:KIND`: the edition's static page, whatever its text is now.
      const [edition = '', page = ''] = id.split(':', 2);
      const row = await db.selectFrom('editions').select('id').where('id', '=', edition).executeTakeFirst();
      return row && isSitePageKind(page) ? { kind, slug: page, edition } : null;
    }
    const table = kind === 'topic' ? 'topics' : 'authors';
    const row = await db.selectFrom(table).select('slug').where('slug', '=', id).executeTakeFirst();
    return row ? { kind, slug: row.slug, edition: '' } : null;
  }

  return {
    async find(paths) {
      if (paths.length === 0) return null;
      const rows = await db.selectFrom('old_urls').select(['path', 'target_kind', 'target_id']).where('path', 'in', [...paths]).execute();
      for (const path of paths) {
        const row = rows.find((r) => r.path === path);
        if (!row) continue;
        const target = await targetOf(row.target_kind as OldUrlTargetKind, row.target_id);
        if (target) return target;
      }
      return null;
    },
  };
}

/** Photos an import uploaded, by the address the export named them with (site-media.ts). */
export function createSqlImportedMedia(db: Kysely<Database>) {
  return {
    async find(sourceUrl: string): Promise<string | null> {
      const row = await db.selectFrom('site_import_media').select('media_id').where('source_url', '=', sourceUrl).executeTakeFirst();
      return row?.media_id ?? null;
    },
    async save(sourceUrl: string, mediaId: string, importedAt: Date): Promise<void> {
      await db.insertInto('site_import_media').values({ source_url: sourceUrl, media_id: mediaId, imported_at: importedAt.toISOString() })
        .onConflict((oc) => oc.column('source_url').doNothing()).execute();
    },
  };
}
