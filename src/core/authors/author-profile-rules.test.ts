import { describe, expect, it } from 'vitest';
import { ROLES } from '../staff/staff-user.js';
import { canEditAuthorProfile, canListAllAuthors } from './author-profile-rules.js';

/** The expected matrix, written out: everyone edits their own profile; only admins anyone's (byline-only authors too). */
const EXPECTED = {
  contributor: { own: true, other: false, bylineOnly: false },
  reporter: { own: true, other: false, bylineOnly: false },
  editor: { own: true, other: false, bylineOnly: false },
  admin: { own: true, other: true, bylineOnly: true },
} as const;

describe('who may edit an author profile: role × own/other', () => {
  for (const role of ROLES) {
    const staff = { role, author: { slug: 'me', name: 'Me' } };
    it(`${role}: own ${EXPECTED[role].own}, someone else's ${EXPECTED[role].other}, a byline-only author's ${EXPECTED[role].bylineOnly}`, () => {
      expect(canEditAuthorProfile(staff, 'me')).toBe(EXPECTED[role].own);
      expect(canEditAuthorProfile(staff, 'someone-else')).toBe(EXPECTED[role].other);
      expect(canEditAuthorProfile(staff, 'reuters-wire-byline')).toBe(EXPECTED[role].bylineOnly);
      expect(canListAllAuthors(staff)).toBe(role === 'admin');
    });
  }

  it('gives a user without a byline nobody\'s profile unless they are an admin', () => {
    expect(canEditAuthorProfile({ role: 'editor', author: null }, 'me')).toBe(false);
    expect(canEditAuthorProfile({ role: 'admin', author: null }, 'me')).toBe(true);
  });
});
