/** @module Tests for near-duplicate signatures, their storage form, and the one clustering rule (`sameStory`). */
import { describe, expect, it } from 'vitest';
import {
  estimatedJaccard, fnv1a, LEGACY_SIGNATURE_LENGTH, likeness, nearDuplicateSignature, SAME_STORY, sameStory, SIGNATURE_LENGTH,
} from './near-duplicate.js';
import { parseSignature, serialiseSignature, STORED_SIGNATURE_LENGTH } from './near-duplicate-storage.js';

const LEAD = 'Russian President Vladimir Putin and North Korean leader Kim Jong Un signed a new partnership that includes a vow of mutual aid if either country is attacked, during a Wednesday summit that came as both face escalating standoffs with the West.';
const STORY = [
  LEAD,
  'It could mark the strongest connection between Moscow and Pyongyang since the Soviet Union collapsed in 1991.',
  'Kim described the agreement as the “strongest ever treaty,” putting the relations at the level of an alliance, and vowed full support for Russia’s war in Ukraine.',
  'Putin called it a “breakthrough document” reflecting shared desires to move relations to a higher level.',
];
const BACKGROUND = [
  'North Korea has been under United Nations Security Council sanctions over its nuclear weapons and missile programmes since 2006, and the council has been divided over how to enforce them.',
  'Moscow and Beijing have blocked new measures since 2022, while Washington and Seoul have accused Pyongyang of sending artillery shells to Russia.',
  'A panel of experts that monitored the sanctions for fifteen years was disbanded in April after Russia vetoed the renewal of its mandate, leaving no independent body to report on breaches.',
  'Putin last visited Pyongyang in 2000, months after he first became president, when he met Kim Jong Il, the father of the current leader.',
];
const OTHER = [
  'South Korea’s foreign ministry summoned the Russian ambassador on Friday to protest against the defence pact, a day after Seoul said it would consider sending weapons to Ukraine.',
  'Officials in Seoul said the envoy was told that any cooperation helping the North build up its military would violate council resolutions.',
];

const signed = (headline: string, paragraphs: string[]) => nearDuplicateSignature({ headline, summary: null, body: paragraphs.map((text) => ({ type: 'paragraph' as const, text })) });
const story = signed('Putin and Kim sign mutual defence pact', STORY);

describe('nearDuplicateSignature', () => {
  it('is deterministic, of one length, and the same for text differing only in case and punctuation', () => {
    expect(story).toHaveLength(SIGNATURE_LENGTH);
    expect(signed('Putin and Kim sign mutual defence pact', STORY)).toEqual(story);
    expect(signed('PUTIN AND KIM SIGN MUTUAL DEFENCE PACT', STORY.map((p) => p.toUpperCase().replace(/,/g, ' ')))).toEqual(story);
    expect(fnv1a('a')).toBe(0xe40c292c);
  });

  it('reads Arabic, Cyrillic and CJK words as words, and signs a text of one word or none', () => {
    const arabic = signed('بوتين وكيم يوقعان اتفاقية دفاع مشترك', ['وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون اتفاقية شراكة جديدة تتضمن تعهدا بالمساعدة المتبادلة 🇷🇺']);
    const russian = signed('Путин и Ким подписали договор', ['Президент России Владимир Путин и лидер КНДР Ким Чен Ын подписали договор о всеобъемлющем стратегическом партнерстве.']);
    expect(sameStory(arabic, signed('بوتين وكيم يوقعان اتفاقية دفاع مشترك', ['وقع الرئيس الروسي فلاديمير بوتين والزعيم الكوري الشمالي كيم جونغ أون اتفاقية شراكة جديدة']))).not.toBeNull();
    expect(sameStory(arabic, russian)).toBeNull();
    expect(signed('速報', [])).toHaveLength(SIGNATURE_LENGTH);
    expect(signed('', [])).toHaveLength(SIGNATURE_LENGTH);
  });

  it('estimates a trimmed copy as mostly contained, and another story as unlike', () => {
    const trimmed = likeness(story, signed('Putin and Kim sign mutual defence pact', STORY.slice(0, 2)));
    expect(trimmed.containment).toBeGreaterThan(0.8);
    expect(trimmed.lead).toBe(1);
    const other = likeness(story, signed('Seoul summons Russian envoy over pact', OTHER));
    expect([other.shingles, other.words, other.lead].every((v) => v < 0.3)).toBe(true);
    expect(estimatedJaccard(story, story)).toBe(1);
  });

  it('survives storage as base64, reads the hex stored before (with and without issue 12 parts), and refuses anything else', () => {
    const text = serialiseSignature(story);
    expect(text).toHaveLength(STORED_SIGNATURE_LENGTH);
    expect(text).toMatch(/^[A-Za-z0-9+/]+$/);
    expect(parseSignature(text)).toEqual(story);
    const extremes = Uint32Array.from({ length: SIGNATURE_LENGTH }, (_, i) => [0, 0xffffffff, 0x80000001, 0x7fffffff][i % 4]!);
    expect(parseSignature(serialiseSignature(extremes))).toEqual(extremes);
    const hex = Array.from(story, (v) => v.toString(16).padStart(8, '0')).join('');
    expect(parseSignature(hex)).toEqual(story);
    expect(parseSignature(hex.slice(0, LEGACY_SIGNATURE_LENGTH * 8))).toEqual(story.slice(0, LEGACY_SIGNATURE_LENGTH));
    expect(parseSignature('zz')).toBeNull();
    expect(parseSignature(hex.toUpperCase().replace(/[0-9A-F]/, 'g'))).toBeNull();
    expect(parseSignature(`${text.slice(0, -1)}=`)).toBeNull();
    expect(parseSignature(`${text.slice(0, -1)}é`)).toBeNull();
  });
});

