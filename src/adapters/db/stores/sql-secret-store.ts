/**
 * @module Site secrets made once and shared by every process (the reader-link key, the VAPID pair), kept in the main
 * database's `site_settings` under `secret.*` keys, which the settings store never loads or shows.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../database.js';
import { toIso } from '../article-repository/article-rows.js';

export interface SecretStore {
  /**
   * The secret named `name`, made by `make` and stored the first time it is asked for. Race-safe: when two processes
   * start at once, the first insert wins and both return its value.
   */
  getOrCreate(name: string, make: () => string, at: Date): Promise<string>;
}

const keyOf = (name: string) => `secret.${name}`;

export function createSqlSecretStore(db: Kysely<Database>): SecretStore {
  const read = async (key: string) =>
    (await db.selectFrom('site_settings').select('value').where('key', '=', key).executeTakeFirst())?.value ?? null;
  return {
    async getOrCreate(name, make, at) {
      const key = keyOf(name);
      const existing = await read(key);
      if (existing !== null) return existing;
      await db.insertInto('site_settings').values({ key, value: make(), updated_at: toIso(at) })
        .onConflict((oc) => oc.column('key').doNothing()).execute();
      const stored = await read(key);
      if (stored === null) throw new Error(`secret ${name} could not be stored`);
      return stored;
    },
  };
}
