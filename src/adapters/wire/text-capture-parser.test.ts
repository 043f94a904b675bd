/** @module Tests for the text capture parser, against the 17 January 2025 news-stream fixture and broken variants. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTextCapture } from './text-capture-parser.js';

const fixture = readFileSync(new URL('../../../demo/news-stream-2025-01-17.txt', import.meta.url), 'utf8');

/** A story as the site lays it out, with each part replaceable to break it. */
function storyText(parts: { headline?: string; copy?: string; updated?: string | null; body?: string[] } = {}): string {
  const headline = parts.headline ?? 'Markets steady after rate decision';
  const updated = parts.updated === undefined ? 'Updated 5 min 2 sec ago' : parts.updated;
  const body = parts.body ?? ['RIYADH/DUBAI: Markets held steady on Friday.', 'Traders said little had changed.'];
  const header = [headline, '', parts.copy ?? headline, 'Short Url', ...(updated === null ? [] : [updated]), 'Follow'];
  return [...header, '', headline, '', headline, '  • Markets held steady', ...body].join('\n');
}

describe('parseTextCapture on the fixture', () => {
  const { stories, errors } = parseTextCapture(fixture);

  it('finds the six stories and no problems', () => {
    expect(errors).toEqual([]);
    expect(stories.map((story) => story.line)).toEqual([1, 42, 68, 94, 115, 135]);
  });

  it('gives each headline once, with the Update badge only on the first', () => {
    expect(stories.map((story) => [story.headline, story.updateBadge])).toEqual([
      ['Russia and North Korea sign partnership deal that appears to be the strongest since Cold War', true],
      ['South Korea plane crash investigators find feathers in engines', false],
      ['Police detain suspect in stabbing of Bollywood actor Saif Ali Khan', false],
      ['Kyiv says Ukraine missiles hit army radars in Russia', false],
      ['German prosecutor says currently ‘no prospect’ of charges against Madeleine McCann suspect', false],
      ['Iranian president arrives in Moscow for treaty signing with Putin, TASS says', false],
    ]);
  });

  it('splits the caption from its credit on the first story only', () => {
    expect(stories[0]?.caption).toEqual({
      text:
        'North Korean leader Kim Jong Un, center right, and Russian President Vladimir Putin, left, attend a ' +
        'welcoming ceremony at Kim Il Sung Square in Pyongyang on June 19, 2024.',
      credit: 'Sputnik/AFP',
    });
    expect(stories.slice(1).map((story) => story.caption)).toEqual([null, null, null, null, null]);
  });

  it('reads relative and absolute update times', () => {
    expect(stories.map((story) => story.updated)).toEqual([
      { kind: 'date', year: 2024, month: 6, day: 19 },
      { kind: 'relative', secondsAgo: 2 },
      { kind: 'relative', secondsAgo: 38 * 60 + 36 },
      { kind: 'relative', secondsAgo: 57 * 60 + 19 },
      { kind: 'date', year: 2025, month: 1, day: 17 },
      { kind: 'date', year: 2025, month: 1, day: 17 },
    ]);
  });

  it('reads two highlights per story, without the bullet, curly quotes kept', () => {
    expect(stories.map((story) => story.highlights.length)).toEqual([2, 2, 2, 2, 2, 2]);
    expect(stories[0]?.highlights[0]).toBe(
      'Russian leader hails ‘close friendship’ between the two countries based on ‘equality and respect of mutual interests’',
    );
    expect(stories[5]?.highlights).toEqual([
      'Moscow and Tehran say their increasingly close ties are not directed against other countries',
      'The 20-year Russia-Iran agreement is likely to worry the West',
    ]);
  });

  it('takes the dateline off the lede and counts one paragraph per line', () => {
    expect(stories.map((story) => story.dateline)).toEqual(['SEOUL', 'SEOUL', 'MUMBAI', 'KYIV', 'LONDON', 'MOSCOW']);
    expect(stories.map((story) => story.paragraphs.length)).toEqual([25, 14, 12, 7, 8, 9]);
    expect(stories.map((story) => story.paragraphs[0]?.slice(0, 30))).toEqual([
      'Russian President Vladimir Put',
      'Investigators probing the Jeju',
      'Indian television channels sai',
      'Ukraine said Friday it had lau',
      'The German prosecutor investig',
      'Iranian President Masoud Pezes',
    ]);
    expect(stories[2]?.paragraphs[7]).toBe('“He is very fortunate.”');
    expect(stories[5]?.paragraphs.at(-1)).toBe(
      'Pezeshkian is accompanied to Moscow by his oil minister, and Western sanctions on the sector are likely to be discussed.',
    );
  });

  it('reads the same stories from Windows line endings with a byte-order mark', () => {
    expect(parseTextCapture(`\uFEFF${fixture.replace(/\n/g, '\r\n')}`)).toEqual({ stories, errors });
  });

  it('reads multi-word datelines and leaves a lede without one whole', () => {
    const ledeOf = (lede: string) => parseTextCapture(storyText({ body: [lede] })).stories[0];
    expect(ledeOf('RIYADH/DUBAI: Markets held.')).toMatchObject({ dateline: 'RIYADH/DUBAI', paragraphs: ['Markets held.'] });
    expect(ledeOf('NEW YORK: Stocks rose.')).toMatchObject({ dateline: 'NEW YORK', paragraphs: ['Stocks rose.'] });
    expect(ledeOf('Officials said: nothing.')).toMatchObject({ dateline: null, paragraphs: ['Officials said: nothing.'] });
  });

  it('normalises to NFC and collapses whitespace runs', () => {
    const { stories: [story] } = parseTextCapture(storyText({ headline: 'Cafe\u0301  talks\tend' }));
    expect(story?.headline).toBe('Café talks end');
  });
});

