import { describe, expect, it } from 'vitest';
import { wireCopyDiff } from './wire-copy-diff.js';
import type { WireItem } from './wire-item.js';

function copy(headline: string, paragraphs: string[], agency: string): WireItem {
  return {
    format: 'ninjs', agency, agencyId: `urn:${agency}`, version: 1, headline, slugline: null, dateline: null, byline: null, creditline: null, language: null,
    summary: null, body: paragraphs.map((text) => ({ type: 'paragraph', text })), subjects: [], urgency: null, firstCreated: null, versionCreated: null, link: null, photos: [],
  };
}

describe('wireCopyDiff', () => {
  it('shows the words one copy adds and lacks, in any script', () => {
    const ap = copy('Fed to halt QE', ['The Fed will stop buying bonds.'], 'AP');
    const reuters = copy('Fed to halt QE in March', ['The Fed will stop buying bonds.', 'Markets rallied 🚀 في الأسواق.'], 'Reuters');
    const diff = wireCopyDiff(ap, reuters);
    expect(diff.fields.map((f) => f.field)).toEqual(['headline', 'body']);
    expect(diff.fields[0]!.parts.filter((p) => p.kind === 'added').map((p) => p.text.trim())).toEqual(['in March']);
    expect(diff.addedWords).toBe(7);
    expect(diff.removedWords).toBe(0);
    expect(wireCopyDiff(reuters, ap)).toMatchObject({ addedWords: 0, removedWords: 7 });
  });

  it('finds nothing between identical copies', () => {
    const a = copy('同じ記事', ['本文。'], 'Kyodo');
    expect(wireCopyDiff(a, { ...a, agency: 'Jiji' })).toEqual({ fields: [], addedWords: 0, removedWords: 0 });
  });
});
