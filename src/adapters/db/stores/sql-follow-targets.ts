/** @module FollowTargets over Kysely: topics, sections and authors of the main database by slug or id, in batches. */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import type { FollowKind } from '../../../core/readers/reader.js';
import type { FollowTarget, FollowTargets } from '../../../core/readers/reader-store.js';

const TABLE = { topic: 'topics', section: 'sections', author: 'authors' } as const;
/** Values per IN list: far below both engines' bound-parameter limits. */
const CHUNK = 500;

export function createSqlFollowTargets(db: Kysely<Database>): FollowTargets {
  async function lookUp(kind: FollowKind, column: 'slug' | 'id', values: readonly string[]): Promise<FollowTarget[]> {
    const out: FollowTarget[] = [];
    for (let i = 0; i < values.length; i += CHUNK) {
      const chunk = values.slice(i, i + CHUNK);
      if (kind === 'section') {
        const rows = await db.selectFrom('sections').select(['id', 'slug', 'name', 'edition_id']).where(column, 'in', chunk).execute();
        out.push(...rows.map((r) => ({ id: r.id, slug: r.slug, name: r.name, edition: r.edition_id })));
      } else {
        out.push(...await db.selectFrom(TABLE[kind]).select(['id', 'slug', 'name']).where(column, 'in', chunk).execute());
      }
    }
    return out;
  }
  return {
    bySlugs: (kind, slugs) => (slugs.length ? lookUp(kind, 'slug', slugs) : Promise.resolve([])),
    byIds: (kind, ids) => (ids.length ? lookUp(kind, 'id', ids) : Promise.resolve([])),
  };
}
