/** @module Tests for the paths an old request may be stored under, and old feed addresses. */
import { describe, expect, it } from 'vitest';
import { oldPathsOf } from './old-url-redirects.js';

describe('oldPathsOf', () => {
  it.each([
    ['/2024/01/15/slug/', ['/2024/01/15/slug'], null],
    ['/?p=100', ['?p=100'], null],
    ['/index.php?page_id=5&preview=true', ['?page_id=5', '/index.php'], null],
    ['/?cat=3&tag=ferries', ['?cat=3', '?tag=ferries'], null],
    ['/feed/', ['/feed'], '/feed.xml'],
    ['/rss/', ['/rss'], '/feed.xml'],
    ['/feed/atom/', ['/feed/atom'], '/feed.atom'],
    ['/category/local/harbour/feed/', ['/category/local/harbour/feed'], '/section/harbour/feed.xml'],
    [`/tag/${encodeURIComponent('港口')}/rss/`, ['/tag/港口/rss'], `/topic/${encodeURIComponent('港口')}/feed.xml`],
    ['/', [], null],
  ])('%s', (url, paths, feed) => {
    expect(oldPathsOf(url)).toEqual({ paths, feed });
  });
});
