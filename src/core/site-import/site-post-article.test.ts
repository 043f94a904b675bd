/** @module Tests for a site post as a story: times, highlights, scheduling, old paths. */
import { describe, expect, it } from 'vitest';
import { highlightsOf, newArticleOf, postChange, publicTimesOf } from './site-post-article.js';
import { normaliseOldPath, type SitePost } from './site-post.js';

function makePost(overrides: Partial<SitePost> = {}): SitePost {
  return {
    sourceKey: 'wordpress:example.com:7', sourceId: '7', line: 12, title: 'Ferry returns', slug: 'ferry-returns', status: 'published',
    publishedAt: new Date('2024-01-15T09:30:00Z'), modifiedAt: new Date('2024-01-16T08:05:00Z'),
    authors: [{ slug: 'marta-reyes', name: 'Marta Reyes' }], section: null, topics: [{ slug: 'ferries', name: 'Ferries' }],
    excerpt: '', body: [{ type: 'paragraph', text: 'Text.' }], lead: null, oldPaths: ['?p=7'], digest: 'd', ...overrides,
  };
}
const NEWS = { slug: 'news', name: 'News' };
const ids = { id: 'a1', slug: 'ferry-returns', shortCode: 'abc1234', revisionId: 'r1', createdAt: new Date('2026-12-06T10:00:00Z') };

describe('a site post as a story', () => {
  it('keeps first published and updated; never updated before first published; none for a draft', () => {
    expect(publicTimesOf(makePost())).toEqual({ first: new Date('2024-01-15T09:30:00Z'), updated: new Date('2024-01-16T08:05:00Z') });
    expect(publicTimesOf(makePost({ modifiedAt: new Date('2020-01-01T00:00:00Z') })).updated).toEqual(new Date('2024-01-15T09:30:00Z'));
    expect(publicTimesOf(makePost({ status: 'draft' }))).toEqual({ first: null, updated: null });
  });

  it('an excerpt is the highlight, cut at a word past 400 characters; an empty one is none', () => {
    expect(highlightsOf('  Council restores the night ferry.  ')).toEqual(['Council restores the night ferry.']);
    expect(highlightsOf('')).toEqual([]);
    const long = highlightsOf('كلمة '.repeat(120));
    expect(long[0]!.length).toBeLessThanOrEqual(400);
    expect(long[0]!.endsWith('كلمة…')).toBe(true);
  });

  it('stores a scheduled post as a draft, scheduled by the change that follows it for its publication time', () => {
    const post = makePost({ status: 'scheduled', publishedAt: new Date('2027-06-01T08:00:00Z') });
    expect(newArticleOf(post, NEWS, ids)).toMatchObject({ status: 'draft', firstPublishedAt: null, contentKey: 'wordpress:example.com:7', section: NEWS, actor: 'import' });
    expect(postChange(post, 'a1', NEWS, { id: 'r2', createdAt: ids.createdAt })).toMatchObject({
      status: 'scheduled', scheduledAt: new Date('2027-06-01T08:00:00Z'), revision: { kind: 'scheduled', actor: 'import' },
    });
    expect(postChange(makePost(), 'a1', NEWS, { id: 'r3', createdAt: ids.createdAt }).revision.kind).toBe('updated');
  });

  it('an untitled post still has a headline', () => {
    expect(newArticleOf(makePost({ title: '  ' }), NEWS, ids).headline).toBe('(untitled)');
  });
});

describe('normaliseOldPath', () => {
  it.each([
    ['/2024/01/15/slug/', '/2024/01/15/slug'],
    ['/2024/01/17/%d8%a7%d9%81%d8%aa%d8%aa%d8%a7%d8%ad/', '/2024/01/17/افتتاح'],
    ['/', '/'],
    ['?p=123', '?p=123'],
    ['tag/港口', '/tag/港口'],
    ['/bad/%zz/', '/bad/%zz'],
  ])('%s → %s', (raw, normalised) => {
    expect(normaliseOldPath(raw)).toBe(normalised);
  });
});
