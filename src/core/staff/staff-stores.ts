/** @module Ports of the staff domain: users, sessions, password hashing and login throttling. */
import type { Role, StaffCredentials, StaffUser } from './staff-user.js';

export interface NewStaffUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
  author: { slug: string; name: string } | null;
  createdAt: Date;
  /** The password is a one-time password: the user must replace it at first sign-in. */
  mustChangePassword: boolean;
}

export interface UserStore {
  /** Returns false when the email is taken. */
  insert(user: NewStaffUser): Promise<boolean>;
  findCredentialsByEmail(email: string): Promise<StaffCredentials | null>;
  findById(id: string): Promise<StaffUser | null>;
  list(): Promise<StaffUser[]>;
  count(): Promise<number>;
  setRole(id: string, role: Role): Promise<boolean>;
  setPasswordHash(id: string, passwordHash: string, at: Date, mustChange: boolean): Promise<boolean>;
}

export interface SessionRecord {
  /** A hash of the cookie's token, never the token itself. */
  id: string;
  userId: string;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  expiresAt: Date;
  ip: string | null;
  userAgent: string | null;
}

export interface SessionStore {
  insert(session: SessionRecord): Promise<void>;
  find(id: string): Promise<SessionRecord | null>;
  touch(id: string, lastSeenAt: Date, expiresAt: Date): Promise<void>;
  remove(id: string): Promise<void>;
  /** Revokes every session of a user (password or role changed). Returns how many. */
  removeForUser(userId: string): Promise<number>;
  removeExpired(now: Date): Promise<number>;
}

export interface PasswordHasher {
  hash(password: string): Promise<string>;
  verify(hash: string, password: string): Promise<boolean>;
}

/** Counts failed logins per key (account, address) in a window; shared across processes when Redis is there. */
export interface LoginThrottle {
  /** Seconds to wait before another attempt with any of these keys, or 0. */
  retryAfter(keys: string[]): Promise<number>;
  recordFailure(keys: string[]): Promise<void>;
  reset(key: string): Promise<void>;
}
