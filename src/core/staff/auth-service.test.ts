/** @module Tests for the auth service over in-memory ports: refused sign-ins and password changes are values, and only failures count towards the throttle. */
import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { createAuthService, type SignedIn } from './auth-service.js';
import type { LoginThrottle, NewStaffUser, SessionRecord } from './staff-stores.js';
import type { StaffUser } from './staff-user.js';

const PASSWORD = 'correct horse battery staple';

function memoryPorts() {
  const users = new Map<string, NewStaffUser>();
  const sessions = new Map<string, SessionRecord>();
  const failures = new Map<string, number>();
  const asUser = (u: NewStaffUser): StaffUser => ({ id: u.id, email: u.email, name: u.name, role: u.role, author: u.author, createdAt: u.createdAt, disabledAt: null, mustChangePassword: u.mustChangePassword });
  const throttle: LoginThrottle = {
    retryAfter: async (keys) => (keys.some((k) => (failures.get(k) ?? 0) >= 3) ? 120 : 0),
    recordFailure: async (keys) => keys.forEach((k) => failures.set(k, (failures.get(k) ?? 0) + 1)),
    reset: async (key) => void failures.delete(key),
  };
  let next = 0;
  return {
    failures, sessions,
    users: {
      insert: async (u: NewStaffUser) => ([...users.values()].some((x) => x.email === u.email) ? false : (users.set(u.id, u), true)),
      findCredentialsByEmail: async (email: string) => {
        const u = [...users.values()].find((x) => x.email === email);
        return u ? { user: asUser(u), passwordHash: u.passwordHash, passwordChangedAt: u.createdAt } : null;
      },
      findById: async (id: string) => (users.has(id) ? asUser(users.get(id)!) : null),
      list: async () => [...users.values()].map(asUser),
      count: async () => users.size,
      setRole: async () => true,
      setPasswordHash: async (id: string, passwordHash: string) => (users.has(id) ? (users.get(id)!.passwordHash = passwordHash, true) : false),
    },
    sessionStore: {
      insert: async (s: SessionRecord) => void sessions.set(s.id, s),
      find: async (id: string) => sessions.get(id) ?? null,
      touch: async () => {},
      remove: async (id: string) => void sessions.delete(id),
      removeForUser: async (userId: string) => [...sessions.values()].filter((s) => s.userId === userId && sessions.delete(s.id)).length,
      removeExpired: async () => 0,
    },
    throttle,
    ids: { newId: () => `user-${++next}` },
  };
}

async function setUp() {
  const ports = memoryPorts();
  const auth = createAuthService({
    users: ports.users, sessions: ports.sessionStore, throttle: ports.throttle, clock: fixedClock(new Date('2025-01-17T12:00:00Z')), ids: ports.ids,
    hasher: { hash: async (p) => `hashed:${p}`, verify: async (h, p) => h === `hashed:${p}` },
    randomBytes: (n) => new Uint8Array(n).map(() => Math.floor(Math.random() * 256)), digest: (t) => `digest:${t}`,
  });
  await auth.addUser({ email: 'reporter@news.test', name: 'Reporter', role: 'reporter', password: PASSWORD });
  const signIn = (password: string, email = 'reporter@news.test') => auth.signIn({ email, password, ip: '192.0.2.1', userAgent: null });
  return { auth, ports, signIn };
}

describe('signIn', () => {
  it('answers a session for the right password and a refusal value for a wrong one or an unknown email', async () => {
    const { signIn } = await setUp();
    const signedIn = await signIn(PASSWORD);
    expect(signedIn.ok && signedIn.value.signedIn.user.email).toBe('reporter@news.test');
    expect(await signIn('wrong password')).toEqual({ ok: false, reason: { code: 'AUTH_INVALID_CREDENTIALS', message: 'That email and password do not match an account.' } });
    expect(await signIn(PASSWORD, 'nobody@news.test')).toMatchObject({ ok: false, reason: { code: 'AUTH_INVALID_CREDENTIALS' } });
  });

  it('counts each refused attempt towards the throttle, then refuses even the right password with the seconds to wait', async () => {
    const { ports, signIn } = await setUp();
    for (let i = 0; i < 3; i++) expect((await signIn(`wrong ${i}`)).ok).toBe(false);
    expect(ports.failures.get('account:reporter@news.test')).toBe(3);
    expect(ports.failures.get('ip:192.0.2.1')).toBe(3);
    expect(await signIn(PASSWORD)).toEqual({ ok: false, reason: { code: 'AUTH_THROTTLED', message: 'Too many failed sign-ins. Try again in 2 minutes.', retryAfter: 120 } });
    // A throttled attempt is not another failure.
    expect(ports.failures.get('account:reporter@news.test')).toBe(3);
    expect(ports.sessions.size).toBe(0);
  });
});

describe('changeOwnPassword', () => {
  async function signedIn() {
    const context = await setUp();
    const result = await context.signIn(PASSWORD);
    if (!result.ok) throw new Error(result.reason.code);
    return { ...context, me: result.value.signedIn as SignedIn };
  }

  it('refuses a wrong current password, the same password and a weak one as values naming the field', async () => {
    const { auth, me } = await signedIn();
    expect(await auth.changeOwnPassword(me, 'not it', 'a brand new password')).toMatchObject({ ok: false, reason: { code: 'AUTH_INVALID_CREDENTIALS', issues: [{ path: 'current' }] } });
    expect(await auth.changeOwnPassword(me, PASSWORD, PASSWORD)).toMatchObject({ ok: false, reason: { code: 'VALIDATION_FAILED', issues: [{ path: 'password' }] } });
    expect(await auth.changeOwnPassword(me, PASSWORD, 'short')).toMatchObject({ ok: false, reason: { code: 'VALIDATION_FAILED', issues: [{ path: 'password' }] } });
  });

  it('changes the password and keeps only this session', async () => {
    const { auth, me, signIn, ports } = await signedIn();
    await signIn(PASSWORD);
    expect(ports.sessions.size).toBe(2);
    expect(await auth.changeOwnPassword(me, PASSWORD, 'a brand new password')).toEqual({ ok: true, value: undefined });
    expect([...ports.sessions.keys()]).toEqual([me.session.id]);
    expect((await signIn('a brand new password')).ok).toBe(true);
  });
});
