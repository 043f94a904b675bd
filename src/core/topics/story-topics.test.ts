/** @module Tests for the one path from story text to topics: limits, slugs, and the reader confidence line. */
import { describe, expect, it } from 'vitest';
import type { TopicSuggester } from './topic-suggester.js';
import { isConfident, READER_CONFIDENCE, suggestStoryTopics, TOPIC_LIMIT, TOPIC_TEXT_LIMIT, topicRefsOf } from './story-topics.js';

describe('suggestStoryTopics', () => {
  it('asks the suggester for TOPIC_LIMIT topics from the first TOPIC_TEXT_LIMIT characters of the body', () => {
    const asked: { body: string; limit: number }[] = [];
    const suggester: TopicSuggester = { suggest: (text, limit) => (asked.push({ body: text.body, limit }), [{ name: 'Seoul', kind: 'place', confidence: 0.9 }]) };
    const topics = suggestStoryTopics(suggester, { headline: 'H', highlights: ['x'], body: 'é'.repeat(TOPIC_TEXT_LIMIT + 10) });
    expect(topics).toEqual([{ name: 'Seoul', kind: 'place', confidence: 0.9 }]);
    expect(asked).toEqual([{ body: 'é'.repeat(TOPIC_TEXT_LIMIT), limit: TOPIC_LIMIT }]);
  });
});

describe('topicRefsOf', () => {
  it('keeps suggestions below the reader line as unaccepted, one topic per slug, in any script', () => {
    const refs = topicRefsOf([
      { name: 'Kremlin', kind: 'organisation', confidence: 0.9 },
      { name: 'Belgorod', kind: 'place', confidence: READER_CONFIDENCE - 0.01 },
      { name: 'KREMLIN', kind: 'organisation', confidence: 0.9 },
      { name: 'إيران', kind: 'place', confidence: READER_CONFIDENCE },
      { name: 'Москва 🇷🇺', kind: 'place', confidence: 0.1 },
    ]);
    expect(refs.map((r) => [r.name, r.accepted ?? true])).toEqual([['Kremlin', true], ['Belgorod', false], ['إيران', true], ['Москва 🇷🇺', false]]);
    expect(new Set(refs.map((r) => r.slug)).size).toBe(refs.length);
  });

  it('counts a suggestion stored before confidences existed as confident', () => {
    expect(isConfident({ name: 'Seoul', kind: 'place' })).toBe(true);
    expect(isConfident({ name: 'Lee', kind: 'person', confidence: 0.45 })).toBe(false);
  });
});
