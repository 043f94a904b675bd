import { describe, expect, it } from 'vitest';
import { emptyArticleFields } from '../articles/article-fields.js';
import { storyDiff, wordDiff } from './word-diff.js';

const base = { ...emptyArticleFields({ slug: 'world', name: 'World' }, { slug: 'ann', name: 'Ann' }), headline: 'Fire hits port', body: [{ type: 'paragraph' as const, text: 'Three ships burned overnight.' }] };

describe('wordDiff', () => {
  it('marks whole words added and removed, keeping the rest', () => {
    const parts = wordDiff('Three ships burned overnight.', 'Four ships burned overnight in Busan.');
    const removed = parts.filter((p) => p.kind === 'removed').map((p) => p.text.trim());
    expect(removed).toContain('Three');
    expect(removed.join(' ')).not.toContain('ships');
    expect(parts.filter((p) => p.kind === 'added').map((p) => p.text).join('')).toContain('Four');
    expect(parts.filter((p) => p.kind !== 'removed').map((p) => p.text).join('')).toBe('Four ships burned overnight in Busan.');
    expect(parts.filter((p) => p.kind !== 'added').map((p) => p.text).join('')).toBe('Three ships burned overnight.');
  });

  it('has no changes for equal text', () => {
    expect(wordDiff('same words', 'same words').every((p) => p.kind === 'same')).toBe(true);
  });
});

describe('storyDiff', () => {
  it('lists only the fields that changed, readers never seeing internal ones', () => {
    const after = { ...base, headline: 'Fire hits Busan port', topics: [{ slug: 'busan', name: 'Busan', kind: 'place' as const }] };
    expect(storyDiff(base, after).map((d) => d.field)).toEqual(['headline']);
    expect(storyDiff(base, after, true).map((d) => d.field)).toEqual(['headline', 'topics']);
  });

  it('is empty when nothing changed', () => {
    expect(storyDiff(base, { ...base })).toEqual([]);
  });
});
