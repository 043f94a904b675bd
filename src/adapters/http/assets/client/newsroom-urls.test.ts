/** @module Tests of the URLs the editor accepts for links and embeds. */
import { describe, expect, it } from 'vitest';
import { isSitePath, isWebUrl, normaliseLinkUrl, normaliseTypedUrl } from './newsroom-urls.js';

describe('normaliseTypedUrl', () => {
  it('accepts http, https and (for links) mailto as typed', () => {
    expect(normaliseTypedUrl(' https://example.com/a?b=1 ', true)).toBe('https://example.com/a?b=1');
    expect(normaliseTypedUrl('http://example.com', false)).toBe('http://example.com');
    expect(normaliseTypedUrl('mailto:desk@example.com', true)).toBe('mailto:desk@example.com');
    expect(normaliseTypedUrl('mailto:desk@example.com', false)).toBeNull();
  });

  it('completes bare hosts and e-mail addresses', () => {
    expect(normaliseTypedUrl('example.com/story', true)).toBe('https://example.com/story');
    expect(normaliseTypedUrl('desk@example.com', true)).toBe('mailto:desk@example.com');
  });

  it('refuses every other scheme and junk', () => {
    for (const bad of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', 'ftp://x.example', '', '   ', 'not a url', 'https://', '/relative', 'mailto:nobody']) {
      expect(normaliseTypedUrl(bad, true)).toBeNull();
    }
  });
});

describe('isWebUrl', () => {
  it('is true only for absolute http(s) URLs', () => {
    expect(isWebUrl('https://video.example/v/1')).toBe(true);
    expect(isWebUrl('javascript:alert(1)')).toBe(false);
    expect(isWebUrl('/media/x')).toBe(false);
  });
});

describe('normaliseLinkUrl', () => {
  it('takes web and mail addresses as normaliseTypedUrl does, and paths on this site as they are', () => {
    expect(normaliseLinkUrl(' https://example.com/a ')).toBe('https://example.com/a');
    expect(normaliseLinkUrl('desk@example.com')).toBe('mailto:desk@example.com');
    expect(normaliseLinkUrl('/article/floods-cut-off-village')).toBe('/article/floods-cut-off-village');
    expect(normaliseLinkUrl('/ar/article/جسر-الميناء')).toBe('/ar/article/جسر-الميناء');
    expect(isSitePath('/')).toBe(true);
  });

  it('refuses other hosts written as paths, other schemes and junk', () => {
    // Two slashes name another host: not a path on this site (normaliseTypedUrl reads it as that host, over https).
    expect(isSitePath('//evil.example/x')).toBe(false);
    for (const bad of ['/\\evil.example', '/a b', 'javascript:alert(1)', 'data:text/html,x', '', 'relative/path', 'mailto:nobody']) {
      expect(normaliseLinkUrl(bad), bad).toBeNull();
    }
  });
});
