/** @module SitePageStore over Kysely: one row per edition and page kind, the body as the article body's JSON blocks. */
import type { Kysely, Selectable } from 'kysely';
import type { BodyBlock } from '../../../core/articles/article.js';
import { isSitePageKind, type SitePage } from '../../../core/site-pages/site-page.js';
import type { SitePageStore } from '../../../core/site-pages/site-page-store.js';
import type { Database, SitePagesTable } from '../database.js';

function pageOf(row: Selectable<SitePagesTable>): SitePage | null {
  if (!isSitePageKind(row.kind)) return null;
  let body: BodyBlock[] = [];
  try {
    const parsed: unknown = JSON.parse(row.body);
    if (Array.isArray(parsed)) body = parsed as BodyBlock[];
  } catch {
    // A body that does not parse shows as an empty page rather than an error page.
  }
  return { edition: row.edition_id, kind: row.kind, title: row.title, body, updatedAt: new Date(row.updated_at), updatedBy: row.updated_by };
}

export function createSqlSitePageStore(db: Kysely<Database>): SitePageStore {
  return {
    async find(edition, kind) {
      const row = await db.selectFrom('site_pages').selectAll().where('edition_id', '=', edition).where('kind', '=', kind).executeTakeFirst();
      return row ? pageOf(row) : null;
    },
    async list(edition) {
      const rows = await db.selectFrom('site_pages').selectAll().where('edition_id', '=', edition).orderBy('kind').execute();
      return rows.map(pageOf).filter((p): p is SitePage => p !== null);
    },
    async save(page) {
      const row = { title: page.title, body: JSON.stringify(page.body), updated_at: page.updatedAt.toISOString(), updated_by: page.updatedBy };
      await db.insertInto('site_pages').values({ edition_id: page.edition, kind: page.kind, ...row })
        .onConflict((oc) => oc.columns(['edition_id', 'kind']).doUpdateSet(row)).execute();
    },
  };
}
