/**
 * @module Topic suggestion job throughput: corpus stories stored as an archive import stores them (bulk, no topics of
 * their own), queued, then worked through the production job (claims, worker threads running compromise, topic writes)
 * to an empty queue on a SQLite file. Thread start and the tagger's load are inside the timing, as they are for a run.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openStorage } from '../src/main/storage.js';
import { createTopicSuggestionRunner } from '../src/main/topic-suggestion-services.js';
import { loadRealArticles, makeCorpusStory, seededRandom, type RealArticle } from './corpus.js';

export interface TopicJobMeasurement {
  stories: number;
  threads: number;
  storiesPerSecond: number;
  /** Topics the job added (accepted and suggestions), per story. */
  topicsPerStory: number;
}

export async function measureTopicJob(real: RealArticle[], stories: number, threads: number): Promise<TopicJobMeasurement> {
  const dir = mkdtempSync(join(tmpdir(), 'dateline-topic-job-'));
  const storage = await openStorage(`sqlite:${join(dir, 'topics.db')}`);
  try {
    const random = seededRandom(17);
    const codes = new Set<string>();
    const newest = new Date();
    const articles = Array.from({ length: stories }, (_, i) => ({ ...makeCorpusStory(i, real, [], newest, random, codes), id: `topic-job-${i}-${randomBytes(3).toString('hex')}` }));
    for (let i = 0; i < articles.length; i += 500) await storage.articles.insertMany(articles.slice(i, i + 500));
    await storage.topicSuggestions.enqueue(articles.map((a) => a.id), new Date());
    const runner = createTopicSuggestionRunner({ queue: storage.topicSuggestions, threads, logger: { info: () => undefined, error: () => undefined } });
    const started = performance.now();
    const result = await runner.drain();
    const seconds = (performance.now() - started) / 1000;
    await runner.stop();
    if (result.done !== stories) throw new Error(`the job did ${result.done} of ${stories} stories (${result.failed} failed)`);
    const links = await storage.db.selectFrom('article_topics').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return { stories, threads, storiesPerSecond: stories / seconds, topicsPerStory: Number(links.n) / stories };
  } finally {
    await storage.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const stories = Number(process.argv[2] ?? 1_000);
  const threads = Number(process.argv[3] ?? 1);
  console.log(JSON.stringify(await measureTopicJob(loadRealArticles(), stories, threads)));
}
