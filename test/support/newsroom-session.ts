/** Staff sign-in for HTTP tests: add a user of a role, sign in through the login form, and post forms with the session's CSRF token. */
import type { LightMyRequestResponse } from 'fastify';
import type { Role } from '../../src/core/staff/staff-user.js';
import type { TestSite } from './test-site.js';

export interface StaffSession {
  userId: string;
  cookie: string;
  csrf: string;
  post(url: string, form: Record<string, string>, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  get(url: string, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
}

let counter = 0;

function cookiesOf(setCookie: string | string[] | undefined): string {
  return (Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []).map((c) => c.split(';')[0]).join('; ');
}

export async function addStaff(site: TestSite, role: Role, name = `${role} ${++counter}`) {
  const email = `${role}${counter}-${Math.random().toString(36).slice(2, 8)}@news.test`;
  const password = 'correct horse battery staple';
  const user = await site.newsroom!.auth.addUser({ email, name, role, password });
  return { email, password, user };
}

/** Signs in through the real login form (its CSRF cookie included) and reads the session's CSRF token from the desk page. */
export async function signIn(site: TestSite, email: string, password: string): Promise<StaffSession> {
  const form = await site.app.inject({ method: 'GET', url: '/newsroom/login' });
  const loginCookie = cookiesOf(form.headers['set-cookie']);
  const token = /name="_csrf" value="([^"]+)"/.exec(form.body)?.[1] ?? '';
  const res = await site.app.inject({
    method: 'POST', url: '/newsroom/login', headers: { cookie: loginCookie, 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ email, password, _csrf: token }).toString(),
  });
  if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode} ${res.body.slice(0, 200)}`);
  const cookie = cookiesOf(res.headers['set-cookie']).split('; ').filter((c) => c.startsWith('dl_session=')).join('; ');
  const desk = await site.app.inject({ method: 'GET', url: '/newsroom', headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(desk.body)?.[1] ?? '';
  const userId = (await site.storage.users.findCredentialsByEmail(email))!.user.id;
  return {
    userId, cookie, csrf,
    post: (url, body, headers = {}) => site.app.inject({
      method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded', ...headers },
      payload: new URLSearchParams({ _csrf: csrf, ...body }).toString(),
    }),
    get: (url, headers = {}) => site.app.inject({ method: 'GET', url, headers: { cookie, ...headers } }),
  };
}

export async function staffSession(site: TestSite, role: Role): Promise<StaffSession> {
  const { email, password } = await addStaff(site, role);
  return signIn(site, email, password);
}
