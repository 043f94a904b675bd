/** @module `dateline import --from wordpress|ghost FILE [--edition CODE] [--section NAME] [--media DIR] [--fetch-media] [--batch N] [--site-url URL] [--no-topics] [--dry-run] [--json]`: another platform's export into stories, old links kept. */
import { randomBytes, randomUUID } from 'node:crypto';
import { parseArgs } from 'node:util';
import { isStorageFault } from '../adapters/db/storage-faults.js';
import { readGhostExport } from '../adapters/import/ghost-export.js';
import { siteImportTransaction } from '../adapters/import/site-import-transaction.js';
import { readWordPressExport } from '../adapters/import/wordpress-export.js';
import { guardedFetch, uploadsFolder, withLibraryMedia } from '../adapters/import/site-media.js';
import { createSqlImportedMedia } from '../adapters/db/stores/sql-site-import-store.js';
import type { SiteExportRecord } from '../core/site-import/site-post.js';
import type { SiteServices } from '../main/site-services.js';
import { createSiteImportService, DEFAULT_BATCH_SIZE, type SiteImportSummary } from '../core/site-import/site-import-service.js';
import { slugify } from '../core/shared/slug.js';
import { systemClock } from '../main/app-services.js';
import { withSite } from './command-site.js';
import { UsageError } from './usage-error.js';

export const SITE_IMPORT_USAGE = 'usage: dateline import --from wordpress|ghost FILE [--edition CODE] [--section NAME] [--media DIR] [--fetch-media] [--batch N] [--site-url URL] [--no-topics] [--dry-run] [--json]';

/** `siteUrl`: the old site's address, for Ghost 5's `__GHOST_URL__` placeholder (WordPress writes full addresses). */
const READERS = {
  wordpress: (file: string) => readWordPressExport(file),
  ghost: (file: string, siteUrl: string | undefined) => readGhostExport(file, siteUrl ? { siteUrl } : {}),
} as const;

/**
 * Photos into the media library: from the upload folder (`--media DIR`), else fetched through the SSRF guard
 * (`--fetch-media`). A dry run uploads nothing: its stories keep the old addresses.
 */
function withMedia(records: AsyncIterable<SiteExportRecord>, site: SiteServices, dir: string | undefined, fetch: boolean): AsyncIterable<SiteExportRecord> {
  if (!dir && !fetch) return records;
  const folder = dir ? uploadsFolder(dir) : null;
  const fetched = fetch ? guardedFetch() : null;
  return withLibraryMedia(records, {
    library: site.newsroom.media, known: createSqlImportedMedia(site.storage.db), now: () => systemClock.now(),
    bytes: async (url) => (await folder?.(url)) ?? (await fetched?.(url)) ?? null,
  });
}

export async function siteImportCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv, allowPositionals: true,
    options: {
      from: { type: 'string' }, edition: { type: 'string' }, section: { type: 'string', default: 'News' }, batch: { type: 'string' },
      'dry-run': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
      media: { type: 'string' }, 'fetch-media': { type: 'boolean', default: false }, 'no-topics': { type: 'boolean', default: false },
      'site-url': { type: 'string' },
    },
  });
  const from = values.from ?? '';
  if (!(from in READERS)) throw new UsageError(`--from ${JSON.stringify(from)} is not an export format (wordpress, ghost)\n${SITE_IMPORT_USAGE}`);
  if (positionals.length !== 1) throw new UsageError(`give one export file\n${SITE_IMPORT_USAGE}`);
  const batchSize = values.batch === undefined ? DEFAULT_BATCH_SIZE : Number(values.batch);
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 5000) throw new UsageError('--batch must be a whole number from 1 to 5000');
  const sectionName = (values.section ?? 'News').normalize('NFC').trim();
  if (!sectionName || sectionName.length > 60) throw new UsageError('--section must be 1 to 60 characters');
  const file = positionals[0]!;
  const siteUrl = values['site-url'];
  if (siteUrl !== undefined && !/^https?:\/\/[^/\s]+(\/\S*)?$/.test(siteUrl)) throw new UsageError(`--site-url ${JSON.stringify(siteUrl)} is not an http(s) address (e.g. https://old.example.com)`);
  if (values.media !== undefined && values['dry-run']) throw new UsageError('--media uploads photos: not with --dry-run');
  const started = performance.now();

  const summary = await withSite(async (site): Promise<SiteImportSummary> => {
    const editions = await site.storage.editions.list();
    const edition = values.edition === undefined ? editions[0] : editions.find((e) => e.id === values.edition);
    if (!edition) throw new UsageError(`--edition ${JSON.stringify(values.edition)} is not an edition of this site (editions: ${editions.map((e) => e.id).join(', ')})`);
    const service = createSiteImportService({
      transaction: siteImportTransaction(site.storage.db, site.storage.searchWriter),
      ids: { newId: () => randomUUID() }, randomBytes: (n) => randomBytes(n), clock: systemClock, events: site.events, isStorageFault,
    });
    const progress = !values.json && process.stderr.isTTY ? (n: number) => process.stderr.write(`\rimported ${n} posts…`) : undefined;
    const records = READERS[from as keyof typeof READERS](file, siteUrl);
    return service.importRecords(withMedia(records, site, values.media, values['fetch-media'] && !values['dry-run']), {
      defaultSection: { slug: slugify(sectionName, 'news'), name: sectionName }, edition: edition.id, dryRun: values['dry-run'], batchSize,
      // Stored at bulk speed; topics are suggested after, by the job (`dateline topics`, or the serving processes).
      suggestTopics: !values['no-topics'],
      ...(progress ? { onProgress: progress } : {}),
    });
  });
  const seconds = (performance.now() - started) / 1000;
  if (values.json) {
    console.log(JSON.stringify({ ...summary, errors: summary.errors.map((e) => ({ file, ...e })) }));
  } else {
    if (process.stderr.isTTY) process.stderr.write('\n');
    for (const e of summary.errors) console.error(`${file}:${e.line}: ${e.id ? `post ${e.id}: ` : ''}${e.message}`);
    const skipped = Object.entries(summary.skipped).filter(([, n]) => n > 0).map(([what, n]) => `${n} ${what}`).join(', ');
    console.log(`${summary.dryRun ? 'Would import' : 'Imported'} ${summary.imported} ${summary.imported === 1 ? 'story' : 'stories'}, updated ${summary.updated}, ${summary.duplicates} unchanged, ${summary.failed} failed, ${summary.redirects} old addresses redirect${summary.pages ? `, ${summary.pages} static ${summary.pages === 1 ? 'page' : 'pages'} written` : ''}${summary.topicsQueued ? `, ${summary.topicsQueued} queued for topic suggestions` : ''}${skipped ? `; left out: ${skipped}` : ''}; in ${seconds.toFixed(2)} s.`);
  }
  return summary.failed > 0 ? 1 : 0;
}
