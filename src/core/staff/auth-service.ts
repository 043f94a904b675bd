/** @module Staff sign-in: throttled logins, database sessions with CSRF tokens, and user management that revokes sessions. */
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/domain-error.js';
import type { IdGenerator, RandomBytes } from '../shared/ids.js';
import { fail, ok, type Result } from '../shared/result.js';
import { slugify } from '../shared/slug.js';
import type { LoginThrottle, PasswordHasher, SessionRecord, SessionStore, UserStore } from './staff-stores.js';
import { isPlausibleEmail, normaliseEmail, passwordProblem, type Role, type StaffUser } from './staff-user.js';
import { base64url, constantTimeEquals } from './token-text.js';

export interface AuthDeps {
  users: UserStore;
  sessions: SessionStore;
  hasher: PasswordHasher;
  throttle: LoginThrottle;
  clock: Clock;
  ids: IdGenerator;
  randomBytes: RandomBytes;
  /** A one-way digest (SHA-256 hex in production): sessions are stored under the digest of their token. */
  digest: (text: string) => string;
}

/** Idle sessions end after a week; every session ends after 30 days. */
const IDLE_MS = 7 * 24 * 3600_000;
const ABSOLUTE_MS = 30 * 24 * 3600_000;
const TOUCH_EVERY_MS = 60_000;

export interface SignedIn {
  user: StaffUser;
  session: SessionRecord;
}

/** Why a sign-in was refused, named by its error code: both are expected, neither is thrown. */
export type SignInRefusal =
  | { code: 'AUTH_THROTTLED'; message: string; retryAfter: number }
  | { code: 'AUTH_INVALID_CREDENTIALS'; message: string };

/** Why a password change was refused, with the form field it concerns. */
export interface PasswordChangeRefusal {
  code: 'AUTH_INVALID_CREDENTIALS' | 'VALIDATION_FAILED';
  message: string;
  issues: { path: 'current' | 'password'; message: string }[];
}

export type AuthService = ReturnType<typeof createAuthService>;

