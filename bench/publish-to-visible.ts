/**
 * Publish-to-visible: publish a story through the store (the same transaction a publish commits), then
 * time until it shows on its article page, the home page and its section feed, polling over HTTP.
 */
import type { Storage } from '../src/main/storage.js';
import type { NewArticle } from '../src/core/articles/article-store.js';

export interface VisibleTimes {
  article: number[];
  home: number[];
  feed: number[];
}

async function until(check: () => Promise<boolean>): Promise<number> {
  const started = performance.now();
  for (let i = 0; i < 100_000; i++) {
    if (await check()) return performance.now() - started;
  }
  throw new Error('story never became visible');
}

export async function measurePublishToVisible(storage: Storage, origin: string, make: (i: number) => NewArticle, count: number): Promise<VisibleTimes> {
  const times: VisibleTimes = { article: [], home: [], feed: [] };
  for (let i = 0; i < count; i++) {
    const story = make(i);
    await storage.articles.insert(story);
    const started = performance.now();
    await until(async () => (await fetch(`${origin}/article/${story.slug}`)).status === 200);
    times.article.push(performance.now() - started);
    await until(async () => (await (await fetch(`${origin}/`)).text()).includes(story.slug));
    times.home.push(performance.now() - started);
    await until(async () => (await (await fetch(`${origin}/section/${story.section.slug}/feed.xml`)).text()).includes(story.slug));
    times.feed.push(performance.now() - started);
  }
  return times;
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
