/** Import throughput through the real path: a text capture of corpus stories, parsed, topic-suggested and stored. */
import { parseTextCapture } from '../src/adapters/wire/text-capture-parser.js';
import { createImporter } from '../src/main/app-services.js';
import { openStorage } from '../src/main/storage.js';
import type { RealArticle } from './corpus.js';

/** Writes stories in the capture format of demo/news-stream-2025-01-17.txt. */
export function toCapture(stories: RealArticle[]): string {
  return stories.map((s, i) => [
    s.headline, '', s.headline, `Updated ${i % 50} min ${i % 60} sec ago`, 'Follow', '', s.headline, '', s.headline,
    ...s.paragraphs.slice(0, 1).map((p) => `  • ${p.slice(0, 160)}`), '',
    `LONDON: ${s.paragraphs[0]}`, ...s.paragraphs.slice(1), '', '',
  ].join('\n')).join('\n');
}

export async function measureImport(real: RealArticle[], count: number): Promise<{ parsePerSecond: number; importPerSecond: number }> {
  const stories = real.filter((s) => s.paragraphs.length > 1).slice(0, count).map((s, i) => ({ ...s, headline: `${s.headline} ${i}` }));
  const text = toCapture(stories);
  let started = performance.now();
  const parsed = parseTextCapture(text);
  const parseSeconds = (performance.now() - started) / 1000;
  const storage = await openStorage('sqlite::memory:');
  try {
    const importer = await createImporter(storage, 'UTC');
    started = performance.now();
    const summary = await importer.importParsed(parsed, { capturedAt: new Date(), sectionName: 'World' });
    const importSeconds = (performance.now() - started) / 1000;
    if (summary.imported !== stories.length) throw new Error(`imported ${summary.imported} of ${stories.length}: ${JSON.stringify(summary.errors.slice(0, 3))}`);
    return { parsePerSecond: parsed.stories.length / parseSeconds, importPerSecond: summary.imported / importSeconds };
  } finally {
    await storage.close();
  }
}
