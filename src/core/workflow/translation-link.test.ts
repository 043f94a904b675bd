import { describe, expect, it } from 'vitest';
import type { TranslationMember } from '../articles/article-workflow-store.js';
import { planTranslationLink } from './translation-link.js';

const EDITIONS = {
  en: { id: 'en', name: 'English', language: 'en', direction: 'ltr', pathPrefix: '' },
  ar: { id: 'ar', name: 'العربية', language: 'ar', direction: 'rtl', pathPrefix: '/ar' },
  fr: { id: 'fr', name: 'Français', language: 'fr', direction: 'ltr', pathPrefix: '/fr' },
} as const;

function story(id: string, edition: keyof typeof EDITIONS, group: string | null = null): TranslationMember {
  return { id, slug: `s-${id}`, headline: `Story ${id}`, status: 'published', createdBy: null, translationGroup: group, edition: EDITIONS[edition] };
}

describe('planTranslationLink', () => {
  it('starts a group named after the story when neither has one', () => {
    expect(planTranslationLink(story('a', 'en'), story('b', 'ar'), [], [])).toEqual({ ok: true, join: { group: 'a', ids: ['a', 'b'], mergeGroups: [] } });
  });

  it('joins the group either story already has, this story\'s first, and merges the other', () => {
    const fr = story('c', 'fr', 'g1');
    const en = story('a', 'en', 'g1');
    expect(planTranslationLink(story('b', 'ar'), en, [], [en, fr])).toEqual({ ok: true, join: { group: 'g1', ids: ['b', 'a'], mergeGroups: [] } });
    const ar = story('b', 'ar', 'g2');
    expect(planTranslationLink(en, ar, [en, fr], [ar])).toEqual({ ok: true, join: { group: 'g1', ids: ['a', 'b'], mergeGroups: ['g2'] } });
  });

  it('refuses the story itself, a story of the same edition, and stories already linked', () => {
    const a = story('a', 'en', 'g');
    const b = story('b', 'ar', 'g');
    expect(planTranslationLink(a, a, [a, b], [a, b])).toMatchObject({ ok: false, reason: expect.stringContaining('its own translation') });
    expect(planTranslationLink(story('x', 'en'), story('y', 'en'), [], [])).toMatchObject({ ok: false, reason: expect.stringContaining('same edition (English)') });
    expect(planTranslationLink(a, b, [a, b], [a, b])).toMatchObject({ ok: false, reason: expect.stringContaining('already linked') });
  });

  it('refuses a second story of one edition in a group, from either side', () => {
    const en = story('a', 'en', 'g');
    const ar = story('b', 'ar', 'g');
    // Another English story wants the Arabic one, which already has its English translation.
    expect(planTranslationLink(story('c', 'en'), ar, [], [en, ar])).toMatchObject({ ok: false, reason: expect.stringContaining('already has a translation in English: “Story a”') });
    // The English story, already translated into Arabic, is offered a second Arabic one.
    expect(planTranslationLink(en, story('d', 'ar'), [en, ar], [])).toMatchObject({ ok: false, reason: expect.stringContaining('This story already has a translation in العربية') });
  });
});