export function createAuthService(deps: AuthDeps) {
  const { users, sessions, hasher, clock } = deps;
  let dummyHash: Promise<string> | null = null;

  async function signIn(input: { email: string; password: string; ip: string | null; userAgent: string | null }): Promise<Result<{ token: string; signedIn: SignedIn }, SignInRefusal>> {
    const email = normaliseEmail(input.email);
    const keys = [`account:${email}`, ...(input.ip ? [`ip:${input.ip}`] : [])];
    const wait = await deps.throttle.retryAfter(keys);
    if (wait > 0) return fail({ code: 'AUTH_THROTTLED', message: `Too many failed sign-ins. Try again in ${Math.ceil(wait / 60)} minute${wait > 60 ? 's' : ''}.`, retryAfter: wait });
    const found = await users.findCredentialsByEmail(email);
    // An unknown email costs the same hashing time as a wrong password, so timing does not reveal accounts.
    const valid = found
      ? await hasher.verify(found.passwordHash, input.password)
      : (await hasher.verify(await (dummyHash ??= hasher.hash('not a real password')), input.password), false);
    if (!found || !valid || found.user.disabledAt) {
      await deps.throttle.recordFailure(keys);
      return fail({ code: 'AUTH_INVALID_CREDENTIALS', message: 'That email and password do not match an account.' });
    }
    await deps.throttle.reset(`account:${email}`);
    const token = base64url(deps.randomBytes(32));
    const now = clock.now();
    const session: SessionRecord = {
      id: deps.digest(token), userId: found.user.id, csrfToken: base64url(deps.randomBytes(24)), createdAt: now, lastSeenAt: now,
      expiresAt: new Date(now.getTime() + IDLE_MS), ip: input.ip, userAgent: input.userAgent?.slice(0, 300) ?? null,
    };
    await sessions.insert(session);
    return ok({ token, signedIn: { user: found.user, session } });
  }

  /** The staff user behind a session cookie, or null (expired, revoked, disabled, unknown). */
  async function authenticate(token: string | undefined): Promise<SignedIn | null> {
    if (!token || token.length > 100) return null;
    const session = await sessions.find(deps.digest(token));
    if (!session) return null;
    const now = clock.now();
    if (session.expiresAt.getTime() <= now.getTime() || now.getTime() - session.createdAt.getTime() > ABSOLUTE_MS) {
      await sessions.remove(session.id);
      return null;
    }
    const user = await users.findById(session.userId);
    if (!user || user.disabledAt) return null;
    if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
      const expiresAt = new Date(Math.min(now.getTime() + IDLE_MS, session.createdAt.getTime() + ABSOLUTE_MS));
      await sessions.touch(session.id, now, expiresAt);
    }
    return { user, session };
  }

  function isValidCsrf(signedIn: SignedIn, submitted: string | undefined): boolean {
    return typeof submitted === 'string' && constantTimeEquals(submitted, signedIn.session.csrfToken);
  }

  async function signOut(token: string | undefined): Promise<void> {
    if (token) await sessions.remove(deps.digest(token));
  }

  /** `oneTime`: the password was chosen for them (generated or set by an admin) and must be replaced at first sign-in. */
  async function addUser(input: { email: string; name: string; role: Role; password: string; oneTime?: boolean }): Promise<StaffUser> {
    const email = normaliseEmail(input.email);
    if (!isPlausibleEmail(email)) throw new DomainError('VALIDATION_FAILED', `“${input.email}” is not an email address.`, { issues: [{ path: 'email', message: 'Not an email address.' }] });
    const problem = passwordProblem(input.password);
    if (problem) throw new DomainError('VALIDATION_FAILED', problem, { issues: [{ path: 'password', message: problem }] });
    const name = input.name.trim() || email.split('@')[0]!;
    const id = deps.ids.newId();
    const inserted = await users.insert({
      id, email, name, role: input.role, passwordHash: await hasher.hash(input.password),
      author: { slug: slugify(name, 'staff'), name }, createdAt: clock.now(), mustChangePassword: input.oneTime ?? false,
    });
    if (!inserted) throw new DomainError('USER_EMAIL_TAKEN', `There is already an account for ${email}.`, { email });
    return (await users.findById(id))!;
  }

  /** A role change or a new password ends every session of that user. */
  async function setRole(userId: string, role: Role): Promise<number> {
    // Someone must always be able to manage staff, sections and settings.
    if (role !== 'admin') {
      const admins = (await users.list()).filter((u) => u.role === 'admin' && !u.disabledAt);
      if (admins.length === 1 && admins[0]!.id === userId) throw new DomainError('VALIDATION_FAILED', 'This is the last admin: make someone else an admin first.');
    }
    if (!(await users.setRole(userId, role))) throw new DomainError('USER_NOT_FOUND', 'There is no such user.', { userId });
    return sessions.removeForUser(userId);
  }

  async function setPassword(userId: string, password: string, options: { oneTime?: boolean } = {}): Promise<number> {
    const problem = passwordProblem(password);
    if (problem) throw new DomainError('VALIDATION_FAILED', problem, { issues: [{ path: 'password', message: problem }] });
    if (!(await users.setPasswordHash(userId, await hasher.hash(password), clock.now(), options.oneTime ?? false))) throw new DomainError('USER_NOT_FOUND', 'There is no such user.', { userId });
    return sessions.removeForUser(userId);
  }

  /** A signed-in user replaces their own password: the current one is checked, every other session ends, this one stays. */
  async function changeOwnPassword(signedIn: SignedIn, current: string, next: string): Promise<Result<void, PasswordChangeRefusal>> {
    const found = await users.findCredentialsByEmail(signedIn.user.email);
    if (!found || !(await hasher.verify(found.passwordHash, current))) {
      return fail({ code: 'AUTH_INVALID_CREDENTIALS', message: 'The current password is not right.', issues: [{ path: 'current', message: 'Not your current password.' }] });
    }
    if (next === current) return fail({ code: 'VALIDATION_FAILED', message: 'Choose a password different from the current one.', issues: [{ path: 'password', message: 'Same as before.' }] });
    const problem = passwordProblem(next);
    if (problem) return fail({ code: 'VALIDATION_FAILED', message: problem, issues: [{ path: 'password', message: problem }] });
    await users.setPasswordHash(signedIn.user.id, await hasher.hash(next), clock.now(), false);
    await sessions.removeForUser(signedIn.user.id);
    await sessions.insert({ ...signedIn.session, lastSeenAt: clock.now() });
    return ok(undefined);
  }

  /** First run: an admin with a one-time password when there is no user at all. Returns the password to print, or null. */
  async function ensureFirstAdmin(email = 'admin@localhost.test'): Promise<{ email: string; password: string } | null> {
    if ((await users.count()) > 0) return null;
    const password = base64url(deps.randomBytes(18));
    await addUser({ email, name: 'Admin', role: 'admin', password, oneTime: true });
    return { email, password };
  }

  function newPassword(): string {
    return base64url(deps.randomBytes(18));
  }

  return { signIn, authenticate, isValidCsrf, signOut, addUser, setRole, setPassword, changeOwnPassword, ensureFirstAdmin, newPassword };
}
