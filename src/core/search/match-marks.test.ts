import { describe, expect, it } from 'vitest';
import { markMatches } from './match-marks.js';
import { MATCH_END as E, MATCH_START as S } from './search-index.js';
import { searchTermsFor } from './search-terms.js';

const arabic = searchTermsFor('ar');
if (!arabic) throw new Error('Arabic has terms made here');
const story = (body: string, headline = 'عنوان', highlights = '') => ({ headline, highlights, body });

describe('markMatches', () => {
  it('marks whole words as written, with their clitics and tashkeel', () => {
    const marked = markMatches(story('وصل الوزيرُ إلى الرياضِ والمدينة.', 'زيارة الرياض'), [['رياض'], ['مدين']], arabic);
    expect(marked.headline).toBe(`زيارة ${S}الرياض${E}`);
    expect(marked.snippet).toBe(`وصل الوزيرُ إلى ${S}الرياضِ${E} ${S}والمدينة${E}.`);
  });

  it('marks a phrase once, across its words, and not its words apart', () => {
    const marked = markMatches(story('مترو الرياض يبدأ، والرياض تنتظر المترو.'), [['مترو', 'رياض']], arabic);
    expect(marked.snippet).toBe(`${S}مترو الرياض${E} يبدأ، والرياض تنتظر المترو.`);
  });

  it('cuts a passage of at most 32 words around the matches of a long text, with ellipses', () => {
    const filler = (n: number) => Array.from({ length: n }, () => 'كلمة').join(' ');
    const { snippet } = markMatches(story(`${filler(40)} افتتاح مترو الرياض ${filler(40)}`), [['رياض']], arabic);
    expect(snippet.startsWith('…') && snippet.endsWith('…')).toBe(true);
    expect(snippet.slice(1, -1).split(' ')).toHaveLength(32);
    expect(snippet).toContain(`مترو ${S}الرياض${E}`);
  });

  it('prefers the passage holding most of the query', () => {
    const words = [...Array.from({ length: 40 }, () => 'مترو'), 'كلمة', 'كلمة', 'مترو الرياض', ...Array.from({ length: 40 }, () => 'كلمة')];
    const { snippet } = markMatches(story(words.join(' ')), [['مترو'], ['رياض']], arabic);
    expect(snippet).toContain(`${S}الرياض${E}`);
  });

  it('takes the snippet from the body, else the highlights, else the headline, where the whole query matches', () => {
    expect(markMatches(story('لا شيء هنا', 'عنوان', 'مترو الرياض'), [['رياض']], arabic).snippet).toBe(`مترو ${S}الرياض${E}`);
    expect(markMatches(story('لا شيء هنا', 'مترو الرياض'), [['رياض']], arabic).snippet).toBe(`مترو ${S}الرياض${E}`);
    expect(markMatches(story('الرياض', 'مترو الرياض'), [['رياض'], ['مترو']], arabic).snippet).toBe(`${S}مترو${E} ${S}الرياض${E}`);
  });

  it('shows the start of the body when nothing it can mark matched', () => {
    const body = Array.from({ length: 40 }, (_, i) => `كلمة${i}`).join(' ');
    const { snippet } = markMatches(story(body), [['غايب']], arabic);
    expect(snippet.startsWith('كلمة0 ')).toBe(true);
    expect(snippet.endsWith('…')).toBe(true);
  });
});
