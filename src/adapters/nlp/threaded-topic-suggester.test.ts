/** The suggester on worker threads gives exactly what the in-process path gives (same limits, every script), split over threads in order. */
import { afterAll, describe, expect, it } from 'vitest';
import { suggestStoryTopics } from '../../core/topics/story-topics.js';
import { createCompromiseTopicSuggester } from './compromise-topic-suggester.js';
import { createThreadedTopicSuggester } from './threaded-topic-suggester.js';

const texts = [
  { headline: 'Saudi Aramco and the Kremlin agree on oil output', highlights: ['OPEC+ meets in Vienna'], body: 'RIYADH (Reuters) - Saudi Aramco chief Amin Nasser met Russian officials in Moscow on Tuesday, the Kremlin said. The United Nations Security Council was not involved.' },
  { headline: 'وزير الطاقة السعودي يلتقي نظيره الروسي', highlights: [], body: 'قال الأمير عبد العزيز بن سلمان في الرياض إن أوبك+ ستجتمع في فيينا.' },
  { headline: 'Путин встретился с Си Цзиньпином', highlights: [], body: 'Встреча прошла в Москве. 🇷🇺🇨🇳' },
  { headline: '東京で記者会見', highlights: [], body: '岸田首相は東京で記者会見を開いた。' },
  { headline: 'Emmanuel Macron visits Jeddah 🕌', highlights: ['French president meets Mohammed bin Salman'], body: 'JEDDAH, Saudi Arabia (AP) — French President Emmanuel Macron arrived in Jeddah on Sunday for talks with Crown Prince Mohammed bin Salman and officials of the Gulf Cooperation Council.' },
];

// Threads load the tagger (and, from src/, compile it through tsx) on start: seconds on a busy machine, so a hang guard, not a speed bound.
describe('threaded topic suggester', { timeout: 120_000 }, () => {
  const threaded = createThreadedTopicSuggester({ threads: 2, niceness: 10 });
  afterAll(() => threaded.close());

  it('answers as the in-process suggester does, in order, for every script', async () => {
    const local = createCompromiseTopicSuggester();
    const expected = texts.map((t) => suggestStoryTopics(local, t));
    expect(await threaded.suggestAll(texts)).toEqual(expected);
    expect(expected[0]!.map((t) => t.name)).toContain('Kremlin');
    // Again after the threads are warm, and an empty batch costs nothing.
    expect(await threaded.suggestAll(texts.slice(1))).toEqual(expected.slice(1));
    expect(await threaded.suggestAll([])).toEqual([]);
  });

  it('starts new threads after a pause, none after close', async () => {
    await threaded.close({ reopen: true });
    const [first] = await threaded.suggestAll(texts.slice(0, 1));
    expect(first!.length).toBeGreaterThan(0);
    await threaded.close();
    await expect(threaded.suggestAll(texts.slice(0, 1))).rejects.toThrow('closed');
  });

  it('fails a share its thread does not answer in time, and answers again with a new thread', async () => {
    const impatient = createThreadedTopicSuggester({ threads: 1, timeoutMs: 1 });
    try {
      // One millisecond is less than the thread takes to start: the share fails, the thread is ended.
      await expect(impatient.suggestAll(texts.slice(0, 1))).rejects.toThrow('thread stopped');
    } finally {
      await impatient.close();
    }
  });
});
