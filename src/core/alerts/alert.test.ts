/** Tests for the alert rules: published only, once per story unless confirmed, and words trimmed without splitting a grapheme. */
import { describe, expect, it } from 'vitest';
import { ALERT_BODY_MAX, ALERT_TITLE_MAX, canSendAlerts, checkAlert, composeAlert, trimGraphemes, type AlertStory } from './alert.js';

const graphemes = (s: string) => [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(s)].map((g) => g.segment);

const story = (over: Partial<AlertStory> = {}): AlertStory => ({
  id: 'a1', status: 'published', headline: 'Port strike ends', summary: 'Dockers return to work.', path: '/article/port-strike-ends',
  edition: { id: 'en', language: 'en', direction: 'ltr' }, topicIds: ['t1'], ...over,
});

describe('checkAlert', () => {
  it('refuses a story that is not published', () => {
    for (const status of ['draft', 'in_review', 'scheduled', 'unpublished'] as const) {
      expect(checkAlert(story({ status }), [], false)).toMatchObject({ ok: false, code: 'ALERT_NOT_PUBLISHED' });
      expect(checkAlert(story({ status }), [], true)).toMatchObject({ ok: false, code: 'ALERT_NOT_PUBLISHED' });
    }
  });

  it('allows the first round, refuses a second unless confirmed, and numbers the next round', () => {
    expect(checkAlert(story(), [], false)).toEqual({ ok: true, round: 1 });
    expect(checkAlert(story(), [{ round: 1 }], false)).toMatchObject({ ok: false, code: 'ALERT_ALREADY_SENT', message: expect.stringContaining('Send again') });
    expect(checkAlert(story(), [{ round: 1 }], true)).toEqual({ ok: true, round: 2 });
    expect(checkAlert(story(), [{ round: 2 }, { round: 1 }], true)).toEqual({ ok: true, round: 3 });
  });

  it('lets only editors and admins send', () => {
    expect((['contributor', 'reporter', 'editor', 'admin'] as const).filter((role) => canSendAlerts({ role }))).toEqual(['editor', 'admin']);
  });
});

describe('trimGraphemes', () => {
  it('keeps a short text as it is, with white space made single', () => {
    expect(trimGraphemes('  Port \n strike\tends  ', 80)).toBe('Port strike ends');
  });

  it('never splits an emoji sequence or a letter with its marks', () => {
    const family = '👩‍👩‍👧‍👦';
    const flag = '🇸🇦';
    const text = `${family}${flag}`.repeat(30);
    const cut = trimGraphemes(text, 11);
    expect(cut.endsWith('…')).toBe(true);
    expect(graphemes(cut)).toHaveLength(11);
    for (const g of graphemes(cut).slice(0, -1)) expect([family, flag]).toContain(g);
    const vowelled = 'بِسْمِ'.repeat(40); // Arabic letters with harakat: each letter and its marks is one grapheme
    const arabic = trimGraphemes(vowelled, 20);
    expect(graphemes(arabic)).toHaveLength(20);
    expect(vowelled.startsWith(arabic.slice(0, -1))).toBe(true);
    expect(graphemes(arabic).slice(0, -1).every((g) => graphemes(vowelled).includes(g))).toBe(true);
  });

  it('cuts at a space near the end, with no dangling punctuation', () => {
    const cut = trimGraphemes('الحكومة تعلن خطة طارئة لمواجهة الفيضانات في المدن الساحلية، وتدعو السكان إلى الحذر الشديد', 40);
    expect(cut).toMatch(/[^\s،]…$/u);
    expect(graphemes(cut).length).toBeLessThanOrEqual(40);
    expect('الحكومة تعلن خطة طارئة لمواجهة الفيضانات في المدن الساحلية، وتدعو'.startsWith(cut.slice(0, -1))).toBe(true);
  });
});

describe('composeAlert', () => {
  it('makes the notification from the headline and summary, in the story’s language and direction', () => {
    const n = composeAlert(story({
      id: 'x9', headline: `عاجل: ${'زلزال بقوة ٦٫٢ يضرب الساحل 🌊 '.repeat(6)}`, summary: 'Москва: '.repeat(60), path: '/ar/article/%D8%B2',
      edition: { id: 'ar', language: 'ar', direction: 'rtl' },
    }));
    expect(graphemes(n.title).length).toBeLessThanOrEqual(ALERT_TITLE_MAX);
    expect(graphemes(n.body).length).toBeLessThanOrEqual(ALERT_BODY_MAX);
    expect(n.title.startsWith('عاجل: زلزال')).toBe(true);
    expect(n).toMatchObject({ url: '/ar/article/%D8%B2', tag: 'alert-x9', lang: 'ar', dir: 'rtl' });
  });
});
