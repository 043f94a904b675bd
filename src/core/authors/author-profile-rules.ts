/**
 * @module Who may edit which author profile, as one table beside the workflow's (article-actions.ts, article-reads.ts):
 * every staff member their own byline's profile; admins anyone's, byline-only authors (from wire bylines) included.
 */
import type { Role, StaffUser } from '../staff/staff-user.js';

interface ProfileRule {
  /** May edit the profile of the byline they write under. */
  own: boolean;
  /** May edit any author's profile. */
  any: boolean;
}

export const PROFILE_EDIT_RULES: Record<Role, ProfileRule> = {
  contributor: { own: true, any: false },
  reporter: { own: true, any: false },
  editor: { own: true, any: false },
  admin: { own: true, any: true },
};

export function isOwnAuthor(staff: Pick<StaffUser, 'author'>, authorSlug: string): boolean {
  return staff.author?.slug === authorSlug;
}

export function canEditAuthorProfile(staff: Pick<StaffUser, 'role' | 'author'>, authorSlug: string): boolean {
  const rule = PROFILE_EDIT_RULES[staff.role];
  return rule.any || (rule.own && isOwnAuthor(staff, authorSlug));
}

/** Admins see every author in the newsroom's list; everyone else only their own. */
export function canListAllAuthors(staff: Pick<StaffUser, 'role'>): boolean {
  return PROFILE_EDIT_RULES[staff.role].any;
}
