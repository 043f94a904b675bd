/** Sign-in security: cookie flags, throttling per account and per address (X-Forwarded-For ignored without a trusted proxy), revocation. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestSite, type TestSite } from '../support/test-site.js';
import { addStaff, signIn } from '../support/newsroom-session.js';

async function attempt(site: TestSite, email: string, password: string, headers: Record<string, string> = {}) {
  const form = await site.app.inject({ method: 'GET', url: '/newsroom/login' });
  const cookie = (form.headers['set-cookie'] as string).split(';')[0]!;
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
  return site.app.inject({
    method: 'POST', url: '/newsroom/login', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
    payload: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
}

describe('newsroom sign-in', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true });
  });
  afterAll(() => site.close());

  it('sets an HttpOnly, SameSite=Lax session cookie and never a session for a wrong password', async () => {
    const { email, password } = await addStaff(site, 'reporter');
    const wrong = await attempt(site, email, 'not the password at all');
    expect(wrong.statusCode).toBe(401);
    expect(String(wrong.headers['set-cookie'] ?? '')).not.toContain('dl_session=');
    const ok = await attempt(site, email, password);
    expect(ok.statusCode).toBe(303);
    const cookie = ([] as string[]).concat(ok.headers['set-cookie'] as string[]).find((c) => c.startsWith('dl_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/Secure/); // plain HTTP in tests; TLS gets Secure and the __Host- prefix
  });

  it('uses the __Host- prefix and Secure over TLS', async () => {
    const { setSessionCookie } = await import('../../src/adapters/http/newsroom/session-guard.js');
    const set: Record<string, unknown> = {};
    const reply = { setCookie: (name: string, _value: string, options: Record<string, unknown>) => { set[name] = options; } };
    setSessionCookie({ protocol: 'https' } as never, reply as never, 'token');
    expect(set['__Host-dl_session']).toMatchObject({ secure: true, httpOnly: true, sameSite: 'lax', path: '/' });
  });

  it('throttles an account after five failures with 429 and Retry-After, even with the right password', async () => {
    const { email, password } = await addStaff(site, 'reporter');
    for (let i = 0; i < 5; i++) expect((await attempt(site, email, `wrong password ${i}`, { 'x-forwarded-for': `203.0.113.${i}` })).statusCode).toBe(401);
    const blocked = await attempt(site, email, password);
    expect(blocked.statusCode).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
    expect(blocked.body).toContain('Too many failed sign-ins');
  });

  it('throttles an address across accounts, and a forged X-Forwarded-For does not get around it', async () => {
    const fresh = await createTestSite({ newsroom: true, withFixture: false });
    try {
      for (let i = 0; i < 30; i++) {
        const res = await attempt(fresh, `nobody${i}@news.test`, 'wrong password!!', { 'x-forwarded-for': `198.51.100.${i}` });
        expect(res.statusCode).toBe(401);
      }
      const res = await attempt(fresh, 'someone-else@news.test', 'wrong password!!', { 'x-forwarded-for': '192.0.2.77' });
      expect(res.statusCode).toBe(429);
    } finally {
      await fresh.close();
    }
  });

  it('ends every session of a user when the role or the password changes', async () => {
    const { email, password, user } = await addStaff(site, 'editor');
    const session = await signIn(site, email, password);
    expect((await session.get('/newsroom')).statusCode).toBe(200);
    await site.newsroom!.auth.setRole(user.id, 'reporter');
    expect((await session.get('/newsroom')).statusCode).toBe(303);
    const again = await signIn(site, email, password);
    await site.newsroom!.auth.setPassword(user.id, 'a brand new password');
    expect((await again.get('/newsroom')).statusCode).toBe(303);
  });

  it('refuses a state change from another origin even with a valid token', async () => {
    const session = await signIn(site, ...(await addStaff(site, 'reporter').then((s) => [s.email, s.password] as const)));
    const res = await session.post('/newsroom/stories', { headline: 'Cross-site', section: 'world' }, { origin: 'https://evil.example' });
    expect(res.statusCode).toBe(403);
  });

  it('never redirects off the newsroom after sign-in', async () => {
    const { email, password } = await addStaff(site, 'reporter');
    const form = await site.app.inject({ method: 'GET', url: '/newsroom/login?next=https://evil.example/' });
    const cookie = (form.headers['set-cookie'] as string).split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const res = await site.app.inject({
      method: 'POST', url: '/newsroom/login', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email, password, _csrf: token, next: '//evil.example/' }).toString(),
    });
    expect(res.headers.location).toBe('/newsroom');
  });
});

describe('one-time passwords', () => {
  let site: TestSite;
  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, withFixture: false });
  });
  afterAll(() => site.close());

  it('sends the first admin to choose their own password before anything else, then lets them in', async () => {
    const first = await site.newsroom!.auth.ensureFirstAdmin('chief@news.test');
    expect(first).not.toBeNull();
    expect(await site.newsroom!.auth.ensureFirstAdmin('again@news.test')).toBeNull();
    // Signed in by hand: the desk redirects, so the CSRF token comes from the password page.
    const form = await site.app.inject({ method: 'GET', url: '/newsroom/login' });
    const cookie = (form.headers['set-cookie'] as string).split(';')[0]!;
    const token = /name="_csrf" value="([^"]+)"/.exec(form.body)![1]!;
    const login = await site.app.inject({
      method: 'POST', url: '/newsroom/login', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
      payload: new URLSearchParams({ email: first!.email, password: first!.password, _csrf: token }).toString(),
    });
    const sessionCookie = ([] as string[]).concat(login.headers['set-cookie'] as string[]).find((c) => c.startsWith('dl_session='))!.split(';')[0]!;
    const desk = await site.app.inject({ method: 'GET', url: '/newsroom', headers: { cookie: sessionCookie } });
    expect(desk.statusCode).toBe(303);
    expect(desk.headers.location).toBe('/newsroom/password');
    const page = await site.app.inject({ method: 'GET', url: '/newsroom/password', headers: { cookie: sessionCookie } });
    expect(page.body).toContain('one-time password');
    const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
    const blocked = await site.app.inject({ method: 'POST', url: '/newsroom/stories', headers: { cookie: sessionCookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, headline: 'x' }).toString() });
    expect(blocked.statusCode).toBe(403);
    const post = (form: Record<string, string>) => site.app.inject({ method: 'POST', url: '/newsroom/password', headers: { cookie: sessionCookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ _csrf: csrf, ...form }).toString() });
    const wrong = await post({ current: 'not it at all', password: 'my own chosen password' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.body).toContain('current password is not right');
    const short = await post({ current: first!.password, password: 'short' });
    expect(short.body).toContain('at least 12 characters');
    const ok = await post({ current: first!.password, password: 'my own chosen password' });
    expect(ok.statusCode).toBe(303);
    expect((await site.app.inject({ method: 'GET', url: '/newsroom', headers: { cookie: sessionCookie } })).statusCode).toBe(200);
  });

  it('gives staff an admin adds a one-time password, and a reset makes it one-time again', async () => {
    const admin = await signIn(site, ...(await addStaff(site, 'admin').then((s) => [s.email, s.password] as const)));
    const added = await admin.post('/newsroom/users', { name: 'New Reporter', email: 'new.reporter@news.test', role: 'reporter' });
    expect(added.body).toMatch(/One-time password: [\w-]+/);
    const user = (await site.storage.users.findCredentialsByEmail('new.reporter@news.test'))!.user;
    expect(user.mustChangePassword).toBe(true);
    await site.newsroom!.auth.setPassword(user.id, 'a password chosen by them', { oneTime: false });
    expect((await site.storage.users.findById(user.id))!.mustChangePassword).toBe(false);
    await admin.post(`/newsroom/users/${user.id}/password`, {});
    expect((await site.storage.users.findById(user.id))!.mustChangePassword).toBe(true);
  });
});

describe('an expired session', () => {
  it('sends a posted form back through sign-in to the page it came from, and a script gets JSON', async () => {
    const site = await createTestSite({ newsroom: true, withFixture: false });
    try {
      const form = await site.app.inject({ method: 'POST', url: '/newsroom/stories/abc', headers: { 'content-type': 'application/x-www-form-urlencoded', host: 'news.test', referer: 'http://news.test/newsroom/stories/abc/edit' }, payload: 'headline=x' });
      expect(form.statusCode).toBe(303);
      expect(form.headers.location).toBe('/newsroom/login?next=%2Fnewsroom%2Fstories%2Fabc%2Fedit');
      const script = await site.app.inject({ method: 'POST', url: '/newsroom/stories/abc/autosave', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, payload: 'headline=x' });
      expect(script.statusCode).toBe(401);
      expect(script.json().error.code).toBe('AUTH_REQUIRED');
    } finally {
      await site.close();
    }
  });
});
