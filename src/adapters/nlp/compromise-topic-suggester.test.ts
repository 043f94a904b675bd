/** @module Tests for the compromise topic suggester, on stories of the 17 January 2025 news-stream fixture. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CapturedStory } from '../../core/imports/captured-story.js';
import { parseTextCapture } from '../wire/text-capture-parser.js';
import { READER_CONFIDENCE } from '../../core/topics/story-topics.js';
import { createCompromiseTopicSuggester } from './compromise-topic-suggester.js';

const fixture = readFileSync(new URL('../../../demo/news-stream-2025-01-17.txt', import.meta.url), 'utf8');
const { stories } = parseTextCapture(fixture);
const suggester = createCompromiseTopicSuggester();

function storyAbout(words: string): CapturedStory {
  const story = stories.find((candidate) => candidate.headline.includes(words));
  if (!story) throw new Error(`no fixture story about ${words}`);
  return story;
}

/** Names and kinds (confidences are tested on their own below). */
function suggestFor(story: CapturedStory, limit: number) {
  return suggester.suggest({ headline: story.headline, highlights: story.highlights, body: story.paragraphs.join('\n') }, limit).map(({ name, kind }) => ({ name, kind }));
}

function suggestIn(body: string, limit = 12) {
  return suggester.suggest({ headline: '', highlights: [], body }, limit);
}

describe('createCompromiseTopicSuggester on the fixture', () => {
  it('names the leaders and countries of the Putin–Kim summit, short forms folded into full names', () => {
    const topics = suggestFor(storyAbout('Russia and North Korea'), 8);
    expect(topics.slice(0, 3)).toEqual(expect.arrayContaining([
      { name: 'Kim Jong Un', kind: 'person' },
      { name: 'Vladimir Putin', kind: 'person' },
    ]));
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
        expect(name).toMatch(/^\p{Lu}[\p{L}\p{N} .,-]*[\p{L}.]$/u);
        expect(name).not.toMatch(/^(Russian|North Korean|South Korean|Indian|German|Ukrainian|Western|Las|Lee|Maddie|MP|US|National Institute|Biological Resources|Russia-Iran)$/);
        expect(name.split(' ').length).toBeLessThanOrEqual(8);
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
    const topics = suggestFor(storyAbout('Iranian president'), 8);
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

  it('never cuts a word out of a longer name: "Las" of Las Vegas, "Lee" of Lee Seung-yeol, "Praia" (a capital) of Praia da Luz', () => {
    const names = suggestIn(
      'Police in Las Vegas said on Monday the suspect had fled. Lead investigator Lee Seung-yeol told reporters in March. ' +
        'She disappeared in the resort town of Praia da Luz. Las Vegas police declined to comment.',
    ).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['Las Vegas', 'Lee Seung-yeol', 'Praia da Luz']));
    for (const fragment of ['Las', 'Lee', 'Praia', 'Monday', 'March', 'Luz']) expect(names).not.toContain(fragment);
  });

  it('merges aliases into one topic: US = U.S. = United States, UN = United Nations, Maddie = Madeleine McCann', () => {
    const topics = suggestIn(
      'Madeleine McCann vanished in 2007. The United States and the UN said the U.S. would help. ' +
        'The US envoy spoke at the United Nations. Police said the Maddie case was still open.',
    );
    expect(topics.map(({ name, kind }) => ({ name, kind }))).toEqual(expect.arrayContaining([
      { name: 'United States', kind: 'place' }, { name: 'United Nations', kind: 'organisation' }, { name: 'Madeleine McCann', kind: 'person' },
    ]));
    for (const alias of ['US', 'U.S.', 'UN', 'Maddie']) expect(topics.map((t) => t.name)).not.toContain(alias);
  });

  it('keeps organisations whole and knows agencies and institutions: one topic for the National Institute of Biological Resources', () => {
    const names = suggestFor(storyAbout('plane crash'), 12).map((t) => t.name);
    expect(names).toContain('National Institute of Biological Resources');
    expect(names).toContain('Ministry of Land, Infrastructure and Transport');
    expect(names).not.toContain('National Institute');
    expect(names).not.toContain('Biological Resources');
    const iran = suggestFor(storyAbout('Iranian president'), 12);
    expect(iran).toEqual(expect.arrayContaining([{ name: 'TASS', kind: 'organisation' }, { name: 'Kremlin', kind: 'organisation' }]));
    const summit = suggestIn('North Korea is under UN Security Council sanctions. The UN Security Council met again, Agence France-Presse reported.');
    expect(summit.map(({ name, kind }) => ({ name, kind }))).toEqual(expect.arrayContaining([
      { name: 'UN Security Council', kind: 'organisation' }, { name: 'AFP', kind: 'organisation' }, { name: 'North Korea', kind: 'place' },
    ]));
  });

  it('reads a company defined with its short form: "the Commodity Credit Corporation, CCC," then "CCC"', () => {
    const topics = suggestIn('The Commodity Credit Corporation, CCC, has authorized credit guarantees for Hungary. CCC said sales must be registered.');
    expect(topics.filter((t) => t.kind === 'organisation').map((t) => t.name)).toEqual(['Commodity Credit Corporation']);
  });

  it('gives known and full names a confidence above the reader line, a lone word seen once one below it', () => {
    const topics = suggestIn('Vladimir Putin met officials in Moscow. Villagers near Zorvik watched.');
    const confidence = (name: string) => topics.find((t) => t.name === name)?.confidence;
    expect(confidence('Moscow')).toBeGreaterThanOrEqual(READER_CONFIDENCE);
    expect(confidence('Vladimir Putin')).toBeGreaterThanOrEqual(READER_CONFIDENCE);
    for (const t of topics.filter((topic) => topic.name.split(' ').length === 1 && topic.name !== 'Moscow')) expect(t.confidence).toBeLessThan(READER_CONFIDENCE);
  });

  it('finds countries in Arabic text by their Arabic names, with a prefix such as و attached', () => {
    const topics = suggestIn('وصل الرئيس الإيراني إلى موسكو لتوقيع معاهدة بين روسيا وإيران. وقالت إيران إن الاتفاق مهم.');
    expect(topics.map(({ name, kind }) => ({ name, kind }))).toEqual(expect.arrayContaining([{ name: 'إيران', kind: 'place' }, { name: 'روسيا', kind: 'place' }]));
  });

  it('reads no names from a headline in capitals, but still counts them there', () => {
    const names = suggester.suggest({ headline: 'FRANK B. HALL SUED BY NY INSURANCE DEPT', highlights: [], body: 'Frank B. Hall and Co Inc said it would oppose the action.' }, 8).map((t) => t.name);
    expect(names).toEqual(['Frank B. Hall and Co Inc']);
  });

  it('suggests nothing for empty text', () => {
    expect(suggester.suggest({ headline: '', highlights: [], body: '' }, 5)).toEqual([]);
  });
});
