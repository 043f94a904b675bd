/** @module SettingsStore over Kysely: one row per changed setting (upsert). */
import type { Kysely } from 'kysely';
import { EDITABLE_SETTINGS, type EditableSetting, type SettingsStore } from '../../../core/settings/site-settings.js';
import type { Database } from '../database.js';
import { toIso } from '../article-repository/article-rows.js';

export function createSqlSettingsStore(db: Kysely<Database>): SettingsStore {
  return {
    async load() {
      const rows = await db.selectFrom('site_settings').select(['key', 'value']).execute();
      return Object.fromEntries(rows.filter((r) => (EDITABLE_SETTINGS as readonly string[]).includes(r.key)).map((r) => [r.key as EditableSetting, r.value]));
    },
    async save(values, at) {
      await db.transaction().execute(async (trx) => {
        for (const key of EDITABLE_SETTINGS) {
          await trx.insertInto('site_settings').values({ key, value: values[key], updated_at: toIso(at) })
            .onConflict((oc) => oc.column('key').doUpdateSet({ value: values[key], updated_at: toIso(at) })).execute();
        }
      });
    },
  };
}
