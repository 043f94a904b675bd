/** @module Staff users and their roles: who may do what in the newsroom. */
export const ROLES = ['contributor', 'reporter', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}

export interface StaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** The byline this user writes under. */
  author: { slug: string; name: string } | null;
  createdAt: Date;
  disabledAt: Date | null;
  /** Signed in with a one-time password: must choose their own before anything else. */
  mustChangePassword: boolean;
}

/** A user together with the hash the store keeps; never leaves the auth service. */
export interface StaffCredentials {
  user: StaffUser;
  passwordHash: string;
  passwordChangedAt: Date;
}

/** Emails compare case-insensitively and without surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

export function isPlausibleEmail(email: string): boolean {
  return /^[^\s@]{1,64}@[^\s@]{1,255}\.[^\s@]{2,}$/.test(email);
}

/** Passwords: long enough to resist guessing; no composition rules (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

export function passwordProblem(password: string): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`;
  if (password.length > MAX_PASSWORD_LENGTH) return `A password can have at most ${MAX_PASSWORD_LENGTH} characters.`;
  return null;
}
