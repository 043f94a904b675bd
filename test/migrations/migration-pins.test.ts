/**
 * @module Migrations are append-only: every landed migration file is pinned here by the SHA-256 of its text.
 * Kysely's migrator runs a migration name once, so an edit after it landed never reaches an existing database;
 * a change goes into a new migration. A new file is pinned in the change that adds it.
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const MIGRATIONS = new URL('../../src/adapters/db/migrations/', import.meta.url);

/** `sha256sum` of each file as committed (LF line endings). */
const PINNED: Record<string, string> = {
  '0001-core-schema.ts': 'daf8a1adfe4df66b5919b9ef2a04a18bfc4e0149567a4dc9323ce04481cb0435',
  '0002-article-search.ts': 'a25741bdfbe58041c0ff4a483e1e6e4d37222acd086ea695bf4368819237a6c5',
  '0003-newsroom.ts': 'df7be5abdcdf3d21eac581051b0f4c879f8fc35fb1541c3dc59b052359ffa0e8',
  '0004-wire-desk.ts': 'b3e4d08249335b9a6af25ae97201a64c105d92122091ab620de22cb0eb8f35ca',
  '0005-editions.ts': '128fc64c6aa306128973b256467415df7da181844c5d52d24d917df09cce50c9',
  '0006-search-languages.ts': '6355e80a662849604f8eb826e422da1bdc296cc73bf18e126a4be400256a7f42',
  '0007-most-read.ts': '4fa544debe20e5808563ab9379f172a01baabe472a7d22285f804d1046c19433',
  '0008-topic-acceptance.ts': '2858aa191fd2560e6f910e629a9a401aaaa1ee2b804d2df3c32e8db3e62ab2c4',
  '0009-profiles-and-pages.ts': 'd8a3d4b0dda9e5b46c6bbe8d3ad17b29c7a091cd69a3d4c1cc0c9782db7853b5',
  '0010-reader-accounts.ts': '377142e74c7443ad1bbd82fe25e5b45616ceefc6e78dae7c3e31bba07c739829',
  '0011-old-urls.ts': 'e07b1444b66444af4b85ee9877b9401b37c2c0816b6c26bb4defad11da957a52',
  '0012-topic-suggestion-queue.ts': '754016554abe6bc909c4b5093e422da4921afc227a1671e7241b8dcae34744ab',
};

/** A checkout with CRLF line endings (git on Windows) holds the same migration: hash it as committed. */
function sha256Of(file: string): string {
  const text = readFileSync(new URL(file, MIGRATIONS), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

const files = readdirSync(MIGRATIONS).filter((name) => !name.startsWith('.')).sort();

describe('landed migrations are never edited', () => {
  it.each(Object.keys(PINNED))('%s is still there', (file) => {
    expect(files, `migration ${file} was removed after it landed: databases have run it; restore it`).toContain(file);
  });

  it.each(files.filter((file) => file in PINNED))('%s is unchanged', (file) => {
    expect(sha256Of(file), `migration ${file} changed after it landed: add a new migration instead`).toBe(PINNED[file]);
  });

  it('pins every migration file', () => {
    const unpinned = files.filter((file) => !(file in PINNED));
    const lines = unpinned.map((file) => `  '${file}': '${sha256Of(file)}',`).join('\n');
    expect(unpinned, `new migration(s) not pinned: add to PINNED in test/migrations/migration-pins.test.ts\n${lines}`).toEqual([]);
  });
});
