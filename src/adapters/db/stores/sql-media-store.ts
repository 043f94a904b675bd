/** @module MediaStore over Kysely: the media library's rows (variants as a zod-checked JSON column). */
import { sql, type Kysely, type Selectable } from 'kysely';
import { z } from 'zod';
import type { MediaStore } from '../../../core/media/media-library.js';
import type { Photo, PhotoFormat } from '../../../core/media/photo.js';
import type { Database, MediaTable } from '../database.js';
import { fromIso, toIso } from '../article-repository/article-rows.js';

const format = z.enum(['jpeg', 'png', 'webp', 'avif']);
const variantsSchema = z.array(z.object({ width: z.number(), height: z.number(), format, key: z.string(), bytes: z.number() }));

function photoFromRow(row: Selectable<MediaTable>): Photo {
  return {
    id: row.id, originalFormat: row.original_format as PhotoFormat, width: row.width, height: row.height, bytes: row.bytes,
    variants: variantsSchema.parse(JSON.parse(row.variants)), caption: row.caption, credit: row.credit ?? '', alt: row.alt,
    uploadedBy: row.uploaded_by, createdAt: fromIso(row.created_at),
  };
}

export function createSqlMediaStore(db: Kysely<Database>): MediaStore {
  return {
    async insert(photo) {
      await db.insertInto('media').values({
        id: photo.id, original_format: photo.originalFormat, width: photo.width, height: photo.height, bytes: photo.bytes,
        variants: JSON.stringify(photo.variants), caption: photo.caption, credit: photo.credit || null, alt: photo.alt,
        uploaded_by: photo.uploadedBy, created_at: toIso(photo.createdAt),
      }).execute();
    },
    async find(id) {
      const row = await db.selectFrom('media').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? photoFromRow(row) : null;
    },
    async findMany(ids) {
      if (ids.length === 0) return new Map();
      const rows = await db.selectFrom('media').selectAll().where('id', 'in', ids).execute();
      return new Map(rows.map((r) => [r.id, photoFromRow(r)]));
    },
    async search({ text, limit, before }) {
      let q = db.selectFrom('media').selectAll();
      const words = (text ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
      for (const word of words) {
        const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
        q = q.where((eb) => eb.or([
          eb(sql<string>`lower(caption)`, 'like', sql<string>`${pattern} escape '\\'`),
          eb(sql<string>`lower(coalesce(credit, ''))`, 'like', sql<string>`${pattern} escape '\\'`),
          eb(sql<string>`lower(alt)`, 'like', sql<string>`${pattern} escape '\\'`),
        ]));
      }
      if (before) {
        const at = toIso(before.createdAt);
        q = q.where('created_at', '<=', at).where((eb) => eb.or([eb('created_at', '<', at), eb('id', '<', before.id)]));
      }
      return (await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute()).map(photoFromRow);
    },
  };
}
