/**
 * Newsroom routes deny by default: every registered route is listed (Fastify's onRoute hook), a state-changing one
 * may skip the guard only from the allow-lists below, and every guarded route refuses a request without a session
 * and a state change without the CSRF token.
 */
import Fastify, { type HTTPMethods, type LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerNewsroom } from '../../src/adapters/http/newsroom/register-newsroom.js';
import { isStateChanging, type NewsroomRouteConfig } from '../../src/adapters/http/newsroom/session-guard.js';
import { staffSession, type StaffSession } from '../support/newsroom-session.js';
import { createTestSite, type TestSite } from '../support/test-site.js';

/** Public routes that change state, each with its own check: the login form's cookie token; sign-out's session token when there is a session. */
const PUBLIC_STATE_CHANGES = ['POST /newsroom/login', 'POST /newsroom/logout'];
/** Routes whose CSRF token is inside a streamed multipart body, checked by the handler (`requireMultipartCsrf`). */
const MULTIPART_UPLOADS = ['POST /newsroom/media'];
/** Routes registerNewsroom adds outside /newsroom: read-only and public by nature. */
const OUTSIDE_THE_NEWSROOM = ['GET /media/:shard/:file', 'HEAD /media/:shard/:file'];

interface ListedRoute {
  method: HTTPMethods;
  url: string;
  config: NewsroomRouteConfig;
  name: string;
}

/** Every route registerNewsroom registers, from Fastify's onRoute hook on a bare app with the same dependencies. */
async function listRoutes(site: TestSite): Promise<ListedRoute[]> {
  const app = Fastify();
  const routes: ListedRoute[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of ([] as HTTPMethods[]).concat(route.method)) {
      routes.push({ method, url: route.url, config: (route.config ?? {}) as NewsroomRouteConfig, name: `${method} ${route.url}` });
    }
  });
  registerNewsroom(app, site.deps.newsroom!.deps, site.deps.newsroom!.media, () => {});
  await app.ready();
  await app.close();
  return routes;
}

/** A concrete URL for a route pattern: any value passes the guard, which runs before the handler reads it. */
const urlOf = (route: ListedRoute) => route.url.replace(/:\w+/g, 'x1');

function multipartWithoutToken(): { payload: string; headers: Record<string, string> } {
  const boundary = '----dateline-guard-test';
  const payload = [
    `--${boundary}`, 'Content-Disposition: form-data; name="alt"', '', 'A photo', `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="a.png"', 'Content-Type: image/png', '', 'not really a png', `--${boundary}--`, '',
  ].join('\r\n');
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('newsroom route guards', () => {
  let site: TestSite;
  let routes: ListedRoute[];
  let newsroom: ListedRoute[];
  let admin: StaffSession;

  beforeAll(async () => {
    site = await createTestSite({ newsroom: true, withFixture: false });
    routes = await listRoutes(site);
    newsroom = routes.filter((r) => r.url.startsWith('/newsroom'));
    admin = await staffSession(site, 'admin');
  });
  afterAll(() => site.close());

  it('lists every route, and none of them changes state without the guard unless it is on an allow-list', () => {
    // The list is real: the desk, the editor, admin pages and the wire desk are all in it.
    for (const name of ['GET /newsroom', 'POST /newsroom/stories/:id', 'POST /newsroom/users', 'POST /newsroom/wire/:id/use', 'GET /newsroom/wire/:id/compare/:otherId', 'POST /newsroom/wire/:id/photos/:index']) {
      expect(routes.map((r) => r.name)).toContain(name);
    }
    expect(routes.filter((r) => !r.url.startsWith('/newsroom')).map((r) => r.name).sort()).toEqual([...OUTSIDE_THE_NEWSROOM].sort());
    const unguarded = newsroom.filter((r) => isStateChanging(r.method) && r.config.public).map((r) => r.name);
    expect(unguarded.sort()).toEqual([...PUBLIC_STATE_CHANGES].sort());
    expect(newsroom.filter((r) => r.config.csrf).map((r) => r.name)).toEqual(MULTIPART_UPLOADS);
    // Only sign-in (page and form) and sign-out are open without a session.
    expect(newsroom.filter((r) => r.config.public && !isStateChanging(r.method)).map((r) => r.name).sort()).toEqual(['GET /newsroom/login', 'HEAD /newsroom/login']);
  });

  it('sends a browser without a session to sign-in, and answers a script 401 AUTH_REQUIRED, on every guarded route', async () => {
    const guarded = newsroom.filter((r) => !r.config.public);
    expect(guarded.length).toBeGreaterThan(30);
    for (const route of guarded) {
      const browser = await site.app.inject({ method: route.method, url: urlOf(route) });
      expect([route.name, browser.statusCode, String(browser.headers.location)]).toEqual([route.name, 303, expect.stringMatching(/^\/newsroom\/login\?next=/)]);
      const script = await site.app.inject({ method: route.method, url: urlOf(route), headers: { accept: 'application/json' } });
      expect([route.name, script.statusCode]).toEqual([route.name, 401]);
      if (route.method !== 'HEAD') expect(script.json()).toEqual({ error: { code: 'AUTH_REQUIRED', message: 'Please sign in.' } });
    }
  });

  it('refuses a state change without the CSRF token on every guarded route, multipart uploads included', async () => {
    const changes = newsroom.filter((r) => isStateChanging(r.method) && !r.config.public);
    expect(changes.length).toBeGreaterThan(15);
    const refused = (res: LightMyRequestResponse, name: string) => expect([name, res.statusCode, res.json().error.code]).toEqual([name, 403, 'AUTH_CSRF_INVALID']);
    for (const route of changes) {
      const form = await site.app.inject({
        method: route.method, url: urlOf(route), payload: 'headline=x&name=x',
        headers: { cookie: admin.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' },
      });
      refused(form, route.name);
      const wrong = await site.app.inject({ method: route.method, url: urlOf(route), headers: { cookie: admin.cookie, accept: 'application/json', 'x-csrf-token': 'not-the-token' } });
      refused(wrong, route.name);
      if (route.config.csrf === 'multipart') {
        const upload = multipartWithoutToken();
        refused(await site.app.inject({ method: route.method, url: urlOf(route), payload: upload.payload, headers: { cookie: admin.cookie, accept: 'application/json', ...upload.headers } }), route.name);
      }
    }
  });

  it('lets a state change with the token through the guard', async () => {
    const res = await admin.post('/newsroom/stories', { headline: 'Through the guard', section: 'world' });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toMatch(/^\/newsroom\/stories\/[\w-]+\/edit/);
  });

  it('checks the public state changes on the allow-list by themselves', async () => {
    const login = await site.app.inject({ method: 'POST', url: '/newsroom/login', payload: 'email=a@news.test&password=x&_csrf=forged', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(login.statusCode).toBe(403);
    const session = await staffSession(site, 'reporter');
    const logout = await site.app.inject({ method: 'POST', url: '/newsroom/logout', payload: '', headers: { cookie: session.cookie, accept: 'application/json', 'content-type': 'application/x-www-form-urlencoded' } });
    expect(logout.statusCode).toBe(403);
    expect((await session.get('/newsroom')).statusCode).toBe(200);
    expect((await session.post('/newsroom/logout', {})).statusCode).toBe(303);
    expect((await session.get('/newsroom')).statusCode).toBe(303);
  });
});
