/**
 * Recall@10 of labelled Arabic queries over 70 Arabic Wikinews stories (demo/arabic), through
 * the production SearchIndex on every engine: each query names the one story a reader was looking for.
 * Printed per half (dev, held-out), beside the same queries searched without Arabic folding and
 * stemming (the stories put in an edition whose language the engine stems itself, as before 0006).
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import type { SearchScope } from '../../src/core/search/search-index.js';
import { parseSearchQuery } from '../../src/core/search/search-query.js';
import type { Storage } from '../../src/main/storage.js';
import { describeStorageContract } from '../contracts/storage-contract.js';
import { makeArticle } from '../support/make-article.js';

interface Story { id: string; headline: string; body: string }
interface LabelledQuery { query: string; expectedId: string; kind: string; half: 'dev' | 'held-out' }

const fixtures = new URL('../fixtures/arabic/', import.meta.url);
// The stories are the demo's own Arabic Wikinews file (demo/arabic, CC BY 2.5); the labelled queries live here.
const stories: Story[] = readFileSync(new URL('../../demo/arabic/wikinews-ar.ndjson', import.meta.url), 'utf8').trim().split('\n').map((line) => JSON.parse(line) as Story);
const queries = (JSON.parse(readFileSync(new URL('search-queries.json', fixtures), 'utf8')) as { queries: LabelledQuery[] }).queries;
const RECALL_AT = 10;
const REQUIRED_RECALL = 0.9;

const ARABIC: SearchScope = { editionId: 'ar', language: 'ar' };
/** The same stories in an edition searched as English is: no folding or stemming of Arabic. */
const UNFOLDED: SearchScope = { editionId: 'ar-unfolded', language: 'en' };

async function addEdition(storage: Storage, id: string, language: string, position: number): Promise<void> {
  await storage.db.insertInto('editions').values({ id, language, direction: 'rtl', name: id, locale: 'ar-SA', time_zone: 'Asia/Riyadh', position })
    .onConflict((oc) => oc.column('id').doNothing()).execute();
}

async function indexStories(storage: Storage, edition: string): Promise<Map<string, string>> {
  const articles = stories.map((story) => ({
    story,
    article: makeArticle({
      edition, headline: story.headline, highlights: [], topics: [],
      body: story.body.split('\n').map((text) => ({ type: 'paragraph' as const, text })),
    }),
  }));
  await storage.articles.insertMany(articles.map((a) => a.article));
  return new Map(articles.map(({ story, article }) => [article.id, story.id]));
}

/** The queries whose story is not among the first RECALL_AT hits. */
async function misses(storage: Storage, scope: SearchScope, storyOf: Map<string, string>): Promise<LabelledQuery[]> {
  const missed: LabelledQuery[] = [];
  for (const labelled of queries) {
    const parsed = parseSearchQuery(labelled.query);
    if (!parsed.ok) throw new Error(`bad labelled query ${labelled.query}`);
    const { hits } = await storage.search.search(parsed.value, { limit: RECALL_AT, offset: 0 }, scope);
    if (!hits.some((hit) => storyOf.get(hit.articleId) === labelled.expectedId)) missed.push(labelled);
  }
  return missed;
}

function recall(half: LabelledQuery['half'], missed: LabelledQuery[]): number {
  const all = queries.filter((q) => q.half === half).length;
  return (all - missed.filter((q) => q.half === half).length) / all;
}

describeStorageContract('Arabic search recall', ({ open, name }) => {
  it(`finds the intended story in the first ${RECALL_AT} for at least ${REQUIRED_RECALL * 100}% of each half of the labelled queries`, async () => {
    const storage = await open();
    await addEdition(storage, ARABIC.editionId, ARABIC.language, 1);
    await addEdition(storage, UNFOLDED.editionId, UNFOLDED.language, 2);
    const storyOf = new Map([...await indexStories(storage, ARABIC.editionId), ...await indexStories(storage, UNFOLDED.editionId)]);
    const missed = await misses(storage, ARABIC, storyOf);
    const missedUnfolded = await misses(storage, UNFOLDED, storyOf);
    const figure = (half: LabelledQuery['half']) => `${half} ${recall(half, missed).toFixed(3)} (unfolded ${recall(half, missedUnfolded).toFixed(3)})`;
    console.log(`[${name}] Arabic recall@${RECALL_AT} over ${stories.length} stories, ${queries.length} queries: ${figure('dev')}, ${figure('held-out')}`);
    for (const q of missed) console.log(`[${name}]   missed (${q.half}, ${q.kind}): ${q.query} → ${q.expectedId}`);
    expect(recall('dev', missed)).toBeGreaterThanOrEqual(REQUIRED_RECALL);
    expect(recall('held-out', missed)).toBeGreaterThanOrEqual(REQUIRED_RECALL);
  }, 120_000);
});
