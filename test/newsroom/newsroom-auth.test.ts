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
