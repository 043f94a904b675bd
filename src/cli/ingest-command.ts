/** @module `dateline ingest PATH… [--json]`: wire files and folders (ninjs, NewsML-G2, RSS/Atom, text captures) into the wire queue. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import type { WireDocument } from '../core/wire/wire-document-ingest.js';
import { withSite } from './command-site.js';
import { UsageError } from './usage-error.js';

export const INGEST_USAGE = 'usage: dateline ingest PATH… [--json]   (files, or folders read recursively)';

/** Files a folder contributes; a file named on the command line is always read. */
const WIRE_EXTENSIONS = new Set(['.json', '.xml', '.nitf', '.rss', '.atom', '.rdf', '.txt']);
/** Files read before each store step: bounds memory on a large archive. */
const FILES_PER_STEP = 500;

interface Summary {
  ingested: number;
  updated: number;
  /** Identical resends. */
  duplicates: number;
  /** Older versions that arrived after a newer one: kept in the item's history only, never in the queue. */
  stale: number;
  failed: number;
  /** `retry`: not the file's fault (the server ran out of time reading it): run the command on it again. */
  errors: { file: string; message: string; retry?: true }[];
}

/** Every file under the paths, in a stable order; unreadable paths become errors. */
export function wireFilesUnder(paths: string[], errors: Summary['errors']): string[] {
  const files: string[] = [];
  const walk = (path: string, named: boolean) => {
    let isDirectory: boolean;
    try {
      isDirectory = statSync(path).isDirectory();
    } catch (error) {
      errors.push({ file: path, message: `cannot read: ${(error as Error).message}` });
      return;
    }
    if (isDirectory) {
      for (const entry of readdirSync(path).sort()) if (!entry.startsWith('.')) walk(join(path, entry), false);
    } else if (named || WIRE_EXTENSIONS.has(extname(path).toLowerCase())) {
      files.push(path);
    }
  };
  for (const path of paths) walk(path, true);
  return files;
}

export async function ingestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { json: { type: 'boolean', default: false } } });
  if (positionals.length === 0) throw new UsageError(`no path given\n${INGEST_USAGE}`);
  const summary: Summary = { ingested: 0, updated: 0, duplicates: 0, stale: 0, failed: 0, errors: [] };
  const files = wireFilesUnder(positionals, summary.errors);
  summary.failed += summary.errors.length;
  const bar = !values.json && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'ingesting [{bar}] {value}/{total} files', stream: process.stderr }, cliProgress.Presets.shades_classic)
    : null;
  const started = performance.now();
  // The wire desk the server builds: ingest fills the queue (no cached page shows it, so nothing is announced, as
  // for the push endpoint); whatever the desk announces goes out on the site's bus.
  await withSite(async ({ wire }) => {
    bar?.start(files.length, 0);
    try {
      for (let start = 0; start < files.length; start += FILES_PER_STEP) {
        const documents: WireDocument[] = [];
        for (const file of files.slice(start, start + FILES_PER_STEP)) {
          try {
            documents.push({ origin: file, bytes: readFileSync(file) });
          } catch (error) {
            summary.failed++;
            summary.errors.push({ file, message: `cannot read: ${(error as Error).message}` });
          }
        }
        const report = await wire.ingestDocuments(documents);
        summary.ingested += report.ingested;
        summary.updated += report.updated;
        summary.duplicates += report.duplicates;
        summary.stale += report.stale;
        summary.failed += report.failed;
        summary.errors.push(...report.errors.map((e) => ({
          file: e.origin, message: e.message.startsWith(`${e.origin}: `) ? e.message.slice(e.origin.length + 2) : e.message, ...(e.busy ? { retry: true as const } : {}),
        })));
        bar?.update(Math.min(start + FILES_PER_STEP, files.length));
      }
    } finally {
      bar?.stop();
    }
  });
  if (values.json) {
    console.log(JSON.stringify(summary));
  } else {
    for (const e of summary.errors) console.error(`${e.file}: ${e.retry ? 'not read, try again: ' : ''}${e.message}`);
    const seconds = (performance.now() - started) / 1000;
    const retry = summary.errors.filter((e) => e.retry).length;
    console.log(`Ingested ${summary.ingested} new, ${summary.updated} updated, ${summary.duplicates} already present, ${summary.stale} older versions kept in history, ${summary.failed} failed${retry ? ` (${retry} only because the server was busy: run again on them)` : ''}, from ${files.length} files in ${seconds.toFixed(2)} s.`);
  }
  return summary.failed > 0 ? 1 : 0;
}