describe('parseTextCapture on broken captures', () => {
  it('skips a story with an unreadable update time and names its line', () => {
    const broken = fixture.replace('Updated 38 min 36 sec ago', 'Updated soonish');
    const { stories, errors } = parseTextCapture(broken);
    expect(stories.map((story) => story.dateline)).toEqual(['SEOUL', 'SEOUL', 'KYIV', 'LONDON', 'MOSCOW']);
    expect(stories[1]?.paragraphs).toHaveLength(14);
    expect(errors).toEqual([{ line: 71, message: 'unreadable update time "Updated soonish"' }]);
  });

  it('reports a missing Updated line, disagreeing copies and a missing body at the right lines', () => {
    const good = storyText();
    const capture = [
      good,
      storyText({ headline: 'No time here', updated: null }),
      storyText({ headline: 'Copies differ', copy: 'Copies differ!' }),
      storyText({ headline: 'Nothing to read', body: [] }),
      good,
    ].join('\n\n');
    const { stories, errors } = parseTextCapture(capture);
    expect(stories.map((story) => story.line)).toEqual([1, 54]);
    expect(errors).toEqual([
      { line: 15, message: 'missing "Updated" line in story "No time here"' },
      { line: 30, message: 'headline copy "Copies differ!" does not match headline "Copies differ"' },
      { line: 42, message: 'no body paragraphs in story "Nothing to read"' },
    ]);
  });

  it('reports an inner headline copy that disagrees', () => {
    const capture = storyText().replace('Follow\n\nMarkets steady after rate decision\n', 'Follow\n\nMarkets steady after rate decisions\n');
    expect(parseTextCapture(capture).errors).toEqual([
      {
        line: 8,
        message: 'headline copy "Markets steady after rate decisions" does not match headline "Markets steady after rate decision"',
      },
    ]);
  });

  it('reads lenient relative and month-first update times, and rejects impossible dates', () => {
    const updatedOf = (said: string) => parseTextCapture(storyText({ updated: `Updated ${said}` })).stories[0]?.updated;
    expect(updatedOf('1 hour ago')).toEqual({ kind: 'relative', secondsAgo: 3600 });
    expect(updatedOf('2 hr 5 min ago')).toEqual({ kind: 'relative', secondsAgo: 7500 });
    expect(updatedOf('an hour ago')).toEqual({ kind: 'relative', secondsAgo: 3600 });
    expect(updatedOf('January 17, 2025')).toEqual({ kind: 'date', year: 2025, month: 1, day: 17 });
    expect(updatedOf('29 February 2024')).toEqual({ kind: 'date', year: 2024, month: 2, day: 29 });
    expect(updatedOf('29 February 2025')).toBeUndefined();
    expect(updatedOf('3 fortnights ago')).toBeUndefined();
  });

  it('gives an empty file zero stories and one error', () => {
    expect(parseTextCapture('')).toEqual({ stories: [], errors: [{ line: 1, message: expect.any(String) }] });
    expect(parseTextCapture('\uFEFF\r\n  \r\n').stories).toEqual([]);
  });

  it('reports text before the first story and still reads the story', () => {
    const { stories, errors } = parseTextCapture(`Latest news\n\n${storyText()}`);
    expect(stories).toHaveLength(1);
    expect(errors).toEqual([{ line: 1, message: 'unrecognised text before the first story: "Latest news"' }]);
  });

  it('keeps markup in the text verbatim; escaping belongs to the renderer', () => {
    const headline = '<script>alert(1)</script> & "friends"';
    const { stories } = parseTextCapture(storyText({ headline }));
    expect(stories[0]?.headline).toBe(headline);
  });

  it('never throws on slices and mutations of the fixture', () => {
    const random = seededRandom(20250117);
    const pick = (n: number) => Math.floor(random() * n);
    const noise = ['\n', '\r\n', '\r', '\uFEFF', '•', ':', 'Updated ', 'Follow', '(', ')', '\uD800', '\u0301', ' '];
    for (let round = 0; round < 200; round += 1) {
      let text = fixture.slice(pick(fixture.length), fixture.length - pick(fixture.length / 4));
      for (let edit = pick(8); edit > 0; edit -= 1) {
        const at = pick(text.length + 1);
        const cut = round % 2 === 0 ? pick(40) : 0;
        text = text.slice(0, at) + (noise[pick(noise.length)] ?? '') + text.slice(at + cut);
      }
      const result = parseTextCapture(text);
      const lineCount = text.split(/\r\n|\r|\n/).length;
      for (const error of result.errors) expect(error.line).toBeGreaterThanOrEqual(1);
      for (const error of result.errors) expect(error.line).toBeLessThanOrEqual(lineCount);
    }
  });
});

/** mulberry32: a tiny deterministic generator, so a failing fuzz round can be replayed. */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