describe('sameStory', () => {
  it('joins a trimmed copy, a copy with boilerplate, a re-lead and a reworded copy under a new headline', () => {
    const copies = [
      signed('Putin and Kim sign mutual defence pact', STORY.slice(0, 2)),
      signed('Putin and Kim sign mutual defence pact', [`PYONGYANG (AP) — ${STORY[0]}`, ...STORY.slice(1), 'Copyright 2024 The Associated Press. All rights reserved.']),
      signed('UPDATE 1-Putin and Kim sign mutual defence pact', ['Kim Jong Un promised on Thursday to back Moscow “unconditionally”, a day after the summit.', ...STORY.slice(1)]),
      signed('Kremlin, Pyongyang agree to aid each other', [
        'Russia’s president Vladimir Putin and North Korea’s leader Kim Jong Un agreed a fresh partnership which includes a pledge of mutual assistance if either nation is attacked, at a Wednesday summit which came as both face growing standoffs with the West.',
        ...STORY.slice(1),
      ]),
    ];
    for (const copy of copies) expect(sameStory(story, copy)).not.toBeNull();
  });

  it('keeps apart two stories that share their background paragraphs, and prefers the closer copy', () => {
    // The background is most of each text: the copy alone would call them one story (3-gram Jaccard over 0.3, the old rule).
    const a = signed('Putin and Kim sign mutual defence pact', [STORY[0]!, ...BACKGROUND]);
    const b = signed('Seoul summons Russian envoy over pact', [OTHER[0]!, ...BACKGROUND]);
    const like = likeness(a, b);
    expect([like.shingles > 0.3, like.containment > SAME_STORY.containment, like.lead < 0.2, like.headline < 0.2]).toEqual([true, true, true, true]);
    expect(sameStory(a, b)).toBeNull();
    expect(sameStory(a, b, { ...SAME_STORY, copiedLead: 0, copiedHeadline: 0 })).not.toBeNull();
    const closer = sameStory(story, signed('Putin and Kim sign mutual defence pact', STORY.slice(0, 3)))!;
    expect(closer).toBeGreaterThan(sameStory(story, signed('Putin and Kim sign mutual defence pact', STORY.slice(0, 2)))!);
  });

  it('never joins a signature stored before issue 12 (they age out of the window)', () => {
    expect(sameStory(story.slice(0, LEGACY_SIGNATURE_LENGTH), story)).toBeNull();
    expect(sameStory(story, story)).not.toBeNull();
  });
});
