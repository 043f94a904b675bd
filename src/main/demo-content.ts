/** @module Seeds an empty database with the demo capture shipped in demo/, so a fresh install shows a real site. */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportSummary } from '../core/imports/import-service.js';
import { parseTextCapture } from '../adapters/wire/text-capture-parser.js';
import { createImporter } from './app-services.js';
import type { Storage } from './storage.js';

export const DEMO_CAPTURE = join(dirname(fileURLToPath(import.meta.url)), '../../demo/news-stream-2025-01-17.txt');

/**
 * Imports the demo capture when no story is published yet. Relative times in it ("2 sec ago") are
 * read against the time of seeding, so the demo looks live on a fresh machine.
 */
export async function seedDemoContent(storage: Storage, timeZone: string, now: Date): Promise<ImportSummary | null> {
  if ((await storage.articles.listPublished({ limit: 1 })).items.length > 0) return null;
  statSync(DEMO_CAPTURE);
  const importer = await createImporter(storage, timeZone);
  return importer.importParsed(parseTextCapture(readFileSync(DEMO_CAPTURE, 'utf8')), { capturedAt: now, sectionName: 'World' });
}
