/** @module Tests for the paths an old request may be stored under, and old feed addresses (the site's and an archive's). */
import { describe, expect, it } from 'vitest';
import { oldPathsOf } from './old-url-redirects.js';

describe('oldPathsOf', () => {
  it.each([
    ['/2024/01/15/slug/', ['/2024/01/15/slug'], null],
    ['/?p=100', ['?p=100'], null],
    ['/index.php?page_id=5&preview=true', ['?page_id=5', '/index.php'], null],
    ['/?cat=3&tag=ferries', ['?cat=3', '?tag=ferries'], null],
    ['/feed/', ['/feed'], { file: 'feed.xml', archive: null, guess: null }],
    ['/rss/', ['/rss'], { file: 'feed.xml', archive: null, guess: null }],
    ['/feed/atom/', ['/feed/atom'], { file: 'feed.atom', archive: null, guess: null }],
    ['/category/local/harbour/feed/', ['/category/local/harbour/feed'], { file: 'feed.xml', archive: '/category/local/harbour', guess: '/section/harbour/feed.xml' }],
    [`/tag/${encodeURIComponent('港口')}/rss/`, ['/tag/港口/rss'], { file: 'feed.xml', archive: '/tag/港口', guess: `/topic/${encodeURIComponent('港口')}/feed.xml` }],
    ['/author/mreyes/feed/atom/', ['/author/mreyes/feed/atom'], { file: 'feed.atom', archive: '/author/mreyes', guess: null }],
    [`/author/${encodeURIComponent('капитан-🚢')}/rss/`, ['/author/капитан-🚢/rss'], { file: 'feed.xml', archive: '/author/капитан-🚢', guess: null }],
    ['/category/local/page/3/', ['/category/local/page/3', '/category/local'], null],
    ['/author/mreyes/page/2', ['/author/mreyes/page/2', '/author/mreyes'], null],
    ['/page/2/', ['/page/2'], null],
    ['/', [], null],
  ])('%s', (url, paths, feed) => {
    expect(oldPathsOf(url)).toEqual({ paths, feed });
  });
});
