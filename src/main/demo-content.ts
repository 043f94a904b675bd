/** @module Seeds an empty database with the demo capture shipped in demo/, so a fresh install shows a real site. */
import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ImportSummary } from '../core/imports/import-service.js';
import { parseTextCapture } from '../adapters/wire/text-capture-parser.js';
import { createImporter } from './app-services.js';
import type { Storage } from './storage.js';
import { seedArabicEdition } from './demo-arabic.js';

export const DEMO_CAPTURE = join(dirname(fileURLToPath(import.meta.url)), '../../demo/news-stream-2025-01-17.txt');

/**
 * Imports the demo capture when no story is published yet. Relative times in it ("2 sec ago") are
 * read against the time of seeding, so the demo looks live on a fresh machine.
 */
export async function seedDemoContent(storage: Storage, timeZone: string, now: Date): Promise<(ImportSummary & { arabic: number; pairs: number }) | null> {
  if ((await storage.articles.listPublished({ limit: 1 })).items.length > 0) return null;
  statSync(DEMO_CAPTURE);
  const importer = await createImporter(storage, timeZone);
  const english = await importer.importParsed(parseTextCapture(readFileSync(DEMO_CAPTURE, 'utf8')), { capturedAt: now, sectionName: 'World' });
  // The Arabic edition starts just before the capture's newest story, so the English stream stays led by the capture.
  const arabic = await seedArabicEdition(storage, new Date(now.getTime() - 60_000));
  return { ...english, arabic: arabic?.arabic ?? 0, pairs: arabic?.pairs ?? 0 };
}

/** A new site's first edition takes its locale and zone from LOCALE and TIME_ZONE; later, admins edit it in the newsroom. */
export async function alignFirstEdition(storage: Storage, settings: { locale: string; timeZone: string }): Promise<void> {
  if ((await storage.articles.countPublished()) > 0) return;
  const [first] = await storage.editions.list();
  if (!first || (first.locale === settings.locale && first.timeZone === settings.timeZone)) return;
  await storage.editions.update(first.id, { ...first, locale: settings.locale, timeZone: settings.timeZone });
}
