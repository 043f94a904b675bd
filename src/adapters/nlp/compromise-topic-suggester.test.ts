/** @module Tests for the compromise topic suggester, on stories of the 17 January 2025 news-stream fixture. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapturedStory } from '../../core/imports/captured-story.js';
import { parseTextCapture } from '../wire/text-capture-parser.js';
import { createCompromiseTopicSuggester } from './compromise-topic-suggester.js';

const fixture = readFileSync(new URL('../../../demo/news-stream-2025-01-17.txt', import.meta.url), 'utf8');
const { stories } = parseTextCapture(fixture);
const suggester = createCompromiseTopicSuggester();

function storyAbout(words: string): CapturedStory {
  const story = stories.find((candidate) => candidate.headline.includes(words));
  if (!story) throw new Error(`no fixture story about ${words}`);
  return story;
}

function suggestFor(story: CapturedStory, limit: number) {
  return suggester.suggest({ headline: story.headline, highlights: story.highlights, body: story.paragraphs.join('\n') }, limit);
}

describe('createCompromiseTopicSuggester on the fixture', () => {
  it('names the leaders and countries of the Putin–Kim summit, short forms folded into full names', () => {
    const topics = suggestFor(storyAbout('Russia and North Korea'), 8);
    expect(topics.slice(0, 2)).toEqual([
      { name: 'Kim Jong Un', kind: 'person' },
      { name: 'Vladimir Putin', kind: 'person' },
    ]);
    expect(topics).toEqual(
      expect.arrayContaining([
        { name: 'North Korea', kind: 'place' },
        { name: 'Pyongyang', kind: 'place' },
        { name: 'Russia', kind: 'place' },
      ]),
    );
    const names = topics.map((topic) => topic.name);
    expect(names).not.toContain('Putin');
    expect(names).not.toContain('Kim');
  });

  it('suggests no possessives, descriptions, lowercase words or punctuation in any story', () => {
    for (const story of stories) {
      for (const { name } of suggestFor(story, 20)) {
        expect(name).toMatch(/^\p{Lu}[\p{L}\p{N} .-]*[\p{L}.]$/u);
        expect(name).not.toMatch(/^(Russian|North Korean|South Korean|Indian|German|Ukrainian|Western)$/);
        expect(name.split(' ').length).toBeLessThanOrEqual(5);
      }
    }
  });

  it('names the actor and the city in the Saif Ali Khan story', () => {
    const topics = suggestFor(storyAbout('Saif Ali Khan'), 6);
    expect(topics[0]).toEqual({ name: 'Saif Ali Khan', kind: 'person' });
    expect(topics).toContainEqual({ name: 'Mumbai', kind: 'place' });
  });

  it('names the airline and the country in the plane crash story', () => {
    const topics = suggestFor(storyAbout('plane crash'), 6);
    expect(topics[0]).toEqual({ name: 'South Korea', kind: 'place' });
    expect(topics).toContainEqual({ name: 'Jeju Air', kind: 'organisation' });
  });

  it('counts a surname alone as a mention of the person named in full', () => {
    const topics = suggestFor(storyAbout('Iranian president'), 6);
    expect(topics).toContainEqual({ name: 'Masoud Pezeshkian', kind: 'person' });
    expect(topics).toContainEqual({ name: 'Vladimir Putin', kind: 'person' });
  });

  it('gives the same answer every time and respects the limit', () => {
    const story = storyAbout('Madeleine McCann');
    expect(suggestFor(story, 6)).toEqual(suggestFor(story, 6));
    expect(suggestFor(story, 3)).toEqual(suggestFor(story, 6).slice(0, 3));
    expect(suggestFor(story, 0)).toEqual([]);
  });
});

describe('createCompromiseTopicSuggester on small texts', () => {
  it('keeps Kim Yo Jong apart from Kim Jong Un, and folds a bare Kim into the one named first', () => {
    const topics = suggester.suggest(
      {
        headline: 'Kim Jong Un inspects new missile',
        highlights: [],
        body: 'North Korean leader Kim Jong Un watched the launch. His sister Kim Yo Jong issued a statement. Kim said the test was a success.',
      },
      10,
    );
    const people = topics.filter((topic) => topic.kind === 'person').map((topic) => topic.name);
    expect(people).toContain('Kim Jong Un');
    expect(people).toContain('Kim Yo Jong');
    expect(people).not.toContain('Kim');
  });

  it('suggests nothing for empty text', () => {
    expect(suggester.suggest({ headline: '', highlights: [], body: '' }, 5)).toEqual([]);
  });
});
