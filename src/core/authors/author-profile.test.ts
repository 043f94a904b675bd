import { describe, expect, it } from 'vitest';
import { checkProfileChange, isWebAddress } from './author-profile.js';

const change = (links: string[], more: Partial<{ bio: string; jobTitle: string }> = {}) =>
  checkProfileChange({ bio: more.bio ?? null, jobTitle: more.jobTitle ?? null, photoId: null, links });

describe('author profile links', () => {
  it('keeps http(s) addresses only, named after the site they point to', () => {
    const checked = change(['https://x.com/ann', '  https://www.linkedin.com/in/ann ', '', 'http://ann.example/ميدان', 'https://bsky.app/profile/ann']);
    expect(checked).toEqual({ ok: true, links: [
      { label: 'X', url: 'https://x.com/ann' }, { label: 'LinkedIn', url: 'https://www.linkedin.com/in/ann' },
      { label: 'Website', url: 'http://ann.example/ميدان' }, { label: 'Bluesky', url: 'https://bsky.app/profile/ann' },
    ] });
  });

  it.each(['javascript:alert(1)', 'data:text/html,<script>', '//evil.example', 'ftp://x.example', 'https://user:pw@x.example', 'https://x.example/a b', 'not a url', `https://x.example/${'a'.repeat(600)}`])(
    'refuses %s', (address) => {
      expect(isWebAddress(address)).toBe(false);
      expect(change([address])).toMatchObject({ ok: false, field: 'links' });
    });

  it('limits the number of links and the length of role and bio; drops repeats', () => {
    expect(change(Array.from({ length: 7 }, (_, i) => `https://a.example/${i}`))).toMatchObject({ ok: false, field: 'links' });
    expect(change(['https://a.example', 'https://a.example'])).toEqual({ ok: true, links: [{ label: 'Website', url: 'https://a.example' }] });
    expect(change([], { bio: 'ب'.repeat(1001) })).toMatchObject({ ok: false, field: 'bio' });
    expect(change([], { jobTitle: '記者'.repeat(51) })).toMatchObject({ ok: false, field: 'jobTitle' });
  });
});
