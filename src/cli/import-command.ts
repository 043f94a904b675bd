/** @module `dateline import FILE… [--captured-at ISO] [--section NAME] [--edition CODE] [--json]`: text captures into published stories of one edition; `--from wordpress|ghost` hands over to site-import-command.ts. */
import { readFileSync, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { ImportSummary } from '../core/imports/import-service.js';
import { parseTextCapture } from '../adapters/wire/text-capture-parser.js';
import { withSite } from './command-site.js';
import { isStorageFault } from '../adapters/db/storage-faults.js';
import { UsageError } from './usage-error.js';
import { siteImportCommand, SITE_IMPORT_USAGE } from './site-import-command.js';

export const IMPORT_USAGE = `usage: dateline import FILE… [--captured-at ISO-8601] [--section NAME] [--edition CODE] [--json]\n   or: ${SITE_IMPORT_USAGE.replace('usage: ', '')}`;

interface FileError { file: string; line: number; message: string }

export async function importCommand(argv: string[]): Promise<number> {
  // Another platform's whole export (WordPress, Ghost): its own command, old links included.
  if (argv.some((arg) => arg === '--from' || arg.startsWith('--from='))) return siteImportCommand(argv);
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: { 'captured-at': { type: 'string' }, section: { type: 'string', default: 'World' }, edition: { type: 'string' }, json: { type: 'boolean', default: false } },
  });
  if (positionals.length === 0) throw new UsageError(`no file given\n${IMPORT_USAGE}`);
  const capturedAtOption = values['captured-at'];
  if (capturedAtOption !== undefined && Number.isNaN(Date.parse(capturedAtOption))) {
    throw new UsageError(`--captured-at ${JSON.stringify(capturedAtOption)} is not an ISO-8601 time (e.g. 2025-01-17T15:00:00Z)`);
  }
  const section = (values.section ?? 'World').normalize('NFC').trim();
  if (!section || section.length > 60) throw new UsageError('--section must be 1 to 60 characters');

  const total = { imported: 0, duplicates: 0, failed: 0, errors: [] as FileError[] };
  const started = performance.now();
  // Each stored story is announced as a publish is (with REDIS_URL, to every serving process): cached pages drop it.
  await withSite(async (site) => {
    const editions = await site.storage.editions.list();
    const edition = values.edition === undefined ? editions[0] : editions.find((e) => e.id === values.edition);
    if (!edition) throw new UsageError(`--edition ${JSON.stringify(values.edition)} is not an edition of this site (editions: ${editions.map((e) => e.id).join(', ')})`);
    // Stories are dated in their edition's zone ("Updated 17 January 2025" means midnight there).
    const importer = await site.importer(edition.timeZone);
    const bar = !values.json && process.stderr.isTTY
      ? new cliProgress.SingleBar({ format: 'importing {file} [{bar}] {value}/{total} stories', stream: process.stderr }, cliProgress.Presets.shades_classic)
      : null;
    for (const file of positionals) {
      let summary: ImportSummary;
      try {
        const text = readFileSync(file, 'utf8');
        const capturedAt = capturedAtOption ? new Date(capturedAtOption) : statSync(file).mtime;
        const parsed = parseTextCapture(text);
        bar?.start(parsed.stories.length, 0, { file });
        summary = await importer.importParsed(parsed, { capturedAt, sectionName: section, edition: edition.id, onProgress: (done) => bar?.update(done, { file }) });
        bar?.stop();
      } catch (error) {
        bar?.stop();
        // A full disk or an unreachable database is the server's condition, not this file's: stop here (main.ts says why).
        if (isStorageFault(error)) throw error;
        summary = { imported: 0, duplicates: 0, failed: 1, slugs: [], errors: [{ line: 0, message: `cannot read file: ${(error as Error).message}` }] };
      }
      total.imported += summary.imported;
      total.duplicates += summary.duplicates;
      total.failed += summary.failed;
      total.errors.push(...summary.errors.map((e) => ({ file, ...e })));
    }
  });
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    console.log(JSON.stringify(total));
  } else {
    for (const e of total.errors) console.error(`${e.file}:${e.line}: ${e.message}`);
    console.log(`Imported ${total.imported} ${total.imported === 1 ? 'story' : 'stories'}, ${total.duplicates} already present, ${total.failed} failed, in ${seconds.toFixed(2)} s.`);
  }
  return total.failed > 0 ? 1 : 0;
}
