/** @module EditionStore over Kysely: the editions table. The edition at position 0 is served at /, the others under /{id}. */
import type { Kysely } from 'kysely';
import { pathPrefixOf, type Edition, type NumberingSystem, type TextDirection } from '../../../core/editions/edition.js';
import type { EditionStore } from '../../../core/editions/edition-store.js';
import type { Database, EditionsTable } from '../database.js';

export function editionFromRow(row: Omit<EditionsTable, 'numbering_system'> & { numbering_system: string }): Edition {
  return {
    id: row.id, language: row.language, direction: row.direction as TextDirection, name: row.name, locale: row.locale,
    numberingSystem: row.numbering_system as NumberingSystem, timeZone: row.time_zone, position: row.position,
    pathPrefix: pathPrefixOf(row.id, row.position),
  };
}

export function createSqlEditionStore(db: Kysely<Database>): EditionStore {
  return {
    async list() {
      const rows = await db.selectFrom('editions').selectAll().orderBy('position').execute();
      return rows.map(editionFromRow);
    },
    async add(input) {
      const last = await db.selectFrom('editions').select((eb) => eb.fn.max('position').as('p')).executeTakeFirst();
      const result = await db.insertInto('editions').values({
        id: input.id, language: input.language, direction: input.direction, name: input.name, locale: input.locale,
        numbering_system: input.numberingSystem, time_zone: input.timeZone, position: last?.p === null || last?.p === undefined ? 0 : Number(last.p) + 1,
      }).onConflict((oc) => oc.column('id').doNothing()).executeTakeFirst();
      return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
    },
    async update(id, input) {
      const result = await db.updateTable('editions').set({
        language: input.language, direction: input.direction, name: input.name, locale: input.locale,
        numbering_system: input.numberingSystem, time_zone: input.timeZone,
      }).where('id', '=', id).executeTakeFirst();
      return Number(result.numUpdatedRows) > 0;
    },
  };
}
