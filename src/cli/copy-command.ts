/** @module `dateline copy --from URL --to URL`: copies a whole Dateline database into an empty one (e.g. SQLite to PostgreSQL). */
import { parseArgs } from 'node:util';
import { copyDatabase, TargetNotEmptyError } from '../adapters/db/copy-database.js';
import { isPostgresUrl, isSqliteUrl, redactDatabaseUrl } from '../adapters/db/database-url.js';
import { openStorage } from '../main/storage.js';
import { UsageError } from './usage-error.js';

export const COPY_USAGE = 'usage: dateline copy --from DATABASE_URL --to DATABASE_URL [--json]';

function databaseUrlOption(name: string, value: string | undefined): string {
  if (!value) throw new UsageError(`--${name} is required\n${COPY_USAGE}`);
  if (!isSqliteUrl(value) && !isPostgresUrl(value)) throw new UsageError(`--${name} must be sqlite:PATH or postgres://…\n${COPY_USAGE}`);
  return value;
}

/**
 * Both databases are first brought to the latest schema, so a copy is always between equal schemas.
 * Stop the site while copying: writes to the source during the copy may or may not be carried over.
 * It announces nothing: it writes only into an empty database, which no site serves (a serving site has at least
 * its first admin), and the source is only read.
 */
export async function copyCommand(argv: string[]): Promise<number> {
  const { values } = parseArgs({
    args: argv,
    options: { from: { type: 'string' }, to: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  const from = databaseUrlOption('from', values.from);
  const to = databaseUrlOption('to', values.to);
  if (from === to) throw new UsageError(`--from and --to name the same database\n${COPY_USAGE}`);
  const source = await openStorage(from, { poolMax: 2 });
  try {
    const target = await openStorage(to, { poolMax: 2 });
    try {
      const report = await copyDatabase(source, target, target.searchWriter);
      if (values.json) {
        console.log(JSON.stringify(report));
      } else {
        for (const { table, rows } of report.tables) console.log(`${table.padEnd(25)} ${rows}`);
        console.log(`Copied ${redactDatabaseUrl(from)} to ${redactDatabaseUrl(to)}; ${report.indexed} published stories indexed for search.`);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof TargetNotEmptyError)) throw error;
      console.error(`dateline: ${error.message}; copy only into a new, empty database (nothing was written)`);
      return 1;
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}
